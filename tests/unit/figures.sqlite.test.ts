import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { counterKeys } from '../../src/core/figures/counterKeys'
import { NO_FIGURES } from '../../src/core/figures/figureCounter'
import { createFiguresRepository } from '../../src/storage/figuresRepository'
import { migrateSqlite } from '../../src/storage/sqlite/migrateSqlite'
import { openSqliteFile, type SqliteFile } from '../../src/storage/sqlite/openSqliteFile'
import { sqliteFigureCounter } from '../../src/storage/sqlite/sqliteFigureCounter'
import { figuresContract, type FiguresStore } from '../contract/figuresContract'

// Real SQLite files in a temporary folder, migrated with the drizzle-kit SQL and in WAL mode, as
// the server's directory supervisor leaves them.
const migrations = fileURLToPath(new URL('../../migrations', import.meta.url))
const folder = mkdtempSync(join(tmpdir(), 'helpfinder-figures-'))
let files = 0
afterAll(() => rmSync(folder, { recursive: true, force: true }))

/** A fresh file: migrated, or empty (no tables); the connection stays open for the test to read through. */
function sqliteStore(
  store: FiguresStore,
  path = join(folder, `figures-${++files}.sqlite`),
): { path: string; file: SqliteFile; migrate: () => void } {
  writeFileSync(path, '')
  const file = openSqliteFile(path)
  file.sqlite.pragma('journal_mode = WAL')
  const migrate = () => migrateSqlite(file.sqlite, file.db, migrations)
  if (store === 'migrated') migrate()
  return { path, file, migrate }
}

figuresContract('sqlite file', async (store) => {
  const { path, file, migrate } = sqliteStore(store)
  const warnings: string[] = []
  const counter = sqliteFigureCounter({ file: path, warn: (line) => warnings.push(line) })
  return {
    counter,
    flush: () => counter.flush(),
    db: file.db,
    migrate,
    warnings,
    keeps: true,
    close: () => {
      counter.close()
      file.sqlite.close()
    },
  }
})

figuresContract('FIGURES=off (NO_FIGURES) beside a sqlite file', async (store) => {
  const { file, migrate } = sqliteStore(store)
  return { counter: NO_FIGURES, flush: () => {}, db: file.db, migrate, warnings: [], keeps: false, close: () => file.sqlite.close() }
})

const DEC_3 = Date.UTC(2026, 11, 3, 15, 42)
const started = counterKeys({ kind: 'started' }, { partner: 'partner-one', country: 'LU' }, DEC_3)
const HOUR = 3_600_000

describe('the SQLite counter', () => {
  const opened: { close(): void }[] = []
  afterEach(() => {
    vi.useRealTimers()
    for (const one of opened.splice(0)) one.close()
  })
  const open = (options: { file: string; flushEveryMs?: number; busyTimeoutMs?: number }) => {
    const warnings: string[] = []
    const counter = sqliteFigureCounter({ ...options, warn: (line) => warnings.push(line) })
    opened.push(counter)
    return { counter, warnings }
  }
  const startedCount = async (file: SqliteFile) =>
    (await createFiguresRepository(file.db).read('partner_week')).find((row) => row.event === 'started')?.count ?? 0

  it('writes on its fixed schedule, not when counts come in', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const { path, file } = sqliteStore('migrated')
    opened.push(file.sqlite)
    const { counter } = open({ file: path })
    counter.add(started)
    counter.add(started)
    vi.advanceTimersByTime(HOUR - 1)
    expect(await startedCount(file)).toBe(0)
    vi.advanceTimersByTime(1)
    expect(await startedCount(file)).toBe(2)
    counter.add(started)
    vi.advanceTimersByTime(HOUR)
    expect(await startedCount(file)).toBe(3)
  })

  it('does not even open the file while nothing was counted', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const path = join(folder, 'never-made.sqlite')
    const { counter, warnings } = open({ file: path })
    vi.advanceTimersByTime(3 * HOUR)
    expect(counter.flush()).toBe(0)
    expect(existsSync(path)).toBe(false)
    expect(warnings).toEqual([])
  })

  it('never makes a file that is not there: the counts wait for the one the server makes', async () => {
    const path = join(folder, 'made-later.sqlite')
    const { counter, warnings } = open({ file: path })
    counter.add(started)
    expect(counter.flush()).toBe(0)
    expect(existsSync(path)).toBe(false)
    expect(warnings).toEqual([
      `figures: the database file ${path} cannot be opened; the counts are kept in memory and written at the next try (every 60 min)`,
    ])
  })

  it('keeps the counts while the file is not a database, and writes them all once it is', async () => {
    const path = join(folder, 'not-a-database.sqlite')
    writeFileSync(path, 'not a database, '.repeat(512))
    const { counter, warnings } = open({ file: path })
    counter.add(started)
    expect(counter.flush()).toBe(0)
    counter.add(started)
    expect(counter.flush()).toBe(0)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/^figures: the database file .+ is not a SQLite database; the counts are kept in memory/)

    const repaired = sqliteStore('migrated', path)
    opened.push(repaired.file.sqlite)
    expect(counter.flush()).toBe(started.length)
    expect(await startedCount(repaired.file)).toBe(2)
    expect(warnings).toHaveLength(1)
  })

  it('keeps the counts while another process holds the write lock, and writes them after', async () => {
    const { path, file } = sqliteStore('migrated')
    opened.push(file.sqlite)
    const { counter, warnings } = open({ file: path, busyTimeoutMs: 20 })
    counter.add(started)
    file.sqlite.exec('BEGIN IMMEDIATE')
    expect(counter.flush()).toBe(0)
    file.sqlite.exec('COMMIT')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('is locked by another process')
    counter.add(started)
    expect(counter.flush()).toBe(started.length)
    expect(await startedCount(file)).toBe(2)
  })

  it('close() writes what is left once and stops the schedule', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const { path, file } = sqliteStore('migrated')
    opened.push(file.sqlite)
    const { counter } = open({ file: path })
    counter.add(started)
    counter.close()
    expect(await startedCount(file)).toBe(1)
    counter.add(started)
    vi.advanceTimersByTime(2 * HOUR)
    expect(await startedCount(file)).toBe(1)
    expect(vi.getTimerCount()).toBe(0)
  })
})
