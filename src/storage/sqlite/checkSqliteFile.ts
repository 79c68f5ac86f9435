import type Database from 'better-sqlite3'
import { getTableName, is } from 'drizzle-orm'
import { SQLiteTable } from 'drizzle-orm/sqlite-core'
import * as z from 'zod'
import * as schema from '../schema'
import { SqliteFault } from './SqliteFault'

/** Every table the schema declares: the migrations make them all, the app reads them all. */
const TABLES = Object.values(schema)
  .filter((value) => is(value, SQLiteTable))
  .map((table) => getTableName(table))
const Names = z.array(z.string())

/**
 * Throws (a SqliteFault, or SQLite's own error: not a database, locked) unless the file reads
 * cleanly: `pages` walks every page with `PRAGMA quick_check` (about a millisecond for the
 * directory's hundred records), `tables` finds every table of the schema. Reads only, never writes.
 * @example checkSqliteFile(sqlite, { pages: true, tables: true })
 */
export function checkSqliteFile(sqlite: Database.Database, parts: { pages: boolean; tables: boolean }): void {
  if (parts.pages) {
    // Pages cached from an earlier read would hide damage done to the file since.
    sqlite.pragma('shrink_memory')
    const result = String(sqlite.pragma('quick_check(1)', { simple: true }))
    if (result !== 'ok') throw new SqliteFault(`is damaged (SQLite's quick_check: ${result.split('\n').at(-1)?.slice(0, 120) ?? ''})`)
  }
  if (parts.tables) {
    const present = new Set(Names.parse(sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()))
    const missing = TABLES.filter((table) => !present.has(table))
    if (missing.length > 0) throw new SqliteFault(`is missing the table${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`)
  }
}
