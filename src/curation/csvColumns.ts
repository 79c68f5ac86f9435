import { type Initiative, LATER_CHOICE_FACTS, LATER_TEXT_FACTS } from '../core/directory/initiativeSchema'
import type { ChoiceFact } from '../core/directory/recordChoiceFacts'
import type { TextFact } from '../core/directory/recordTextFacts'
import type { Taxonomy } from '../core/directory/taxonomySchema'

/** The columns of the first CSV files, in their order. */
const FIRST_SCALAR_COLUMNS = [
  'id',
  'kind',
  'name',
  'nameLocal',
  'organisation',
  'summary',
  'status',
  'statusNote',
  'subnational',
  'online',
  'free',
  'costNotes',
  'anonymous',
  'confidentiality',
  'website',
  'aboutPage',
  'aboutPageBy',
  'lastChecked',
  'checkedBy',
  'confidence',
] as const satisfies readonly (keyof Initiative)[]

/** Facts added to RECORD_TEXT_FACTS or RECORD_CHOICE_FACTS since: a file written before one of them may lack its column (read as empty). */
export const LATER_COLUMNS: readonly (TextFact | ChoiceFact)[] = [...LATER_TEXT_FACTS, ...LATER_CHOICE_FACTS]

/** One column each, in this order (the later facts after the first ones); an empty cell is null. */
export const SCALAR_COLUMNS: readonly ((typeof FIRST_SCALAR_COLUMNS)[number] | TextFact | ChoiceFact)[] = [
  ...FIRST_SCALAR_COLUMNS,
  ...LATER_COLUMNS,
]

/** Lists of codes, joined with LIST_SEPARATOR; an empty cell is an empty list. */
export const LIST_COLUMNS = ['countries', 'languages', 'inferred'] as const satisfies readonly (keyof Initiative)[]

/** Lists of objects, as one JSON array per cell. */
export const JSON_COLUMNS = ['contacts', 'sources', 'ownWords'] as const satisfies readonly (keyof Initiative)[]

/** Written as true/false; read case-insensitively (spreadsheets like to write TRUE). */
export const BOOLEAN_COLUMNS: ReadonlySet<string> = new Set(['online', 'free'])

export const LIST_SEPARATOR = '; '
export const TAG_PREFIX = 'tags.'

/**
 * Criteria that get a `tags.<id>` column: the taxonomy's own tag criteria (not those kept in a
 * field of their own, like countries), then any criterion a record uses that the taxonomy lacks.
 * @example tagCriteria(taxonomy, records) // ['jrc_category', 'target_group', …]
 */
export function tagCriteria(taxonomy: Taxonomy, initiatives: readonly Initiative[]): string[] {
  const ids = taxonomy.criteria.filter((criterion) => criterion.field === undefined).map((criterion) => criterion.id)
  for (const record of initiatives) for (const key of Object.keys(record.tags)) if (!ids.includes(key)) ids.push(key)
  return ids
}

/**
 * The header row of the export CSV.
 * @example csvHeader(['target_group']) // ['id', …, 'inferred', 'tags.target_group', 'contacts', 'sources', 'ownWords']
 */
export function csvHeader(criteria: readonly string[]): string[] {
  return [...SCALAR_COLUMNS, ...LIST_COLUMNS, ...criteria.map((id) => `${TAG_PREFIX}${id}`), ...JSON_COLUMNS]
}
