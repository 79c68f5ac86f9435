import type { Initiative } from '../core/directory/initiativeSchema'
import type { Taxonomy } from '../core/directory/taxonomySchema'
import { byId, canonicalInitiative } from './canonicalInitiative'
import { comparableInitiative } from './comparableInitiative'

/** upsert: the file's records replace or join those with the same id, the rest stay. replace: the file is the whole directory. */
export type ImportMode = 'upsert' | 'replace'

/** The directory after an import, and what the import did to it, by id. */
export interface MergeResult {
  /** Sorted by id. Duplicate ids are kept, so the cross-record check can report them. */
  initiatives: Initiative[]
  added: string[]
  changed: string[]
  unchanged: string[]
  removed: string[]
}

/**
 * The directory an import would produce, compared record by record with the current one.
 * Records are compared in comparableInitiative form, so reordered tags or `inferred` are not a
 * change; an unchanged record stays exactly as it was written.
 * @example mergeInitiatives(current, fromCsv, 'upsert', taxonomy).changed // ['stop-it-now-nl']
 */
export function mergeInitiatives(
  current: readonly Initiative[],
  incoming: readonly Initiative[],
  mode: ImportMode,
  taxonomy: Taxonomy,
): MergeResult {
  const comparable = (record: Initiative) => JSON.stringify(comparableInitiative(record, taxonomy))
  const before = new Map(current.map((record) => [record.id, { record, text: comparable(record) }]))
  const incomingIds = new Set(incoming.map((record) => record.id))
  const kept = mode === 'replace' ? [] : current.filter((record) => !incomingIds.has(record.id))
  const arriving = incoming.map((record) => {
    const old = before.get(record.id)
    return old && old.text === comparable(record) ? old.record : record
  })
  const initiatives = [...kept, ...arriving].map((record) => canonicalInitiative(record, taxonomy)).sort(byId)

  const after = new Map(initiatives.map((record) => [record.id, comparable(record)]))
  const result: MergeResult = { initiatives, added: [], changed: [], unchanged: [], removed: [] }
  for (const [id, text] of after) {
    const old = before.get(id)
    if (old === undefined) result.added.push(id)
    else if (old.text === text) result.unchanged.push(id)
    else result.changed.push(id)
  }
  for (const id of before.keys()) if (!after.has(id)) result.removed.push(id)
  for (const list of [result.added, result.changed, result.unchanged, result.removed]) list.sort()
  return result
}
