import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import type { DirectoryData } from '../../core/directory/directoryData'
import { rowsToDirectory } from '../rowsToDirectory'
import * as schema from '../schema'

/**
 * The directory an open SQLite file holds, read synchronously so it can be read inside the same
 * transaction that writes it (createDirectoryRepository's load() is async; better-sqlite3
 * transactions are not). Same tables, same rebuild, same validation: the importer checks what it
 * replaces with it, and the console's audit trail records what was really stored as "after" (a
 * value the tables cannot hold, such as an `inferred` criterion without values, is not there).
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
