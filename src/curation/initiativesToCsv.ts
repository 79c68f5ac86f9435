import { stringify } from 'csv-stringify/sync'
import type { Initiative } from '../core/directory/initiativeSchema'
import type { Taxonomy } from '../core/directory/taxonomySchema'
import { byId, canonicalInitiative } from './canonicalInitiative'
import { csvHeader, JSON_COLUMNS, LIST_COLUMNS, LIST_SEPARATOR, SCALAR_COLUMNS, tagCriteria } from './csvColumns'
import { guardFormula } from './formulaGuard'

/**
 * The directory as a curator's spreadsheet: a header row, then one row per record sorted by id
 * (see csvColumns.ts and docs/data-format.md). RFC 4180: CRLF between records, fields quoted
 * when they hold a comma, a quote or a line break; UTF-8 without BOM. A cell that a spreadsheet
 * would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) starts with `'` (formulaGuard).
 * @example writeFileSync('export/initiatives.csv', initiativesToCsv(records, taxonomy))
 */
export function initiativesToCsv(initiatives: readonly Initiative[], taxonomy: Taxonomy): string {
  const records = initiatives.map((record) => canonicalInitiative(record, taxonomy)).sort(byId)
  const criteria = tagCriteria(taxonomy, records)
  const rows = records.map((record) =>
    [
      ...SCALAR_COLUMNS.map((column) => scalarCell(record[column])),
      ...LIST_COLUMNS.map((column) => listCell(record.id, column, record[column])),
      ...criteria.map((id) => listCell(record.id, `tags.${id}`, record.tags[id] ?? [])),
      ...JSON_COLUMNS.map((column) => JSON.stringify(record[column])),
    ].map(guardFormula),
  )
  // csv-stringify quotes a bare "\n" only when it is the record delimiter, so line breaks are matched explicitly.
  return stringify([csvHeader(criteria), ...rows], { record_delimiter: 'windows', quoted_match: /[\r\n]/, bom: false })
}

function scalarCell(value: string | boolean | null): string {
  return value === null ? '' : String(value)
}

/** A list joined with "; ". Refuses values the importer could not split back exactly. */
function listCell(id: string, column: string, values: readonly string[]): string {
  const bad = values.find((value) => value === '' || value.includes(';') || value.trim() !== value)
  if (bad !== undefined) throw new Error(`${id}: ${column} value ${JSON.stringify(bad)} cannot be written to a "; "-separated cell`)
  return values.join(LIST_SEPARATOR)
}
