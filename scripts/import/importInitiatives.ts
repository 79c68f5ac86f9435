import { existsSync, readFileSync } from 'node:fs'
import { extname, join } from 'node:path'
import { checkInitiatives } from '../checks/checkInitiatives'
import { checkPartners } from '../checks/checkPartners'
import { initiativesToJson } from '../export/initiativesToJson'
import { mergeInitiatives, type ImportMode, type MergeResult } from './mergeInitiatives'
import { parseCsvInitiatives } from './parseCsvInitiatives'
import { parseJsonInitiatives } from './parseJsonInitiatives'
import { DATA_FILES, readDataDir } from './readDataDir'
import { replaceSqliteDirectory } from './replaceSqliteDirectory'
import type { ParsedRow } from './validateCandidate'
import { stageFile } from './writeJsonAtomic'

export interface ImportOptions {
  /** The .csv or .json file to import. */
  file: string
  /** The folder holding initiatives.json, taxonomy.json, urgent-help.json and partners.json. */
  dataDir: string
  /** The SQLite directory to keep in step; skipped when the file does not exist. */
  databaseFile: string
  migrationsFolder: string
  mode: ImportMode
  today: Date
}

/** What to print: on failure every problem (nothing was changed), on success a summary. */
export interface ImportOutcome {
  ok: boolean
  lines: string[]
}

/** "stop-it-now-nl: duplicate id" → the id and the reason (checkInitiatives names the record first). */
const NAMED_PROBLEM = /^([a-z0-9]+(?:-[a-z0-9]+)*): (.*)$/s

/**
 * Validates every row of an import file (schema, then the cross-record rules on the directory the
 * import would produce) and only if all pass writes data/initiatives.json atomically and replaces
 * the SQLite directory in one transaction. Any failing row: nothing is written.
 * @example importInitiatives({ file: 'sheet.csv', dataDir: 'data', databaseFile: '.data/helpfinder.sqlite', migrationsFolder: 'migrations', mode: 'upsert', today: new Date() })
 */
export function importInitiatives(options: ImportOptions): ImportOutcome {
  const fail = (lines: string[]): ImportOutcome => ({ ok: false, lines: [...lines, 'Nothing was changed.'] })
  const current = readDataDir(options.dataDir)
  if (!current.ok) return fail([`${options.dataDir} is not valid, so nothing can be imported into it:`, ...current.error])
  const { taxonomy, urgent } = current.value

  const kind = extname(options.file).toLowerCase()
  if (kind !== '.csv' && kind !== '.json') return fail([`${options.file}: expected a .csv or .json file`])
  let text: string
  try {
    text = readFileSync(options.file, 'utf8')
  } catch (error) {
    return fail([`${options.file}: cannot be read (${error instanceof Error ? error.message : String(error)})`])
  }
  const parsed = kind === '.csv' ? parseCsvInitiatives(text) : parseJsonInitiatives(text)
  if (parsed.problems.length > 0) return fail(parsed.problems.map((problem) => `${options.file}: ${problem}`))
  if (parsed.rows.length === 0) return fail([`${options.file}: holds no records`])

  const incoming = parsed.rows.flatMap((row) => (row.record ? [row.record] : []))
  const merged = mergeInitiatives(current.value.initiatives, incoming, options.mode, taxonomy)
  const problems = rowProblems(parsed.rows, checkInitiatives(merged.initiatives, urgent, options.today, taxonomy), options.dataDir)
  // Partners must still point at services that exist and can be offered (e.g. after --replace).
  const partners = join(options.dataDir, DATA_FILES.partners)
  for (const problem of checkPartners(current.value.partners, merged.initiatives, urgent).problems) problems.push(`${partners}: ${problem}`)
  if (problems.length > 0) return fail(problems)

  const target = join(options.dataDir, DATA_FILES.initiatives)
  const json = initiativesToJson(merged.initiatives, taxonomy)
  const staged = readFileSync(target, 'utf8') === json ? undefined : stageFile(target, json)
  let database: 'replaced' | 'unchanged' | 'absent' = 'absent'
  try {
    if (existsSync(options.databaseFile)) {
      const data = { ...current.value, initiatives: merged.initiatives }
      // The JSON is renamed into place inside the database transaction: if that fails, the database rolls back.
      database = replaceSqliteDirectory(options.databaseFile, data, options.migrationsFolder, { beforeCommit: () => staged?.commit() })
    }
    if (database !== 'replaced') staged?.commit()
  } catch (error) {
    staged?.discard()
    throw error
  }
  return { ok: true, lines: summary(options, parsed.rows.length, merged, staged !== undefined, database) }
}

/** Every problem as `row N (id X): reason`, in row order; cross-record problems go to the rows they name. */
function rowProblems(rows: readonly ParsedRow[], crossRecord: readonly string[], dataDir: string): string[] {
  const byRow = new Map<number, Set<string>>(rows.map((row) => [row.row, new Set(row.problems)]))
  const other: string[] = []
  for (const problem of crossRecord) {
    const match = NAMED_PROBLEM.exec(problem)
    const [, id, reason = problem] = match ?? []
    const named = rows.filter((row) => row.record && row.id === id)
    const also = named.length > 1 ? ` (rows ${named.map((row) => row.row).join(', ')})` : ''
    for (const row of named) byRow.get(row.row)?.add(`${reason}${also}`)
    if (named.length > 0) continue
    if (id) other.push(`existing record (id ${id}) in ${join(dataDir, DATA_FILES.initiatives)}: ${reason}`)
    else other.push(`${join(dataDir, DATA_FILES.urgent)}: ${problem}`)
  }
  const lines = rows.flatMap((row) => [...(byRow.get(row.row) ?? [])].map((reason) => `row ${row.row} (id ${row.id ?? '?'}): ${reason}`))
  return [...lines, ...other]
}

function summary(options: ImportOptions, count: number, merged: MergeResult, jsonWritten: boolean, database: 'replaced' | 'unchanged' | 'absent'): string[] {
  const ids = (label: string, list: readonly string[]) => `${label} (${list.length})${list.length > 0 ? `: ${list.join(', ')}` : ''}`
  const how = options.mode === 'replace' ? 'the file replaces the whole directory' : 'merged by id into the directory'
  return [
    `Imported ${count} record(s) from ${options.file} (${how}).`,
    ids('added', merged.added),
    ids('changed', merged.changed),
    `unchanged (${merged.unchanged.length})`,
    ids('removed', merged.removed),
    `${join(options.dataDir, DATA_FILES.initiatives)}: ${jsonWritten ? 'written' : 'already up to date, not rewritten'}`,
    `${options.databaseFile}: ${
      database === 'replaced' ? 'directory replaced in one transaction'
      : database === 'unchanged' ? 'already holds this directory, not touched'
      : 'no database file (it is seeded from data/ when the app first starts)'
    }`,
  ]
}
