import { parse } from 'csv-parse/sync'
import * as z from 'zod'
import { BOOLEAN_COLUMNS, csvHeader, JSON_COLUMNS, LATER_COLUMNS, LIST_COLUMNS, SCALAR_COLUMNS, TAG_PREFIX } from './csvColumns'
import { unguardFormula } from './formulaGuard'
import { validateCandidate, type CellProblem, type ParsedFile } from './validateCandidate'

const LINE_BREAK = /\r\n|\r|\n/g
const Cells = z.array(z.array(z.string()))

/**
 * Parses the export CSV (see docs/data-format.md) back into records. Row N is the CSV line the
 * record starts on, the header being line 1 (the row number in a spreadsheet, as long as no cell
 * holds a line break). Blank lines are skipped; a BOM (as Excel writes it) is accepted. The `'`
 * the export puts before a formula-like cell is taken off (formulaGuard).
 * @example parseCsvInitiatives(readFileSync('export/initiatives.csv', 'utf8')).problems // []
 */
export function parseCsvInitiatives(text: string): ParsedFile {
  let records: string[][]
  try {
    records = Cells.parse(parse(text, { bom: true, relax_column_count: true })).map((cells) => cells.map(unguardFormula))
  } catch (error) {
    return { rows: [], problems: [`not readable CSV (${error instanceof Error ? error.message : String(error)})`] }
  }
  // csv-parse's own line count takes a CRLF inside a quoted cell for two lines, so lines are counted here.
  let line = 1
  const numbered = records.map((cells) => {
    const start = line
    line += 1 + cells.reduce((breaks, cell) => breaks + (cell.match(LINE_BREAK)?.length ?? 0), 0)
    return { row: start, cells }
  })
  const [first, ...body] = numbered.filter(({ cells }) => cells.some((cell) => cell !== ''))
  if (!first) return { rows: [], problems: ['the file is empty (expected a header row)'] }
  const header = first.cells
  const problems = headerProblems(header)
  if (problems.length > 0) return { rows: [], problems }

  const rows = body.map(({ row, cells }) => {
    if (cells.length !== header.length) {
      // Columns may come in any order; an empty or missing cell names nothing.
      const [id, name] = [cells[header.indexOf('id')], cells[header.indexOf('name')]]
      return {
        row,
        id: id || undefined,
        name: name || undefined,
        record: undefined,
        problems: [`has ${cells.length} cells, the header has ${header.length}`],
      }
    }
    const cell = new Map(header.map((name, index) => [name, cells[index] ?? '']))
    const { candidate, cellProblems } = toCandidate(header, (name) => cell.get(name) ?? '')
    return validateCandidate(row, candidate, cellProblems)
  })
  return { rows, problems: [] }
}

function headerProblems(header: readonly string[]): string[] {
  const known = csvHeader([])
  const required = known.filter((name) => !LATER_COLUMNS.some((column) => column === name))
  const problems: string[] = []
  const missing = required.filter((name) => !header.includes(name))
  if (missing.length > 0) problems.push(`header: missing column(s) ${missing.join(', ')}`)
  const unknown = header.filter((name) => !known.includes(name) && !(name.startsWith(TAG_PREFIX) && name.length > TAG_PREFIX.length))
  if (unknown.length > 0) problems.push(`header: unknown column(s) ${unknown.join(', ')} (they would be lost)`)
  const twice = header.filter((name, index) => header.indexOf(name) !== index)
  if (twice.length > 0) problems.push(`header: column(s) ${[...new Set(twice)].join(', ')} appear more than once`)
  return problems
}

/** Cells → the record shape; values that cannot even be read become cell problems. */
function toCandidate(header: readonly string[], get: (name: string) => string) {
  const candidate: Record<string, unknown> = {}
  const cellProblems: CellProblem[] = []
  for (const column of SCALAR_COLUMNS) {
    const cell = get(column)
    if (BOOLEAN_COLUMNS.has(column)) candidate[column] = readChoice(column, cell, { true: true, false: false }, cellProblems)
    else if (column === 'anonymous')
      candidate[column] = readChoice(column, cell, { true: true, false: false, partial: 'partial' }, cellProblems)
    else candidate[column] = cell === '' ? null : cell
  }
  for (const column of LIST_COLUMNS) candidate[column] = splitList(get(column))
  const tags: Record<string, string[]> = {}
  for (const column of header.filter((name) => name.startsWith(TAG_PREFIX))) {
    const values = splitList(get(column))
    if (values.length > 0) tags[column.slice(TAG_PREFIX.length)] = values
  }
  candidate.tags = tags
  for (const column of JSON_COLUMNS) {
    const cell = get(column)
    try {
      candidate[column] = cell.trim() === '' ? [] : JSON.parse(cell)
    } catch (error) {
      cellProblems.push({ column, message: `not a JSON array (${error instanceof Error ? error.message : String(error)})` })
    }
  }
  return { candidate, cellProblems }
}

/** An empty cell is null; otherwise one of `choices`, case-insensitively. */
function readChoice<T>(column: string, cell: string, choices: Record<string, T>, problems: CellProblem[]): T | null | undefined {
  if (cell === '') return null
  const key = cell.trim().toLowerCase()
  if (Object.hasOwn(choices, key)) return choices[key]
  problems.push({ column, message: `${JSON.stringify(cell)} is not one of ${Object.keys(choices).join(', ')} (or empty)` })
  return undefined
}

function splitList(cell: string): string[] {
  return cell
    .split(';')
    .map((value) => value.trim())
    .filter((value) => value !== '')
}
