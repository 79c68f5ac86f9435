import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
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
import { directoryContract } from '../contract/directoryContract'
import { withFullPartner } from '../contract/withFullPartner'
import { withOwnWordsRecords } from '../contract/withOwnWordsRecords'

// A real SQLite file in a temporary folder, migrated with the drizzle-kit SQL and seeded from data/.
const migrations = fileURLToPath(new URL('../../migrations', import.meta.url))
const folder = mkdtempSync(join(tmpdir(), 'helpfinder-sqlite-'))
const TABLES = ['meta', 'criteria', 'tags', 'initiatives', 'initiative_tags', 'contacts', 'sources', 'urgent_lines', 'partners']
const Count = z.object({ n: z.number() })
const Journal = z.looseObject({ entries: z.array(z.looseObject({ tag: z.string() })) })

afterAll(() => rmSync(folder, { recursive: true, force: true }))

/** Rows per table, read through a separate connection. */
function rowCounts(file: string): Record<string, number> {
  const sqlite = new Database(file, { readonly: true })
  try {
    return Object.fromEntries(TABLES.map((table) => [table, Count.parse(sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get()).n]))
  } finally {
    sqlite.close()
  }
}

/** A file as the code before partners left it: migrated with 0000_init only and seeded, no partners table. */
function fileBeforePartners(file: string, seed: DirectoryData): void {
  const before = join(folder, 'migrations-before-partners')
  mkdirSync(join(before, 'meta'), { recursive: true })
  cpSync(join(migrations, '0000_init.sql'), join(before, '0000_init.sql'))
  const journal = Journal.parse(JSON.parse(readFileSync(join(migrations, 'meta/_journal.json'), 'utf8')))
  writeFileSync(
    join(before, 'meta/_journal.json'),
    JSON.stringify({ ...journal, entries: journal.entries.filter((entry) => entry.tag === '0000_init') }),
  )
  const sqlite = new Database(file)
  const db = drizzle(sqlite, { schema })
  migrate(db, { migrationsFolder: before })
  const rows = directoryToRows({ ...seed, partners: [] })
  // The code of that time stamped every record and line with the import's day as "last checked".
  const statements = insertStatements(
    db,
    {
      ...rows,
      contacts: rows.contacts.map((contact) => ({ ...contact, countries: null })),
      initiatives: rows.initiatives.map((initiative) => ({
        ...initiative,
        lastChecked: '2026-11-23',
        checkedBy: null,
        aboutPage: null,
        aboutPageBy: null,
        ownWords: '[]',
      })),
      urgentLines: rows.urgentLines.map((line) => ({ ...line, lastChecked: '2026-11-23', checkedBy: null })),
    },
    30_000,
  )
  // Today's insert names every column; the code of that time wrote none of the columns later
  // migrations added (0005 contact countries, 0006 checks, about pages, own words), so those
  // columns exist only while the rows go in; the day went into `last_checked`, renamed meanwhile.
  const added = [
    ['contacts', 'countries'],
    ['initiatives', 'about_page'],
    ['initiatives', 'about_page_by'],
    ['initiatives', 'own_words'],
    ['initiatives', 'checked_by'],
    ['urgent_lines', 'checked_by'],
  ]
  for (const [table, column] of added) sqlite.exec(`ALTER TABLE ${table} ADD ${column} text`)
  for (const table of ['initiatives', 'urgent_lines']) sqlite.exec(`ALTER TABLE ${table} RENAME COLUMN last_checked TO checked_on`)
  db.transaction(() => {
    for (const statement of statements) statement.run()
  })
  for (const table of ['initiatives', 'urgent_lines']) sqlite.exec(`ALTER TABLE ${table} RENAME COLUMN checked_on TO last_checked`)
  for (const [table, column] of added) sqlite.exec(`ALTER TABLE ${table} DROP COLUMN ${column}`)
  sqlite.close()
}

directoryContract('sqlite file', async () =>
  openSqliteDirectory(join(folder, 'contract.sqlite'), withOwnWordsRecords(loadBundledData()), migrations),
)

describe('reopening a SQLite file', () => {
  it('does not re-seed or duplicate, even when handed a different seed', async () => {
    const file = join(folder, 'reopen.sqlite')
    const seed = loadBundledData()
    const first = openSqliteDirectory(file, seed, migrations)
    const firstLoad = await first.source.load()
    first.close()
    const seeded = rowCounts(file)
    expect(seeded.initiatives).toBe(seed.initiatives.length)
    expect(Object.values(seeded).every((n) => n > 0)).toBe(true)

    const smaller = { ...seed, initiatives: seed.initiatives.slice(0, 1) }
    const second = openSqliteDirectory(file, smaller, migrations)
    const secondLoad = await second.source.load()
    second.close()
    expect(rowCounts(file)).toEqual(seeded)
    expect(secondLoad).toEqual(firstLoad)
  })
})

describe('a SQLite file seeded before partners existed', () => {
  it("is migrated and gets the seed's partners, exactly, on the next start; nothing else changes", async () => {
    const seed = withFullPartner(loadBundledData())
    const file = join(folder, 'before-partners.sqlite')
    fileBeforePartners(file, seed)
    const fresh = join(folder, 'fresh-with-partners.sqlite')
    openSqliteDirectory(fresh, seed, migrations).close()

    const reopened = openSqliteDirectory(file, seed, migrations)
    const loaded = await reopened.source.load()
    reopened.close()
    expect(loaded.partners).toEqual(seed.partners)
    // The import's day is no check: after migration 0006 nothing claims one (no audit entry set it).
    expect(loaded.initiatives.filter((record) => record.lastChecked !== null || record.checkedBy !== null)).toEqual([])
    expect(loaded.urgent.flatMap((country) => country.lines).filter((line) => line.lastChecked !== null)).toEqual([])
    expect(rowCounts(file)).toEqual(rowCounts(fresh))
    expect(rowCounts(file).partners).toBe(2)

    // Seeded once: a later start with other partners changes nothing.
    openSqliteDirectory(file, { ...seed, partners: seed.partners.slice(1) }, migrations).close()
    expect(rowCounts(file)).toEqual(rowCounts(fresh))
  })
})
