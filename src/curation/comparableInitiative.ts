import type { Initiative } from '../core/directory/initiativeSchema'
import type { Taxonomy } from '../core/directory/taxonomySchema'
import { canonicalInitiative } from './canonicalInitiative'

/**
 * The form two records are compared in: the written form (canonicalInitiative) with `inferred` in
 * taxonomy order, because it is a set and the database keeps no order for it. data/initiatives.json
 * keeps whatever order a curator wrote, so this is for comparing only, never for writing.
 * @example JSON.stringify(comparableInitiative(fromCsv, taxonomy)) === JSON.stringify(comparableInitiative(fromDatabase, taxonomy))
 */
export function comparableInitiative(record: Initiative, taxonomy: Taxonomy): Initiative {
  const order = taxonomy.criteria.map((criterion) => criterion.id)
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length)
  // Stable sort: ids the taxonomy does not know keep their own order, after the rest.
  const inferred = [...new Set(record.inferred)].sort((a, b) => rank(a) - rank(b))
  return { ...canonicalInitiative(record, taxonomy), inferred }
}
