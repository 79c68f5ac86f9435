import type { Initiative } from '../../src/core/directory/initiativeSchema'
import type { Taxonomy } from '../../src/core/directory/taxonomySchema'
import { comparableInitiative } from '../../src/curation/comparableInitiative'
import { initiativesToJson } from '../../src/curation/initiativesToJson'
import { mergeInitiatives } from '../../src/curation/mergeInitiatives'

/** How the database's initiatives differ from another set (data/initiatives.json), by id, each list sorted. */
export interface InitiativesDrift {
  onlyInDatabase: string[]
  onlyInData: string[]
  different: string[]
}

/**
 * Undefined when both hold the same initiatives: compared as initiativesToJson texts, so record
 * order and formatting do not count, and with `inferred` in one order (the database keeps none).
 * Else which ids differ.
 * @example initiativesDrift(fromData, fromDatabase, taxonomy)?.different // ['stop-it-now-nl']
 */
export function initiativesDrift(
  data: readonly Initiative[],
  database: readonly Initiative[],
  taxonomy: Taxonomy,
): InitiativesDrift | undefined {
  const text = (records: readonly Initiative[]) =>
    initiativesToJson(
      records.map((record) => comparableInitiative(record, taxonomy)),
      taxonomy,
    )
  if (text(data) === text(database)) return undefined
  // The database's records replacing data's: added = only in the database, removed = only in data.
  const diff = mergeInitiatives(data, database, 'replace', taxonomy)
  return { onlyInDatabase: diff.added, onlyInData: diff.removed, different: diff.changed }
}
