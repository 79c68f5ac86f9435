import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import * as schema from '../schema'

/** How long a statement waits on another process's lock (better-sqlite3's default). */
export const BUSY_TIMEOUT_MS = 5000

/** An open SQLite file: the driver's handle (pragmas, transactions by hand, close) and drizzle over it. */
export interface SqliteFile {
  sqlite: Database.Database
  db: BetterSQLite3Database<typeof schema>
}

/**
 * The one way Helpfinder opens a SQLite file, for the server and for every command: better-sqlite3
 * with a lock timeout, drizzle with the schema over it. `readonly` for readers beside a running
 * server; `mustExist` for commands that work on a file the server made (a typo must not create one).
 * @example const { sqlite, db } = openSqliteFile('.data/helpfinder.sqlite', { readonly: true, mustExist: true })
 */
export function openSqliteFile(
  file: string,
  options: { readonly?: boolean; mustExist?: boolean; busyTimeoutMs?: number } = {},
): SqliteFile {
  const sqlite = new Database(file, {
    readonly: options.readonly ?? false,
    fileMustExist: options.mustExist ?? false,
    timeout: options.busyTimeoutMs ?? BUSY_TIMEOUT_MS,
  })
  return { sqlite, db: drizzle(sqlite, { schema }) }
}
