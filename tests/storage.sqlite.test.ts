import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import * as z from 'zod'
import { loadBundledData } from '../src/storage/bundledData'
import { openSqliteDirectory } from '../src/storage/sqlite/openSqliteDirectory'
import { directoryContract } from './contract/directoryContract'

// A real SQLite file in a temporary folder, migrated with the drizzle-kit SQL and seeded from data/.
const migrations = fileURLToPath(new URL('../migrations', import.meta.url))
const folder = mkdtempSync(join(tmpdir(), 'helpfinder-sqlite-'))
const TABLES = ['meta', 'criteria', 'tags', 'initiatives', 'initiative_tags', 'contacts', 'sources', 'urgent_lines']
const Count = z.object({ n: z.number() })

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

directoryContract('sqlite file', async () => openSqliteDirectory(join(folder, 'contract.sqlite'), loadBundledData(), migrations))

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
