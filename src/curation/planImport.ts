import type { DirectoryData } from '../core/directory/directoryData'
import { checkInitiatives } from './checkInitiatives'
import { checkPartners } from './checkPartners'
import { mergeInitiatives, type ImportMode, type MergeResult } from './mergeInitiatives'
import { parseCsvInitiatives } from './parseCsvInitiatives'
import { parseJsonInitiatives } from './parseJsonInitiatives'
import type { ParsedRow } from './validateCandidate'

/** How problems that belong to no row name the part of the current directory they concern. */
export interface ProblemPlaces {
  initiatives: string
  urgent: string
  partners: string
}

export interface ImportPlanInput {
  /** The uploaded file's text. */
  text: string
  format: 'csv' | 'json'
  /** The directory the import would change. */
  current: DirectoryData
  mode: ImportMode
  today: Date
  /** Default: plain words for the console; the CLI passes its data files' paths. */
  places?: ProblemPlaces
}

/** One row of the file: what importing it would do, or every reason it cannot be imported. */
export interface PlannedRow {
  /** CSV: the line the record starts on (header = 1). JSON: position in the array (first = 1). */
  row: number
  id?: string
  name?: string
  outcome: 'add' | 'change' | 'unchanged' | 'fails'
  problems: string[]
}

/** An import worked out but not applied. `ok` only when there is no problem at all. */
export interface ImportPlan {
  ok: boolean
  /** The file as a whole: unreadable, bad header, no records. When any, `rows` is empty. */
  fileProblems: string[]
  rows: PlannedRow[]
  /** Problems no row of the file is named in: existing records, urgent-help numbers, partners. */
  otherProblems: string[]
  /** The directory the import produces; only when `ok`. */
  merged?: MergeResult
}

const CONSOLE_PLACES: ProblemPlaces = { initiatives: 'the directory', urgent: 'the urgent-help numbers', partners: 'the partners' }

/** "stop-it-now-nl: duplicate id" → the id and the reason (checkInitiatives names the record first). */
const NAMED_PROBLEM = /^([a-z0-9]+(?:-[a-z0-9]+)*): (.*)$/s

/**
 * Works out an import without applying it, as `npm run data:import` and the curator console both do:
 * parses the file, validates every row, merges it into `current` and runs the cross-record rules of
 * `npm run data:check` (and the partners' rules) on the directory that would result.
 * @example const plan = planImport({ text, format: 'csv', current: await source.load(), mode: 'upsert', today: new Date() }); if (plan.ok) save(plan.merged.initiatives)
 */
export function planImport(input: ImportPlanInput): ImportPlan {
  const { current, today } = input
  const places = input.places ?? CONSOLE_PLACES
  const parsed = input.format === 'csv' ? parseCsvInitiatives(input.text) : parseJsonInitiatives(input.text)
  const fileProblems = parsed.problems.length > 0 ? parsed.problems : parsed.rows.length === 0 ? ['holds no records'] : []
  if (fileProblems.length > 0) return { ok: false, fileProblems, rows: [], otherProblems: [] }

  const incoming = parsed.rows.flatMap((row) => (row.record ? [row.record] : []))
  const merged = mergeInitiatives(current.initiatives, incoming, input.mode, current.taxonomy)
  const { byRow, otherProblems } = attribute(
    parsed.rows,
    checkInitiatives(merged.initiatives, current.urgent, today, current.taxonomy),
    places,
  )
  // Partners must still point at services that exist and can be offered (e.g. after a replace).
  for (const problem of checkPartners(current.partners, merged.initiatives, current.urgent).problems)
    otherProblems.push(`${places.partners}: ${problem}`)

  const added = new Set(merged.added)
  const changed = new Set(merged.changed)
  const rows = parsed.rows.map((row): PlannedRow => {
    const problems = [...(byRow.get(row.row) ?? [])]
    const outcome =
      problems.length > 0 || row.id === undefined ? 'fails' : added.has(row.id) ? 'add' : changed.has(row.id) ? 'change' : 'unchanged'
    return { row: row.row, id: row.id, name: row.name, outcome, problems }
  })
  const ok = otherProblems.length === 0 && rows.every((row) => row.problems.length === 0)
  return ok ? { ok, fileProblems, rows, otherProblems, merged } : { ok, fileProblems, rows, otherProblems }
}

/**
 * Each row's own problems, then the cross-record problems that name its id; the rest name no row.
 * Every copy of a duplicated id is told so, even when another copy failed its own checks.
 */
function attribute(rows: readonly ParsedRow[], crossRecord: readonly string[], places: ProblemPlaces) {
  const byRow = new Map<number, Set<string>>(rows.map((row) => [row.row, new Set(row.problems)]))
  const otherProblems: string[] = []
  const copies = (id: string | undefined) => (id === undefined ? [] : rows.filter((row) => row.id === id))
  // checkInitiatives only sees valid records, so a duplicate with a failing copy is reported here instead.
  const partlyInvalid = (id: string | undefined) => copies(id).length > 1 && copies(id).some((row) => !row.record)
  for (const problem of crossRecord) {
    const [, id, reason = problem] = NAMED_PROBLEM.exec(problem) ?? []
    if (reason === 'duplicate id' && partlyInvalid(id)) continue
    const named = rows.filter((row) => row.record && row.id === id)
    const also = named.length > 1 ? ` (rows ${named.map((row) => row.row).join(', ')})` : ''
    for (const row of named) byRow.get(row.row)?.add(`${reason}${also}`)
    if (named.length > 0) continue
    otherProblems.push(id ? `existing record (id ${id}) in ${places.initiatives}: ${reason}` : `${places.urgent}: ${problem}`)
  }
  for (const id of new Set(rows.map((row) => row.id))) {
    if (!partlyInvalid(id)) continue
    const all = copies(id)
    for (const row of all) byRow.get(row.row)?.add(`duplicate id (rows ${all.map((copy) => copy.row).join(', ')})`)
  }
  return { byRow, otherProblems }
}
