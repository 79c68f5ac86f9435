import type { DatabaseChange } from '../storage/sqlite/superviseSqliteDirectory'

/**
 * The one line an operator reads when the database file changes state: which file, what is wrong
 * in plain words, what the public service does meanwhile, and whether the console is off.
 * @example databaseChangeLine('.data/helpfinder.sqlite', { kind: 'fault', reason: 'is not a SQLite database', during: 'start' }, { console: true, retryMs: 30_000 })
 */
export function databaseChangeLine(file: string, change: DatabaseChange, options: { console: boolean; retryMs: number }): string {
  const consoleNote = options.console ? ' and the curator console is off' : ''
  if (change.kind === 'healthy') {
    const what = change.replaced
      ? 'was replaced or removed while the server was running; the file now at that path is healthy'
      : 'is healthy again'
    const seeded = change.seeded ? ' (it was empty, so it was filled from data/)' : ''
    return `the database file ${file} ${what}${seeded}: the public service reads it${options.console ? ' and the curator console is on' : ''}`
  }
  const meanwhile =
    change.during === 'start' ? 'runs on the copy of data/ built into the app' : 'keeps serving the directory it has in memory'
  const found = change.during === 'run' ? ' (found while running)' : ''
  return `the database file ${file} ${change.reason}${found}; the public service ${meanwhile}${consoleNote} until the file is fixed (tried again every ${options.retryMs / 1000} s)`
}
