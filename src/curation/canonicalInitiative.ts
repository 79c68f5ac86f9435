import type { Initiative } from '../core/directory/initiativeSchema'
import type { Taxonomy } from '../core/directory/taxonomySchema'

/**
 * The one written form of a record, so export, import and the CSV agree byte for byte: tags in
 * taxonomy order (criteria the taxonomy does not know after them, in their own order) and no
 * empty tag lists (a CSV cell and the database cannot tell an empty list from a missing one).
 * @example canonicalInitiative(record, taxonomy).tags // { jrc_category: […], target_group: […] }
 */
export function canonicalInitiative(record: Initiative, taxonomy: Taxonomy): Initiative {
  const order = taxonomy.criteria.map((criterion) => criterion.id)
  const keys = Object.keys(record.tags)
  const tags: Record<string, string[]> = {}
  for (const key of [...order.filter((id) => keys.includes(id)), ...keys.filter((id) => !order.includes(id))]) {
    const values = record.tags[key]
    if (values && values.length > 0) tags[key] = values
  }
  return { ...record, tags }
}

/** Code-unit order of ids, the order data/initiatives.json is kept in. */
export function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}
