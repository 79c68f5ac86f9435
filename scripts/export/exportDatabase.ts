import { fail, ok, type Result } from '../../src/core/result'
import { readSqliteDirectory } from '../../src/storage/sqlite/readSqliteDirectory'
import { writeExportFiles } from './writeExportFiles'

/**
 * Like exportDirectory, but from the live directory in a SQLite file (opened read-only: the app may
 * be running on it). What curators changed in the console ends up in the files.
 * @example await exportDatabase('.data/helpfinder.sqlite', 'data') // { ok: true, value: ['data/initiatives.json', 'data/initiatives.csv'] }
 */
export async function exportDatabase(databaseFile: string, outDir: string): Promise<Result<string[], string[]>> {
  const data = await readSqliteDirectory(databaseFile)
  return data.ok ? ok(writeExportFiles(data.value, outDir)) : fail([data.error])
}
