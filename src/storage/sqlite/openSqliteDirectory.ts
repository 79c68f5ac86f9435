import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { count } from 'drizzle-orm'
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { DirectoryData } from '../../core/directory/directoryData'
import { createDirectoryRepository } from '../directoryRepository'
import type { DirectorySource } from '../directorySource'
import { insertStatements } from '../insertStatements'
import * as schema from '../schema'
import { seedRows } from '../seedRows'
import { checkSqliteFile } from './checkSqliteFile'
import { fileIdentity } from './fileIdentity'
import { inspectDatabasePath } from './inspectDatabasePath'
import { SqliteFault } from './SqliteFault'
import { migrateSqlite } from './migrateSqlite'
import { BUSY_TIMEOUT_MS, openSqliteFile } from './openSqliteFile'

/** An open embedded directory: the port, plus `close` for a clean shutdown. */
export interface SqliteDirectory {
  source: DirectorySource
  /** The drizzle database, for the Node-only curator side (accounts live in the same file). */
  db: BetterSQLite3Database<typeof schema>
  /** Whether this open filled an empty directory from the seed (a new file, or one emptied). */
  seeded: boolean
  /**
   * Throws unless the file still reads cleanly (see checkSqliteFile) and is still the file that
   * was opened (a SqliteFault with `moved` when it was replaced or removed). Reads only.
   */
  check(busyTimeoutMs?: number): void
  close(): void
}

/**
 * Opens (creating, migrating and seeding on first use) the embedded SQLite directory. A file
 * seeded before partners existed gets the seed's partners (see seedRows). Every page is read
 * before anything is written, so a damaged file is refused as it is, never migrated or seeded
 * into; on any failure the connection is closed again. `busyTimeoutMs` bounds the wait on another
 * process's lock while opening (a server must not stall its start on it).
 * @example const directory = openSqliteDirectory('.data/helpfinder.sqlite', loadBundledData(), 'migrations')
 */
export function openSqliteDirectory(
  file: string,
  seed: DirectoryData,
  migrationsFolder: string,
  options: { busyTimeoutMs?: number } = {},
): SqliteDirectory {
  if (file !== ':memory:') {
    inspectDatabasePath(file)
    mkdirSync(dirname(file), { recursive: true })
  }
  const { sqlite, db } = openSqliteFile(file, { busyTimeoutMs: options.busyTimeoutMs })
  try {
    checkSqliteFile(sqlite, { pages: true, tables: false })
    sqlite.pragma('journal_mode = WAL')
    migrateSqlite(sqlite, db, migrationsFolder)
    checkSqliteFile(sqlite, { pages: false, tables: true })
    const rowsIn = (table: SQLiteTable) => db.select({ n: count() }).from(table).all()[0]?.n ?? 0
    const counts = { initiatives: rowsIn(schema.initiatives), partners: rowsIn(schema.partners) }
    const rows = seedRows(seed, counts)
    if (rows) {
      const statements = insertStatements(db, rows, 30_000)
      db.transaction(() => {
        for (const statement of statements) statement.run()
      })
    }
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    const opened = file === ':memory:' ? undefined : fileIdentity(file)
    const check = (busyTimeoutMs = BUSY_TIMEOUT_MS) => {
      if (file !== ':memory:' && fileIdentity(file) !== opened)
        throw new SqliteFault('was replaced or removed while the server was running', true)
      sqlite.pragma(`busy_timeout = ${busyTimeoutMs}`)
      try {
        checkSqliteFile(sqlite, { pages: true, tables: true })
      } finally {
        sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
      }
    }
    return { source: createDirectoryRepository(db), db, seeded: counts.initiatives === 0, check, close: () => sqlite.close() }
  } catch (error) {
    sqlite.close()
    throw error
  }
}
