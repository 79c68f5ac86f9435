import { type Stats, statSync } from 'node:fs'
import { SqliteFault } from './SqliteFault'

/**
 * Refuses a path SQLite must not open: a folder, or something other than a regular file (a pipe
 * would block the server). Nothing there yet is fine: the file is created. Errors reaching the
 * path (a file where a folder should be, permissions, a symbolic-link loop) are thrown as they are.
 * @example inspectDatabasePath('.data/helpfinder.sqlite')
 */
export function inspectDatabasePath(file: string): void {
  let stat: Stats
  try {
    stat = statSync(file)
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return
    throw error
  }
  if (stat.isDirectory()) throw new SqliteFault('is a folder, not a file')
  if (!stat.isFile()) throw new SqliteFault('is not a regular file')
}
