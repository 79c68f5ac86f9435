import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import * as z from 'zod'
import { buildWorker } from '../scripts/buildWorker'
import { directorySql } from '../scripts/d1/directorySql'
import type { DirectoryData } from '../src/core/directory/directoryData'
import type { Initiative } from '../src/core/directory/initiativeSchema'
import { loadBundledData } from '../src/storage/bundledData'
import { openD1Directory } from '../src/storage/d1/openD1Directory'
import { directoryToRows } from '../src/storage/directoryToRows'
import * as schema from '../src/storage/schema'
import { openSqliteDirectory, type SqliteDirectory } from '../src/storage/sqlite/openSqliteDirectory'
import { TEST_APP_ID } from './support/botJwks'
import { answerAll, type FormPage } from './support/formConversation'
import { servicesOf } from './support/pageFacts'
import { startWorker } from './support/startWorker'

// Publishing as a helpline on Workers does it: curators edit the SQLite file on Node, the real
// `npm run data:d1-sql` script writes the SQL, the real `wrangler d1 execute --local` applies it
// (offline, with metrics off), and the built worker bundle in workerd serves it over HTTP.
type Worker = Awaited<ReturnType<typeof startWorker>>

const root = fileURLToPath(new URL('..', import.meta.url))
const migrations = join(root, 'migrations')
const run = promisify(execFile)
const WRANGLER_ENV = { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true', WRANGLER_LOG: 'error' }

const SELF_DE = ['self', 'adult', 'DE', 'de', 'nothing_happened', ['phone', 'chat'], 'matters']
const DIRECTORY_TABLES = ['meta', 'criteria', 'tags', 'initiatives', 'initiative_tags', 'contacts', 'sources', 'urgent_lines', 'partners']
// Quotes, a semicolon and non-ASCII: the SQL literals and wrangler's statement splitter must keep them whole.
const NEW_HOURS = "Mo–Fr 9–17 Uhr; Do bis 20 Uhr ('Abendsprechstunde')"
const NEW_ID = 'praeventionsambulanz-publish-test'
const NEW_NAME = "Präventionsambulanz O'Brien; Berlin (publish test)"
// What the Node side keeps to itself: none of it may reach the SQL file.
const SECRETS = {
  login: 'anna-publish-test',
  displayName: 'Anna Secretname',
  passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2VjcmV0c2FsdA$c2VjcmV0aGFzaHNlY3JldGhhc2g',
  tokenHash: 'token-hash-publish-test-5f1d2c',
  audit: 'audit-note-publish-test',
}

const ApiView = z.object({
  state: z.string().min(1),
  step: z.object({ outcome: z.enum(['results', 'urgent']).optional() }),
  results: z
    .object({
      services: z.array(
        z.object({ id: z.string(), name: z.string(), contacts: z.array(z.object({ label: z.string(), hours: z.string().optional() })) }),
      ),
    })
    .optional(),
})

let folder = ''
let bundle = { outfile: '', bytes: 0 }
let store: SqliteDirectory
let beforeSql = ''
let beforeData: DirectoryData
let afterSql = ''
let exportOutput = ''
let afterOutput = ''
/** The bundled records plus the one a curator adds in curatorEdits. */
const RECORDS_AFTER_EDITS = loadBundledData().initiatives.length + 1
let published: Worker

/** The real script, as `npm run data:d1-sql` runs it. */
async function exportSql(name: string): Promise<string> {
  const out = join(folder, name)
  const { stdout } = await run('npx', ['tsx', 'scripts/dataD1Sql.ts', '--database', join(folder, 'helpfinder.sqlite'), '--out', out], {
    cwd: root,
  })
  exportOutput = stdout
  return out
}

/** `wrangler d1 … helpfinder --local --persist-to DIR`, as an operator would run it against their local D1. */
async function wrangler(persistTo: string, ...args: string[]): Promise<string> {
  const wranglerBin = join(root, 'node_modules/.bin/wrangler')
  const { stdout } = await run(
    wranglerBin,
    ['d1', ...args, '--local', '--persist-to', persistTo, '--config', join(root, 'wrangler.toml')],
    { cwd: root, env: WRANGLER_ENV },
  )
  return stdout
}
const migrateD1 = (persistTo: string) => wrangler(persistTo, 'migrations', 'apply', 'helpfinder')
const applySql = (persistTo: string, file: string) => wrangler(persistTo, 'execute', 'helpfinder', '--file', file)

/** What a curator does in the console: new hours for one record's phone, and one new record for Germany. */
function curatorEdits(directory: SqliteDirectory) {
  const seed = loadBundledData()
  const template = seed.initiatives.find(({ id }) => id === 'kein-taeter-werden')
  if (!template) throw new Error('kein-taeter-werden is not in data/')
  const added: Initiative = { ...template, id: NEW_ID, name: NEW_NAME, website: 'https://example.org/praeventionsambulanz' }
  const rows = directoryToRows({ ...seed, initiatives: [added] })
  directory.db.transaction((tx) => {
    const phone = and(eq(schema.contacts.initiativeId, 'kein-taeter-werden'), eq(schema.contacts.channel, 'phone'))
    expect(tx.update(schema.contacts).set({ hours: NEW_HOURS }).where(phone).run().changes).toBe(1)
    tx.insert(schema.initiatives).values(rows.initiatives).run()
    tx.insert(schema.initiativeTags).values(rows.initiativeTags).run()
    tx.insert(schema.contacts).values(rows.contacts).run()
    tx.insert(schema.sources).values(rows.sources).run()
  })
}

/** Accounts, a session and an audit entry, as the console keeps them in the same file. */
function nodeOnlyRows(directory: SqliteDirectory) {
  directory.db.transaction((tx) => {
    const curator = tx
      .insert(schema.curators)
      .values({
        login: SECRETS.login,
        displayName: SECRETS.displayName,
        passwordHash: SECRETS.passwordHash,
        role: 'admin',
        createdAt: '2026-11-23T10:00:00Z',
      })
      .returning({ id: schema.curators.id })
      .get()
    tx.insert(schema.curatorSessions).values({ tokenHash: SECRETS.tokenHash, curatorId: curator.id, createdAt: 1, lastSeenAt: 2 }).run()
    tx.insert(schema.auditEntries)
      .values({
        at: '2026-11-23T10:01:00Z',
        curatorId: curator.id,
        curatorName: SECRETS.displayName,
        subject: 'initiative',
        subjectId: NEW_ID,
        action: 'create',
        before: null,
        after: SECRETS.audit,
      })
      .run()
  })
}

/** Every row of every directory table, in a stable order. */
async function dumpDirectory(worker: Worker) {
  const dump: Record<string, unknown[]> = {}
  for (const table of DIRECTORY_TABLES) {
    const columns = (await worker.d1.prepare(`SELECT name FROM pragma_table_info('${table}')`).all<{ name: string }>()).results.map(
      (row) => row.name,
    )
    dump[table] = (
      await worker.d1.prepare(`SELECT * FROM ${table} ORDER BY ${columns.map((name) => `"${name}"`).join(', ')}`).all()
    ).results
  }
  return dump
}

async function apiResults(base: string) {
  const post = async (body: object) => {
    const response = await fetch(`${base}/api/v1/turn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    expect(response.status).toBe(200)
    return ApiView.parse(await response.json())
  }
  let view = await post({})
  for (const reply of SELF_DE) view = await post({ state: view.state, reply })
  expect(view.step.outcome).toBe('results')
  return view.results?.services ?? []
}

const resultsPage = async (base: string): Promise<FormPage> => {
  const pages = await answerAll(base, SELF_DE)
  const page = pages[pages.length - 1]
  if (!page) throw new Error('no pages')
  expect(pages.map((step) => step.status)).toEqual(pages.map(() => 200))
  return page
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'helpfinder-publish-'))
  const building = buildWorker(join(folder, 'bundle'))
  store = openSqliteDirectory(join(folder, 'helpfinder.sqlite'), loadBundledData(), migrations)
  nodeOnlyRows(store)
  // The file stays open, as it is while the console runs: the export reads it beside the console.
  beforeSql = await exportSql('before.sql')
  beforeData = await store.source.load()
  curatorEdits(store)
  afterSql = await exportSql('d1-directory.sql')
  afterOutput = exportOutput
  bundle = await building
  const persist = join(folder, 'published')
  await migrateD1(persist)
  await applySql(persist, afterSql)
  published = await startWorker(bundle.outfile, { persistTo: persist, migrate: false })
}, 240_000)

afterAll(async () => {
  await published?.dispose()
  store?.close()
  if (folder) rmSync(folder, { recursive: true, force: true })
})

describe('npm run data:d1-sql', () => {
  it('writes SQL that replaces the directory tables and nothing else: no curator accounts, sessions or audit trail', async () => {
    const sql = readFileSync(afterSql, 'utf8')
    expect(afterOutput).toMatch(new RegExp(`^wrote .*d1-directory\\.sql: ${RECORDS_AFTER_EDITS} services`))
    const statements = sql
      .split(/;\n/)
      .map((statement) => statement.trim())
      .filter(Boolean)
    const targets = statements.map((statement) => /^(?:DELETE FROM|INSERT INTO) "([a-z_]+)"/.exec(statement)?.[1])
    expect(targets.every((table) => table !== undefined)).toBe(true)
    expect([...new Set(targets)].sort()).toEqual([...DIRECTORY_TABLES].sort())
    // Deletes first, children before parents; then inserts, parents first.
    expect(targets.slice(0, 9)).toEqual([
      'initiative_tags',
      'contacts',
      'sources',
      'initiatives',
      'tags',
      'criteria',
      'meta',
      'urgent_lines',
      'partners',
    ])
    expect(statements.slice(0, 9).every((statement) => statement.startsWith('DELETE FROM'))).toBe(true)
    expect(statements.slice(9).every((statement) => statement.startsWith('INSERT INTO'))).toBe(true)
    for (const secret of Object.values(SECRETS)) expect(sql).not.toContain(secret)
    expect(sql).not.toMatch(/curator|audit|token_hash|password/i)
    // "sessions" occurs only where the directory itself says it (services offering therapy sessions).
    const inData = JSON.stringify(await store.source.load()).match(/sessions/g)?.length ?? 0
    expect(inData).toBeGreaterThan(0)
    expect(sql.match(/sessions/g)?.length ?? 0).toBe(inData)
    // D1 refuses BEGIN/COMMIT and statements over 100,000 bytes.
    expect(sql).not.toMatch(/\b(BEGIN|COMMIT|TRANSACTION)\b/)
    expect(Math.max(...statements.map((statement) => Buffer.byteLength(statement)))).toBeLessThan(100_000)
    expect(Math.max(...statements.map((statement) => statement.split('\n(').length - 1))).toBeLessThanOrEqual(50)
  })

  it('opens the file read-only: the SQLite file is not changed by an export', async () => {
    const files = ['helpfinder.sqlite', 'helpfinder.sqlite-wal'].map((name) => join(folder, name))
    const before = files.map((file) => readFileSync(file))
    await exportSql('again.sql')
    expect(files.map((file, index) => readFileSync(file).equals(before[index] ?? Buffer.alloc(0)))).toEqual([true, true])
  }, 90_000)

  it('refuses a file that does not exist, and writes nothing', async () => {
    const failed = run(
      'npx',
      ['tsx', 'scripts/dataD1Sql.ts', '--database', join(folder, 'missing.sqlite'), '--out', join(folder, 'missing.sql')],
      { cwd: root },
    )
    await expect(failed).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('nothing written') })
    expect(() => readFileSync(join(folder, 'missing.sql'))).toThrow()
  }, 90_000)
})

describe('directorySql', () => {
  const seed = loadBundledData()
  it('quotes text as SQL literals (single quotes doubled), booleans as 0/1, unknowns as NULL', () => {
    const record = seed.initiatives.find(({ id }) => id === 'kein-taeter-werden')
    if (!record) throw new Error('kein-taeter-werden is not in data/')
    const sql = directorySql({ ...seed, initiatives: [{ ...record, name: "it's" }] }, '2026-11-23T10:00:00.000Z')
    expect(sql.ok && sql.value).toContain("'kein-taeter-werden', 'prevention', 'it''s', NULL,")
    expect(sql.ok && sql.value).toContain("('directory.published', '2026-11-23T10:00:00.000Z')")
  })

  it('refuses what D1 or wrangler cannot carry, and a directory with nothing to offer', () => {
    const record = seed.initiatives.find(({ id }) => id === 'kein-taeter-werden')
    if (!record) throw new Error('kein-taeter-werden is not in data/')
    const published = (name: string) => directorySql({ ...seed, initiatives: [{ ...record, name }] }, 'now')
    expect(published('a\u0000b')).toEqual({ ok: false, error: 'initiatives.name: text holds a NUL character' })
    expect(published('x BEGIN TRANSACTION y').ok).toBe(false)
    expect(directorySql({ ...seed, initiatives: [{ ...record, status: 'closed' }] }, 'now')).toEqual({
      ok: false,
      error: 'the directory has no active service',
    })
    expect(directorySql({ ...seed, urgent: [] }, 'now')).toEqual({ ok: false, error: 'the directory has no urgent-help numbers' })
  })
})

describe('the worker on the D1 the SQL was applied to (wrangler d1 execute --local --file)', () => {
  it('shows the new service and the new hours in results (web form conversation and JSON API)', async () => {
    const page = await resultsPage(published.url)
    expect(servicesOf(page.html)).toEqual(expect.arrayContaining([NEW_ID, 'kein-taeter-werden']))
    expect(page.html).toContain('Präventionsambulanz O&#39;Brien; Berlin (publish test)')
    expect(page.html).toContain('Mo–Fr 9–17 Uhr; Do bis 20 Uhr (&#39;Abendsprechstunde&#39;)')
    const services = await apiResults(published.url)
    expect(services.find(({ id }) => id === NEW_ID)?.name).toBe(NEW_NAME)
    const hours = services.find(({ id }) => id === 'kein-taeter-werden')?.contacts.map((contact) => contact.hours)
    expect(hours).toContain(NEW_HOURS)
  })

  it('holds exactly the directory of the SQLite file, plus when it was published', async () => {
    expect(await openD1Directory(published.d1).source.load()).toEqual(await store.source.load())
    const stamp = await published.d1.prepare("SELECT value FROM meta WHERE key = 'directory.published'").first<{ value: string }>()
    expect(new Date(stamp?.value ?? '').getTime()).toBeGreaterThan(Date.now() - 600_000)
    for (const table of ['curators', 'curator_sessions', 'audit_entries']) {
      expect((await published.d1.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>())?.n, table).toBe(0)
    }
  })

  it('applying the same file twice leaves exactly the same rows', async () => {
    const once = await dumpDirectory(published)
    expect(once.initiatives).toHaveLength(RECORDS_AFTER_EDITS)
    await applySql(join(folder, 'published'), afterSql)
    expect(await dumpDirectory(published)).toEqual(once)
  }, 90_000)

  it('a file that fails part-way changes nothing (wrangler applies it as one batch)', async () => {
    const once = await dumpDirectory(published)
    const broken = join(folder, 'broken.sql')
    // Everything deleted and re-inserted, then a row whose service does not exist: the foreign key fails last.
    writeFileSync(
      broken,
      `${readFileSync(beforeSql, 'utf8')}INSERT INTO "sources" ("initiative_id", "position", "url", "date", "supports") VALUES ('no-such-service', 0, 'https://example.org', '2026', 'x');\n`,
    )
    await expect(applySql(join(folder, 'published'), broken)).rejects.toThrow(/FOREIGN KEY/)
    expect(await dumpDirectory(published)).toEqual(once)
  }, 90_000)

  it('rolls back by applying the previous file, and forward again', async () => {
    await applySql(join(folder, 'published'), beforeSql)
    expect(await openD1Directory(published.d1).source.load()).toEqual(beforeData)
    await applySql(join(folder, 'published'), afterSql)
    expect(await openD1Directory(published.d1).source.load()).toEqual(await store.source.load())
  }, 90_000)
})

describe('a worker already serving when a new directory is published', () => {
  let fresh: Worker
  let steady: Worker
  const persist = () => join(folder, 'serving')

  beforeAll(async () => {
    await migrateD1(persist())
    await applySql(persist(), beforeSql)
    // Two isolates on the same D1: one with a 1 s max age, one with the default (60 s). Both are
    // set up as deployed with a bot (its app id): without one, a worker rightly says once that the
    // bot endpoint is off, and this test expects no warning at all. Nothing here talks to the bot.
    const bot = { MicrosoftAppId: TEST_APP_ID }
    fresh = await startWorker(bundle.outfile, {
      persistTo: persist(),
      migrate: false,
      bindings: { DIRECTORY_MAX_AGE_SECONDS: '1', ...bot },
    })
    steady = await startWorker(bundle.outfile, { persistTo: persist(), migrate: false, bindings: bot })
  }, 60_000)

  afterAll(async () => {
    await Promise.all([fresh?.dispose(), steady?.dispose()])
  })

  it('shows the change once the max age has passed, without a restart', async () => {
    for (const worker of [fresh, steady]) expect(servicesOf((await resultsPage(worker.url)).html)).not.toContain(NEW_ID)
    await applySql(persist(), afterSql)
    const applied = performance.now()
    await vi.waitFor(async () => expect(servicesOf((await resultsPage(fresh.url)).html)).toContain(NEW_ID), {
      timeout: 20_000,
      interval: 250,
    })
    const seconds = (performance.now() - applied) / 1000
    process.stdout.write(`published directory visible after ${seconds.toFixed(1)} s (max age 1 s)\n`)
    expect(seconds).toBeLessThan(20)
    expect((await apiResults(fresh.url)).find(({ id }) => id === 'kein-taeter-werden')?.contacts.map((contact) => contact.hours)).toContain(
      NEW_HOURS,
    )
    // The default max age is 60 s: the other isolate still answers from the directory it loaded,
    // although its D1 already holds the new one.
    expect(servicesOf((await resultsPage(steady.url)).html)).not.toContain(NEW_ID)
    expect((await steady.d1.prepare('SELECT count(*) AS n FROM initiatives WHERE id = ?').bind(NEW_ID).first<{ n: number }>())?.n).toBe(1)
    expect([...fresh.logs, ...steady.logs].filter((line) => line.includes('warning'))).toEqual([])
  }, 90_000)
})
