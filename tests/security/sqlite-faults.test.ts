import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as z from 'zod'
import { garblePages } from '../support/garblePages'
import { healthyDatabase } from '../support/healthyDatabase'
import { jsonConversation } from '../support/jsonConversation'
import { telLinksOf } from '../support/pageFacts'
import { startServerOnFile } from '../support/startServerOnFile'
import { waitFor } from '../support/waitFor'

// Issue 15, as the fault runs found it: a damaged, unreadable or locked SQLite file made `npm start`
// exit with a stack trace and nothing listened. Now the server starts at once on the built-in copy,
// says once what is wrong, keeps the console off, and switches back once the file is healed.
const folder = mkdtempSync(join(tmpdir(), 'helpfinder-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

const Locale = z.object({ error: z.object({ directory_fallback: z.string() }) })
const builtInCopyNotice = Locale.parse(JSON.parse(readFileSync(new URL('../../locales/de/translation.json', import.meta.url), 'utf8')))
  .error.directory_fallback
const IN_GERMANY = [['self'], ['adult'], ['DE'], ['de'], ['nothing_happened'], ['any'], ['not_needed']]
/** Retries this often here (30 s in production): the heal is seen within a second. */
const RETRY_MS = 400
/** Before the fix a lock stalled the start for SQLite's 5 s busy timeout, then the process died. */
const START_BUDGET_MS = 3000

/** A damaged file at `file`, and what heals it (a lock released, a healthy file moved into place). */
type Fault = (file: string) => { heal: () => void }

let folders = 0
/** A folder of its own per fault; the database file's path inside it. */
function newPath() {
  const own = join(folder, `fault-${++folders}`)
  mkdirSync(own)
  return join(own, 'helpfinder.sqlite')
}

/** Replaces whatever is at `file` with a healthy directory, as an operator restoring a backup would (mv). */
function moveHealthyInto(file: string) {
  const ready = healthyDatabase(join(folder, `ready-${++folders}.sqlite`))
  rmSync(file, { recursive: true, force: true })
  renameSync(ready, file)
}

const faults: [string, RegExp, Fault][] = [
  [
    'a garbage file',
    /is not a SQLite database/,
    (file) => {
      writeFileSync(file, 'This is not a database, only text. '.repeat(2000))
      return { heal: () => moveHealthyInto(file) }
    },
  ],
  [
    'a truncated file (a real database cut in half)',
    /is damaged/,
    (file) => {
      healthyDatabase(file)
      truncateSync(file, Math.floor(statSync(file).size / 2))
      return { heal: () => moveHealthyInto(file) }
    },
  ],
  [
    'garbled pages (the middle of a real database overwritten, its header intact)',
    /is damaged \(SQLite's quick_check: .*page/,
    (file) => {
      healthyDatabase(file)
      garblePages(file)
      expect(readFileSync(file).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0')
      return { heal: () => moveHealthyInto(file) }
    },
  ],
  [
    // The suite runs as root, for whom chmod 000 changes nothing: a file where the path needs a
    // folder cannot be read by anyone (ENOTDIR). Healed by taking the file away: a new directory is made.
    'an unreadable path (a file where its folder should be)',
    /cannot be reached: a part of its path is a file, not a folder/,
    (file) => {
      rmSync(join(file, '..'), { recursive: true })
      writeFileSync(join(file, '..'), 'a file, not a folder')
      return { heal: () => rmSync(join(file, '..')) }
    },
  ],
  [
    'a folder at the path',
    /is a folder, not a file/,
    (file) => {
      mkdirSync(file)
      return { heal: () => moveHealthyInto(file) }
    },
  ],
  [
    'a database locked in rollback-journal mode (another connection holds BEGIN EXCLUSIVE)',
    /is locked by another process/,
    (file) => {
      healthyDatabase(file)
      const holder = new Database(file)
      holder.pragma('journal_mode = DELETE')
      holder.exec('BEGIN EXCLUSIVE')
      return {
        heal: () => {
          holder.exec('COMMIT')
          holder.close()
        },
      }
    },
  ],
  [
    'a database locked in WAL mode (another connection in exclusive locking mode, after a write)',
    /is locked by another process/,
    (file) => {
      healthyDatabase(file)
      const holder = new Database(file)
      holder.pragma('locking_mode = EXCLUSIVE')
      holder.exec("INSERT OR REPLACE INTO meta (key, value) VALUES ('lock-test', 'held')")
      return { heal: () => holder.close() }
    },
  ],
  [
    'a dropped table (DROP TABLE initiatives on a migrated file)',
    /is missing the table initiatives/,
    (file) => {
      healthyDatabase(file)
      const raw = new Database(file)
      raw.pragma('foreign_keys = OFF')
      raw.exec('DROP TABLE initiatives')
      raw.close()
      return { heal: () => moveHealthyInto(file) }
    },
  ],
]

describe.each(faults)('on %s', (_name, reason, makeFault) => {
  let file: string
  let fault: ReturnType<Fault>
  let server: Awaited<ReturnType<typeof startServerOnFile>>
  beforeAll(async () => {
    file = newPath()
    fault = makeFault(file)
    server = await startServerOnFile(file, { retryMs: RETRY_MS })
  })
  afterAll(async () => {
    await server.stop()
  })

  it('createNodeApp resolves at once and says once, in plain words and without a stack trace, what is wrong', () => {
    expect(server.startMs).toBeLessThan(START_BUDGET_MS)
    expect(server.databaseLines()).toHaveLength(1)
    const [line = ''] = server.databaseLines()
    expect(line).toContain(`the database file ${file} `)
    expect(line).toMatch(reason)
    expect(line).toContain('the public service runs on the copy of data/ built into the app')
    expect(line).toContain('the curator console is off until the file is fixed')
    for (const warning of server.warnings) {
      expect(warning).not.toContain('\n')
      expect(warning).not.toMatch(/^\s+at /m)
      expect(warning).not.toMatch(/SqliteError|Error:/)
    }
  })

  it('serves urgent help with tap-to-call numbers and the built-in-copy notice', async () => {
    const response = await fetch(`${server.base}/urgent`, { headers: { 'accept-language': 'de-DE' } })
    const html = await response.text()
    expect(response.status).toBe(200)
    expect(telLinksOf(html)).toContain('112')
    expect(html).toContain('class="notice"')
    expect(html).toContain(builtInCopyNotice)
  })

  it('takes a whole JSON API conversation to results from the built-in copy', async () => {
    const { statuses, last } = await jsonConversation(server.base, IN_GERMANY)
    expect(statuses.every((status) => status === 200)).toBe(true)
    expect(last.step.outcome).toBe('results')
    expect(last.results?.services.map((service) => service.id)).toContain('kein-taeter-werden')
    expect(last.notice).toBe(builtInCopyNotice)
  })

  it('keeps the curator console off with a calm 503 page that says nothing about the file', async () => {
    for (const [path, method] of [
      ['/admin', 'GET'],
      ['/admin/login', 'GET'],
      ['/admin/login', 'POST'],
      ['/admin/records', 'GET'],
    ] as const) {
      const response = await fetch(`${server.base}${path}`, { method, redirect: 'manual' })
      const html = await response.text()
      expect(response.status, `${method} ${path}`).toBe(503)
      expect(response.headers.get('cache-control')).toContain('no-store')
      expect(html).toContain('The console is unavailable')
      expect(html).toContain('while its database cannot be read')
      expect(html).not.toContain(folder)
      expect(html).not.toMatch(/SQLITE|sqlite|\s+at /)
    }
    // The background retries that ran meanwhile said nothing more.
    expect(server.databaseLines()).toHaveLength(1)
  })

  it('switches back once the file is healed: one recovery line, no notice, the console on', async () => {
    fault.heal()
    await waitFor(() => server.databaseLines().length >= 2, 'the recovery line')
    const lines = server.databaseLines()
    expect(lines).toHaveLength(2)
    expect(lines[1]).toContain(`the database file ${file} is healthy again`)
    expect(lines[1]).toContain('the curator console is on')
    const html = await (await fetch(`${server.base}/urgent`, { headers: { 'accept-language': 'de-DE' } })).text()
    expect(telLinksOf(html)).toContain('112')
    expect(html).not.toContain('class="notice"')
    const { last } = await jsonConversation(server.base, IN_GERMANY)
    expect(last.notice ?? undefined).toBeUndefined()
    const admin = await fetch(`${server.base}/admin`, { redirect: 'manual' })
    expect(admin.status).toBe(303)
    const login = await fetch(`${server.base}/admin/login`)
    expect(login.status).toBe(200)
    expect(await login.text()).toContain('name="password"')
  })
})
