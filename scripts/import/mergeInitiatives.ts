import type { Initiative } from '../../src/core/directory/initiativeSchema'
import type { Taxonomy } from '../../src/core/directory/taxonomySchema'
import { byId, canonicalInitiative } from '../export/canonicalInitiative'

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
 * Records are compared in their written form (canonicalInitiative), so reordered tags are not a change.
 * @example mergeInitiatives(current, fromCsv, 'upsert', taxonomy).changed // ['stop-it-now-nl']
 */
export function mergeInitiatives(current: readonly Initiative[], incoming: readonly Initiative[], mode: ImportMode, taxonomy: Taxonomy): MergeResult {
  const canonical = (record: Initiative) => canonicalInitiative(record, taxonomy)
  const incomingIds = new Set(incoming.map((record) => record.id))
  const kept = mode === 'replace' ? [] : current.filter((record) => !incomingIds.has(record.id))
  const initiatives = [...kept, ...incoming].map(canonical).sort(byId)

  const before = new Map(current.map((record) => [record.id, JSON.stringify(canonical(record))]))
  const after = new Map(initiatives.map((record) => [record.id, JSON.stringify(record)]))
  const result: MergeResult = { initiatives, added: [], changed: [], unchanged: [], removed: [] }
  for (const [id, text] of after) {
    const old = before.get(id)
    if (old === undefined) result.added.push(id)
    else if (old === text) result.unchanged.push(id)
    else result.changed.push(id)
  }
  for (const id of before.keys()) if (!after.has(id)) result.removed.push(id)
  for (const list of [result.added, result.changed, result.unchanged, result.removed]) list.sort()
  return result
}
