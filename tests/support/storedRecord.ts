import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import type { Initiative } from '../../src/core/directory/initiativeSchema'
import { createDirectoryRepository } from '../../src/storage/directoryRepository'
import * as schema from '../../src/storage/schema'

/**
 * A record as stored, read straight from the SQLite file (not through the server).
 * @example expect((await storedRecord(server.databaseFile, 'preventell'))?.checkedBy).toBe('Anna Admin')
 */
export async function storedRecord(databaseFile: string, id: string): Promise<Initiative | undefined> {
  const sqlite = new Database(databaseFile, { readonly: true })
  try {
    return (await createDirectoryRepository(drizzle(sqlite, { schema })).load()).initiatives.find((record) => record.id === id)
  } finally {
    sqlite.close()
  }
}
