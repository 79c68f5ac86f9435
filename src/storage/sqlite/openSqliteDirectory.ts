import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { count } from 'drizzle-orm'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { DirectoryData } from '../../core/directory/directoryData'
import { createDirectoryRepository } from '../directoryRepository'
import type { DirectorySource } from '../directorySource'
import { insertStatements } from '../insertStatements'
import * as schema from '../schema'
import { seedRows } from '../seedRows'

/** An open embedded directory: the port, plus `close` for a clean shutdown. */
export interface SqliteDirectory {
  source: DirectorySource
  /** The drizzle database, for the Node-only curator side (accounts live in the same file). */
  db: BetterSQLite3Database<typeof schema>
  close(): void
}

/**
 * Opens (creating, migrating and seeding on first use) the embedded SQLite directory. A file
 * seeded before partners existed gets the seed's partners (see seedRows).
 * @example const directory = openSqliteDirectory('.data/helpfinder.sqlite', loadBundledData(), 'migrations')
 */
export function openSqliteDirectory(file: string, seed: DirectoryData, migrationsFolder: string): SqliteDirectory {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  const db = drizzle(sqlite, { schema })
  migrate(db, { migrationsFolder })
  const rowsIn = (table: SQLiteTable) => db.select({ n: count() }).from(table).all()[0]?.n ?? 0
  const rows = seedRows(seed, { initiatives: rowsIn(schema.initiatives), partners: rowsIn(schema.partners) })
  if (rows) {
    const statements = insertStatements(db, rows, 30_000)
    db.transaction(() => {
      for (const statement of statements) statement.run()
    })
  }
  return { source: createDirectoryRepository(db), db, close: () => sqlite.close() }
}
