import type { Initiative } from '../core/directory/initiativeSchema'
import type { Taxonomy } from '../core/directory/taxonomySchema'
import { byId, canonicalInitiative } from './canonicalInitiative'

/**
 * The text of data/initiatives.json: `{ "initiatives": [...] }` sorted by id, 2-space JSON, one
 * trailing newline. Export and import both write exactly this, so an unchanged directory gives the
 * same bytes.
 * @example writeFileSync('data/initiatives.json', initiativesToJson(records, taxonomy))
 */
export function initiativesToJson(initiatives: readonly Initiative[], taxonomy: Taxonomy): string {
  const sorted = initiatives.map((record) => canonicalInitiative(record, taxonomy)).sort(byId)
  return `${JSON.stringify({ initiatives: sorted }, null, 2)}\n`
}
