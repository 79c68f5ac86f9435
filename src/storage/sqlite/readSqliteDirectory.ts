import type { DirectoryData } from '../../core/directory/directoryData'
import { fail, ok, type Result } from '../../core/result'
import { createDirectoryRepository } from '../directoryRepository'
import { openSqliteFile, type SqliteFile } from './openSqliteFile'

/**
 * The live directory of a SQLite file, as the app reads it (zod-validated by rowsToDirectory).
 * Opened read-only, since the app may be running on it, and read in one read transaction, so a
 * curator saving at that moment is either wholly in it or not at all.
 * @example const data = await readSqliteDirectory('.data/helpfinder.sqlite'); if (data.ok) publish(data.value)
 */
export async function readSqliteDirectory(databaseFile: string): Promise<Result<DirectoryData, string>> {
  let file: SqliteFile
  try {
    file = openSqliteFile(databaseFile, { readonly: true, mustExist: true })
  } catch (error) {
    return fail(`${databaseFile}: cannot be opened (${error instanceof Error ? error.message : String(error)})`)
  }
  const { sqlite, db } = file
  try {
    sqlite.exec('BEGIN')
    return ok(await createDirectoryRepository(db).load())
  } catch (error) {
    // An unseeded or older file has no (or other) tables, or rows that fail the schemas.
    return fail(`${databaseFile}: holds no readable directory (${error instanceof Error ? error.message : String(error)})`)
  } finally {
    if (sqlite.inTransaction) sqlite.exec('COMMIT')
    sqlite.close()
  }
}
