import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import type { DirectoryData } from '../../src/core/directory/directoryData'
import { fail, ok, type Result } from '../../src/core/result'
import { createDirectoryRepository } from '../../src/storage/directoryRepository'
import * as schema from '../../src/storage/schema'
import { writeExportFiles } from './writeExportFiles'

/**
 * Like exportDirectory, but from the live directory in a SQLite file (opened read-only: the app may
 * be running on it). What curators changed in the console ends up in the files.
 * @example await exportDatabase('.data/helpfinder.sqlite', 'data') // { ok: true, value: ['data/initiatives.json', 'data/initiatives.csv'] }
 */
export async function exportDatabase(databaseFile: string, outDir: string): Promise<Result<string[], string[]>> {
  let sqlite: Database.Database
  try {
    sqlite = new Database(databaseFile, { readonly: true, fileMustExist: true })
  } catch (error) {
    return fail([`${databaseFile}: cannot be opened (${error instanceof Error ? error.message : String(error)})`])
  }
  let data: DirectoryData
  try {
    data = await createDirectoryRepository(drizzle(sqlite, { schema })).load()
  } catch (error) {
    // An unseeded or older file has no (or other) tables, or rows that fail the schemas: say so, write nothing.
    return fail([`${databaseFile}: holds no readable directory (${error instanceof Error ? error.message : String(error)})`])
  } finally {
    sqlite.close()
  }
  return ok(writeExportFiles(data, outDir))
}
