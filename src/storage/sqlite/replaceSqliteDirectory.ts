import { count, getTableColumns, sql } from 'drizzle-orm'
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import type { DirectoryData } from '../../core/directory/directoryData'
import { directoryToRows, type DirectoryRows } from '../directoryToRows'
import { insertStatements } from '../insertStatements'
import { DIRECTORY_DELETE_ORDER, DIRECTORY_TABLES, NUMBERED_TABLES } from '../directoryTables'
import * as schema from '../schema'
import { loadSqliteDirectory } from './loadSqliteDirectory'
import { migrateSqlite } from './migrateSqlite'
import { openSqliteFile } from './openSqliteFile'

/** Hooks into the one transaction that replaces the directory. */
export interface ReplaceOptions {
  /** Runs inside the transaction, last: if it throws, the database is rolled back (the importer puts data/initiatives.json in place here). */
  beforeCommit?: () => void
  /** Runs inside the transaction, first, on the directory the file holds (not on an empty one); false: nothing is written. */
  proceedIf?: (held: DirectoryData) => boolean
}

/**
 * Replaces every directory row of an existing SQLite file (migrated first, as openSqliteDirectory
 * does) in ONE transaction. Row numbers restart at 1, so the result holds exactly what a fresh seed
 * of `data` would. When the file already holds exactly `data`, nothing is written at all (the file
 * stays byte-for-byte the same). 'refused': `proceedIf` said no and nothing was written.
 * @example replaceSqliteDirectory('.data/helpfinder.sqlite', data, 'migrations') // 'replaced'
 */
export function replaceSqliteDirectory(
  file: string,
  data: DirectoryData,
  migrationsFolder: string,
  options: ReplaceOptions = {},
): 'replaced' | 'unchanged' | 'refused' {
  const { sqlite, db } = openSqliteFile(file, { mustExist: true })
  try {
    migrateSqlite(sqlite, db, migrationsFolder)
    const rows = directoryToRows(data)
    const statements = insertStatements(db, rows, 30_000)
    // IMMEDIATE: the check and the write see the same database, even with the app (the console) writing beside us.
    return db.transaction(
      () => {
        const held = db.select({ n: count() }).from(schema.initiatives).all()[0]?.n ?? 0
        if (options.proceedIf && held > 0 && !options.proceedIf(loadSqliteDirectory(db))) return 'refused'
        if (holdsExactly(db, rows)) return 'unchanged'
        for (const table of DIRECTORY_DELETE_ORDER) db.delete(table).run()
        db.run(sql`DELETE FROM sqlite_sequence WHERE name IN ('contacts', 'sources', 'urgent_lines')`)
        for (const statement of statements) statement.run()
        options.beforeCommit?.()
        return 'replaced'
      },
      { behavior: 'immediate' },
    )
  } finally {
    sqlite.close()
  }
}

/** True when every table holds exactly these rows (ignoring row numbers and row order). */
function holdsExactly(db: BetterSQLite3Database<typeof schema>, rows: DirectoryRows): boolean {
  return (Object.keys(DIRECTORY_TABLES) as (keyof DirectoryRows)[]).every((key) => {
    const table = DIRECTORY_TABLES[key]
    const expected: object[] = rows[key]
    const columns = Object.keys(getTableColumns(table)).filter((column) => !(column === 'id' && NUMBERED_TABLES.has(key)))
    const fingerprint = (list: readonly object[]) =>
      list.map((row) => JSON.stringify(columns.map((column) => Reflect.get(row, column) ?? null))).sort()
    const actual: object[] = db.select().from(table).all()
    return JSON.stringify(fingerprint(actual)) === JSON.stringify(fingerprint(expected))
  })
}
