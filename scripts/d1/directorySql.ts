import { getTableColumns, getTableName } from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { DirectoryData } from '../../src/core/directory/directoryData'
import { fail, ok, type Result } from '../../src/core/result'
import { directoryToRows, type DirectoryRows } from '../../src/storage/directoryToRows'
import { DIRECTORY_DELETE_ORDER, DIRECTORY_TABLES, NUMBERED_TABLES } from '../../src/storage/directoryTables'

const ROWS_PER_INSERT = 50
/** D1 refuses a statement longer than 100,000 bytes; stay well under it. */
const MAX_STATEMENT_BYTES = 90_000
const bytes = (text: string) => new TextEncoder().encode(text).length

/**
 * SQL that makes a D1 database's directory tables hold exactly `data`: DELETEs of every directory
 * table, children first, then multi-row INSERTs of literal values, parents first. Nothing else is
 * touched. There is no BEGIN/COMMIT: D1 refuses them, and `wrangler d1 execute --file` applies a
 * file as one unit itself. Locally it runs every statement in one `db.batch` (a transaction);
 * remotely it uses D1's import API, and wrangler 4.86 tells the user "if the execution fails to
 * complete, your DB will return to its original state and you can safely retry" (`executeRemotely`
 * in wrangler-dist/cli.js; the import API replaced a split-and-execute upload that "often left
 * your DB in an invalid state", cloudflare/workers-sdk#5696). More in docs/publishing-to-d1.md. The meta row
 * `directory.published` records `publishedAt`. Refuses a directory with no active service: a D1
 * left without services would be re-seeded from the bundle by the next new isolate.
 * @example const sql = directorySql(await repository.load(), new Date().toISOString())
 */
export function directorySql(data: DirectoryData, publishedAt: string): Result<string, string> {
  if (!data.initiatives.some((initiative) => initiative.status === 'active')) return fail('the directory has no active service')
  if (data.urgent.length === 0) return fail('the directory has no urgent-help numbers')
  const rows = directoryToRows(data)
  rows.meta.push({ key: 'directory.published', value: publishedAt })
  const statements = DIRECTORY_DELETE_ORDER.map((table) => `DELETE FROM "${getTableName(table)}";`)
  for (const key of Object.keys(DIRECTORY_TABLES) as (keyof DirectoryRows)[]) {
    const table = DIRECTORY_TABLES[key]
    const list: object[] = rows[key]
    const numbered = NUMBERED_TABLES.has(key) ? list.map((row, index) => ({ ...row, id: index + 1 })) : list
    const inserts = insertStatements(table, numbered)
    if (!inserts.ok) return inserts
    statements.push(...inserts.value)
  }
  return ok(`${statements.join('\n')}\n`)
}

/** INSERTs of at most ROWS_PER_INSERT rows and MAX_STATEMENT_BYTES each. */
function insertStatements(table: SQLiteTable, rows: object[]): Result<string[], string> {
  const columns = Object.entries(getTableColumns(table))
  const head = `INSERT INTO "${getTableName(table)}" (${columns.map(([, column]) => `"${column.name}"`).join(', ')}) VALUES\n`
  const statements: string[] = []
  let tuples: string[] = []
  let size = bytes(head)
  const flush = () => {
    if (tuples.length > 0) statements.push(`${head}${tuples.join(',\n')};`)
    tuples = []
    size = bytes(head)
  }
  for (const row of rows) {
    const values: string[] = []
    for (const [key] of columns) {
      const value = literal(Reflect.get(row, key))
      if (!value.ok) return fail(`${getTableName(table)}.${key}: ${value.error}`)
      values.push(value.value)
    }
    const tuple = `(${values.join(', ')})`
    const tupleBytes = bytes(tuple) + 2
    if (bytes(head) + tupleBytes > MAX_STATEMENT_BYTES)
      return fail(`a row of ${getTableName(table)} is longer than ${MAX_STATEMENT_BYTES} bytes`)
    if (tuples.length === ROWS_PER_INSERT || size + tupleBytes > MAX_STATEMENT_BYTES) flush()
    tuples.push(tuple)
    size += tupleBytes
  }
  flush()
  return ok(statements)
}

/** One value as an SQL literal: strings quoted with single quotes doubled, booleans 0/1, integers as is. */
function literal(value: unknown): Result<string, string> {
  if (value === null || value === undefined) return ok('NULL')
  if (typeof value === 'boolean') return ok(value ? '1' : '0')
  if (typeof value === 'number') return Number.isSafeInteger(value) ? ok(String(value)) : fail(`${value} is not an integer`)
  if (typeof value !== 'string') return fail(`unexpected ${typeof value}`)
  // SQL text cannot carry NUL; wrangler's splitter rewrites any file holding "BEGIN TRANSACTION".
  if (value.includes('\u0000')) return fail('text holds a NUL character')
  if (value.includes('BEGIN TRANSACTION')) return fail('text holds "BEGIN TRANSACTION", which wrangler would strip')
  return ok(`'${value.replaceAll("'", "''")}'`)
}
