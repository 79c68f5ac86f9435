import type Database from 'better-sqlite3'
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import type * as schema from '../schema'

/**
 * Applies the migrations with foreign keys off, then turns them on. drizzle runs migrations in one
 * transaction, where SQLite ignores `PRAGMA foreign_keys=OFF`: with keys already on, a migration
 * that rebuilds a table others refer to fails on a file with rows. Off while it runs is SQLite's own
 * procedure for schema changes; the file's tables are checked right after (checkSqliteFile).
 * @example migrateSqlite(sqlite, drizzle(sqlite, { schema }), 'migrations')
 */
export function migrateSqlite(sqlite: Database.Database, db: BetterSQLite3Database<typeof schema>, migrationsFolder: string): void {
  sqlite.pragma('foreign_keys = OFF')
  migrate(db, { migrationsFolder })
  sqlite.pragma('foreign_keys = ON')
}
