import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { getTableColumns } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { afterAll, describe, expect, it } from 'vitest'
import * as z from 'zod'
import type { DirectoryData } from '../../src/core/directory/directoryData'
import { loadBundledData } from '../../src/storage/bundledData'
import { directoryToRows } from '../../src/storage/directoryToRows'
import { insertStatements } from '../../src/storage/insertStatements'
import * as schema from '../../src/storage/schema'
import { openSqliteDirectory } from '../../src/storage/sqlite/openSqliteDirectory'

// Migration 0006 on a real SQLite file as the code before it left one: every record and urgent line
// carried the import's day as "last checked". Afterwards a day stays only where the audit trail shows
// a curator's confirm, edit or create setting that very day, and names the curator; the rest is NULL.
const migrations = fileURLToPath(new URL('../../migrations', import.meta.url))
const folder = mkdtempSync(join(tmpdir(), 'helpfinder-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))
const Journal = z.looseObject({ entries: z.array(z.looseObject({ tag: z.string() })) })
const IMPORT_DAY = '2026-11-23'

/** The migrations folder as it was before 0006: 0000–0005 and a journal that lists only them. */
function migrationsBefore0006(): string {
  const before = join(folder, 'migrations-0005')
  mkdirSync(join(before, 'meta'), { recursive: true })
  const journal = Journal.parse(JSON.parse(readFileSync(join(migrations, 'meta/_journal.json'), 'utf8')))
  const entries = journal.entries.filter((entry) => /^000[0-5]_/.test(entry.tag))
  expect(entries.map((entry) => entry.tag.slice(0, 4))).toEqual(['0000', '0001', '0002', '0003', '0004', '0005'])
  for (const entry of entries) cpSync(join(migrations, `${entry.tag}.sql`), join(before, `${entry.tag}.sql`))
  writeFileSync(join(before, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }))
  return before
}

/** Rows of a drizzle table as raw INSERTs into the columns the 0005 schema has (`columns`: property → column). */
function insertAs(
  sqlite: Database.Database,
  table: string,
  rows: readonly Record<string, unknown>[],
  columns: Record<string, string>,
): void {
  const names = Object.values(columns)
  const insert = sqlite.prepare(
    `INSERT INTO ${table} (${names.map((name) => `"${name}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
  )
  for (const row of rows)
    insert.run(...Object.keys(columns).map((key) => (typeof row[key] === 'boolean' ? Number(row[key]) : (row[key] ?? null))))
}

/**
 * A file migrated to 0005 and seeded as the code of that time wrote it: every record and urgent line
 * with a day (the import's, or `days`) in `last_checked`, and no column for a checker.
 */
function fileAt0005(file: string, seed: DirectoryData, days: Record<string, string>): void {
  const sqlite = new Database(file)
  const db = drizzle(sqlite, { schema })
  migrate(db, { migrationsFolder: migrationsBefore0006() })
  const rows = directoryToRows(seed)
  // The tables 0006 leaves as they were go in through today's code; the two it changes, column by column as 0005 had them.
  const statements = insertStatements(db, { ...rows, initiatives: [], urgentLines: [] }, 30_000)
  const columnsAt0005 = (table: typeof schema.initiatives | typeof schema.urgentLines, dropped: string[]) => {
    const columns: Record<string, string> = {}
    for (const [key, column] of Object.entries(getTableColumns(table)))
      if (!dropped.includes(key)) columns[key] = key === 'lastChecked' ? 'last_checked' : column.name
    return columns
  }
  db.transaction(() => {
    insertAs(
      sqlite,
      'initiatives',
      rows.initiatives.map((row) => ({ ...row, lastChecked: days[row.id] ?? IMPORT_DAY })),
      columnsAt0005(schema.initiatives, ['checkedBy', 'aboutPage', 'aboutPageBy', 'ownWords']),
    )
    for (const statement of statements) statement.run()
    insertAs(
      sqlite,
      'urgent_lines',
      rows.urgentLines.map((row) => ({ ...row, lastChecked: IMPORT_DAY })),
      columnsAt0005(schema.urgentLines, ['checkedBy']),
    )
  })
  sqlite.close()
}

function audit(file: string, entries: Array<{ curator: string; id: string; action: string; lastChecked: string }>): void {
  const sqlite = new Database(file)
  try {
    const insert = sqlite.prepare(
      "INSERT INTO audit_entries (at, curator_id, curator_name, subject, subject_id, action, before, after) VALUES (?, NULL, ?, 'initiative', ?, ?, NULL, ?)",
    )
    for (const [at, entry] of entries.entries())
      insert.run(
        `2026-11-${String(10 + at).padStart(2, '0')}T10:00:00.000Z`,
        entry.curator,
        entry.id,
        entry.action,
        JSON.stringify({ id: entry.id, lastChecked: entry.lastChecked }),
      )
  } finally {
    sqlite.close()
  }
}

describe('migration 0006: dates that mean what they say', () => {
  it('keeps a day only where a curator confirmed, edited or created the record that day, names the curator, and clears every other day', async () => {
    const seed = loadBundledData()
    const file = join(folder, 'before-0006.sqlite')
    // A: confirmed by Ana on its day (after an earlier edit by Bo that set the same day: the latest counts).
    // B: created by Dee on its day. C: confirmed by Bo on an older day, then re-imported (the import's day now).
    // D: imported by Cy (an import is not a check). E: retired by Ana (not a check). Everything else: no entry.
    const [a, b, c, d, e] = ['stop-it-now-nl', 'kein-taeter-werden', 'troubled-desire', 'stop-it-now-uk-ireland', 'ktw-regensburg']
    const ids = [a, b, c, d, e].map((id) => {
      if (!id || !seed.initiatives.some((record) => record.id === id)) throw new Error(`${id} missing from data/`)
      return id
    })
    const [A, B, C, D, E] = ids as [string, string, string, string, string]
    fileAt0005(file, seed, { [A]: '2026-10-01', [B]: '2026-09-15' })
    audit(file, [
      { curator: 'Bo', id: A, action: 'edit', lastChecked: '2026-10-01' },
      { curator: 'Ana', id: A, action: 'confirm', lastChecked: '2026-10-01' },
      { curator: 'Dee', id: B, action: 'create', lastChecked: '2026-09-15' },
      { curator: 'Bo', id: C, action: 'confirm', lastChecked: '2026-09-09' },
      { curator: 'Cy', id: D, action: 'import', lastChecked: IMPORT_DAY },
      { curator: 'Ana', id: E, action: 'retire', lastChecked: IMPORT_DAY },
    ])
    const before = new Database(file, { readonly: true })
    const auditBefore = before.prepare('SELECT * FROM audit_entries ORDER BY id').all()
    const checkedBefore = before.prepare('SELECT count(*) AS n FROM initiatives WHERE last_checked IS NOT NULL').get()
    before.close()
    expect(checkedBefore).toEqual({ n: seed.initiatives.length })

    // The next start migrates to 0006 (and does not seed: the file holds a directory).
    const opened = openSqliteDirectory(file, seed, migrations)
    const loaded = await opened.source.load()
    opened.close()

    const checks = Object.fromEntries(
      loaded.initiatives
        .filter((record) => record.lastChecked !== null || record.checkedBy !== null)
        .map((record) => [record.id, [record.lastChecked, record.checkedBy]]),
    )
    expect(checks).toEqual({ [A]: ['2026-10-01', 'Ana'], [B]: ['2026-09-15', 'Dee'] })
    expect(loaded.initiatives.length).toBe(seed.initiatives.length)
    expect(loaded.urgent.flatMap((entry) => entry.lines).length).toBe(seed.urgent.flatMap((entry) => entry.lines).length)
    for (const line of loaded.urgent.flatMap((entry) => entry.lines))
      expect([line.lastChecked, line.checkedBy], line.name).toEqual([null, null])
    // Nothing else of a record changes: every other field is the seed's (the 0005 file had no about page or
    // own words; `inferred` is a set, which the database returns in taxonomy order).
    const bySeed = new Map(seed.initiatives.map((record) => [record.id, record]))
    for (const record of loaded.initiatives) {
      const seeded = bySeed.get(record.id)
      expect({ ...record, inferred: [...record.inferred].sort(), lastChecked: null, checkedBy: null }, record.id).toEqual({
        ...seeded,
        inferred: [...(seeded?.inferred ?? [])].sort(),
        aboutPage: null,
        aboutPageBy: null,
        ownWords: [],
        lastChecked: null,
        checkedBy: null,
      })
    }
    const after = new Database(file, { readonly: true })
    expect(after.prepare('SELECT * FROM audit_entries ORDER BY id').all()).toEqual(auditBefore)
    after.close()
  })
})
