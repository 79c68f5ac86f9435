import { existsSync, readFileSync } from 'node:fs'
import { dirname, extname, join } from 'node:path'
import { initiativesToJson } from '../../src/curation/initiativesToJson'
import type { ImportMode, MergeResult } from '../../src/curation/mergeInitiatives'
import { planImport, type ImportPlan } from '../../src/curation/planImport'
import { initiativesDrift, type InitiativesDrift } from './initiativesDrift'
import { DATA_FILES, readDataDir } from './readDataDir'
import { replaceSqliteDirectory } from '../../src/storage/sqlite/replaceSqliteDirectory'
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

/**
 * Validates every row of an import file (planImport: schema, then the cross-record rules on the
 * directory the import would produce) and only if all pass writes data/initiatives.json atomically
 * and replaces the SQLite directory in one transaction. Any failing row: nothing is written. A
 * database whose initiatives differ from data/initiatives.json (edited in the curator console) is
 * never overwritten.
 * @example importInitiatives({ file: 'sheet.csv', dataDir: 'data', databaseFile: '.data/helpfinder.sqlite', migrationsFolder: 'migrations', mode: 'upsert', today: new Date() })
 */
export function importInitiatives(options: ImportOptions): ImportOutcome {
  const fail = (lines: string[]): ImportOutcome => ({ ok: false, lines: [...lines, 'Nothing was changed.'] })
  const current = readDataDir(options.dataDir)
  if (!current.ok) return fail([`${options.dataDir} is not valid, so nothing can be imported into it:`, ...current.error])
  const { taxonomy } = current.value

  const kind = extname(options.file).toLowerCase()
  if (kind !== '.csv' && kind !== '.json') return fail([`${options.file}: expected a .csv or .json file`])
  let text: string
  try {
    text = readFileSync(options.file, 'utf8')
  } catch (error) {
    return fail([`${options.file}: cannot be read (${error instanceof Error ? error.message : String(error)})`])
  }
  const place = (name: keyof typeof DATA_FILES) => join(options.dataDir, DATA_FILES[name])
  const plan = planImport({
    text,
    format: kind === '.csv' ? 'csv' : 'json',
    current: current.value,
    mode: options.mode,
    today: options.today,
    places: { initiatives: place('initiatives'), urgent: place('urgent'), partners: place('partners') },
  })
  if (!plan.merged) return fail(problemLines(options.file, plan))
  const merged = plan.merged

  const target = place('initiatives')
  const json = initiativesToJson(merged.initiatives, taxonomy)
  const staged = readFileSync(target, 'utf8') === json ? undefined : stageFile(target, json)
  let database: 'replaced' | 'unchanged' | 'refused' | 'absent' = 'absent'
  const refusal: { drift?: InitiativesDrift } = {}
  try {
    if (existsSync(options.databaseFile)) {
      const data = { ...current.value, initiatives: merged.initiatives }
      database = replaceSqliteDirectory(options.databaseFile, data, options.migrationsFolder, {
        // Checked inside the replacing transaction, so a console edit cannot slip in between. An import
        // that leaves exactly what the database holds loses nothing of it: that is how data/ catches up.
        proceedIf: (held) => {
          const drift = initiativesDrift(current.value.initiatives, held.initiatives, taxonomy)
          if (drift === undefined || initiativesDrift(merged.initiatives, held.initiatives, taxonomy) === undefined) return true
          refusal.drift = drift
          return false
        },
        // The JSON is renamed into place inside the database transaction: if that fails, the database rolls back.
        beforeCommit: () => staged?.commit(),
      })
    }
    if (database === 'refused') staged?.discard()
    else if (database !== 'replaced') staged?.commit()
  } catch (error) {
    staged?.discard()
    throw error
  }
  if (refusal.drift) return fail(driftLines(options, refusal.drift))
  return { ok: true, lines: summary(options, plan.rows.length, merged, staged !== undefined, database) }
}

/** Every problem, as the CLI has always printed them: file problems, then `row N (id X): reason`, then the rest. */
function problemLines(file: string, plan: ImportPlan): string[] {
  if (plan.fileProblems.length > 0) return plan.fileProblems.map((problem) => `${file}: ${problem}`)
  const rows = plan.rows.flatMap((row) => row.problems.map((reason) => `row ${row.row} (id ${row.id ?? '?'}): ${reason}`))
  return [...rows, ...plan.otherProblems]
}

/**
 * Why the import was refused, which ids differ, and the two ways forward. data/ catches up by
 * importing the database's own export, not by exporting into data/: that would rewrite every record
 * whose `inferred` list the database holds in another order, and leave a CSV in data/.
 */
function driftLines(options: ImportOptions, drift: InitiativesDrift): string[] {
  const target = join(options.dataDir, DATA_FILES.initiatives)
  const exportDir = join(dirname(options.dataDir), 'export')
  const ids = (label: string, list: readonly string[]) => (list.length > 0 ? [`  ${label} (${list.length}): ${list.join(', ')}`] : [])
  return [
    `${options.databaseFile}: its initiatives differ from ${target}. The database holds changes made in the curator console; this import would overwrite them.`,
    ...ids('only in the database', drift.onlyInDatabase),
    ...ids(`only in ${target}`, drift.onlyInData),
    ...ids('different', drift.different),
    'Import through the console at /admin/import, or first bring data/ up to date with the database, then run this import again:',
    `  npm run data:export -- --database ${options.databaseFile} --out ${exportDir}`,
    `  npm run data:import -- ${join(exportDir, DATA_FILES.initiatives)} --replace --database ${options.databaseFile} --data-dir ${options.dataDir}`,
    'That makes data/ hold what the database holds; if data/ is the newer side (e.g. after a git pull), compare the two first.',
  ]
}

function summary(
  options: ImportOptions,
  count: number,
  merged: MergeResult,
  jsonWritten: boolean,
  database: 'replaced' | 'unchanged' | 'refused' | 'absent',
): string[] {
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
      database === 'replaced'
        ? 'directory replaced in one transaction'
        : database === 'unchanged'
          ? 'already holds this directory, not touched'
          : 'no database file (it is seeded from data/ when the app first starts)'
    }`,
  ]
}
