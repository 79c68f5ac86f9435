import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import type { DirectoryData } from '../../src/core/directory/directoryData'
import { rowsToDirectory } from '../../src/storage/rowsToDirectory'
import * as schema from '../../src/storage/schema'

/**
 * The directory an open SQLite file holds, read synchronously so it can be checked inside the same
 * transaction that replaces it (createDirectoryRepository's load() is async; better-sqlite3
 * transactions are not). Same tables, same rebuild, same validation.
 * @example db.transaction(() => { if (loadSqliteDirectory(db).initiatives.length === 0) … })
 */
export function loadSqliteDirectory(db: BetterSQLite3Database<typeof schema>): DirectoryData {
  return rowsToDirectory({
    meta: db.select().from(schema.meta).all(),
    criteria: db.select().from(schema.criteria).all(),
    tags: db.select().from(schema.tags).all(),
    initiatives: db.select().from(schema.initiatives).all(),
    initiativeTags: db.select().from(schema.initiativeTags).all(),
    contacts: db.select().from(schema.contacts).all(),
    sources: db.select().from(schema.sources).all(),
    urgentLines: db.select().from(schema.urgentLines).all(),
    partners: db.select().from(schema.partners).all(),
  })
}
