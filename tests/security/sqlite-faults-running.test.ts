import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { garblePages } from '../support/garblePages'
import { healthyDatabase } from '../support/healthyDatabase'
import { jsonConversation } from '../support/jsonConversation'
import { telLinksOf } from '../support/pageFacts'
import { startServerOnFile } from '../support/startServerOnFile'
import { waitFor } from '../support/waitFor'

// Issue 15: while running, a database going bad was invisible to the operator. The periodic check
// (every 60 s in production, 150 ms here) now says so once, and again when it clears; the public
// side keeps serving the directory it loaded, the console is off meanwhile.
const folder = mkdtempSync(join(tmpdir(), 'helpfinder-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))
const TIMING = { checkMs: 150, retryMs: 150 }
const IN_GERMANY = [['self'], ['adult'], ['DE'], ['de'], ['nothing_happened'], ['any'], ['not_needed']]

let stop: (() => Promise<void>) | undefined
afterEach(async () => {
  await stop?.()
  stop = undefined
})

async function healthyServer(name: string) {
  const file = healthyDatabase(join(folder, `${name}.sqlite`))
  const server = await startServerOnFile(file, TIMING)
  stop = server.stop
  expect(server.databaseLines()).toEqual([])
  expect(await (await fetch(`${server.base}/urgent`, { headers: { 'accept-language': 'de-DE' } })).text()).not.toContain('class="notice"')
  return { file, server }
}

/** The public side on the directory it has in memory: urgent numbers, results, no built-in-copy notice. */
async function expectPublicFromMemory(base: string) {
  const response = await fetch(`${base}/urgent`, { headers: { 'accept-language': 'de-DE' } })
  const html = await response.text()
  expect(response.status).toBe(200)
  expect(telLinksOf(html)).toContain('112')
  expect(html).not.toContain('class="notice"')
  const { statuses, last } = await jsonConversation(base, IN_GERMANY)
  expect(statuses.every((status) => status === 200)).toBe(true)
  expect(last.results?.services.map((service) => service.id)).toContain('kein-taeter-werden')
  expect(last.notice ?? undefined).toBeUndefined()
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('a database that goes bad under the running server', () => {
  it('pages garbled in place: one line, public pages keep serving, the console off; one line when restored', async () => {
    const { file, server } = await healthyServer('garbled')
    const restore = garblePages(file)
    await waitFor(() => server.databaseLines().length > 0, 'the health check to see the damage')
    const [line = ''] = server.databaseLines()
    expect(line).toMatch(
      new RegExp(
        `^the database file ${file} is damaged \\(SQLite's quick_check: .*\\) \\(found while running\\); the public service keeps serving the directory it has in memory and the curator console is off until the file is fixed`,
      ),
    )
    expect(line).not.toMatch(/^\s+at /m)
    await expectPublicFromMemory(server.base)
    expect((await fetch(`${server.base}/admin/login`)).status).toBe(503)
    // Several checks later: still the one line (one per change of state, not per check).
    await pause(TIMING.checkMs * 4)
    expect(server.databaseLines()).toHaveLength(1)

    restore()
    await waitFor(() => server.databaseLines().length > 1, 'the recovery line')
    expect(server.databaseLines()).toHaveLength(2)
    expect(server.databaseLines()[1]).toBe(
      `the database file ${file} is healthy again: the public service reads it and the curator console is on`,
    )
    expect((await fetch(`${server.base}/admin/login`)).status).toBe(200)
  })

  it('replaced by a garbage file: one line; a healthy file moved into place: one line, the console back', async () => {
    const { file, server } = await healthyServer('replaced')
    const garbage = join(folder, 'garbage.bin')
    writeFileSync(garbage, 'not a database '.repeat(1000))
    renameSync(garbage, file)
    await waitFor(() => server.databaseLines().length > 0, 'the health check to see the new file')
    expect(server.databaseLines()[0]).toMatch(
      /is not a SQLite database \(found while running\); the public service keeps serving the directory it has in memory/,
    )
    await expectPublicFromMemory(server.base)
    expect((await fetch(`${server.base}/admin`)).status).toBe(503)
    await pause(TIMING.retryMs * 4)
    expect(server.databaseLines()).toHaveLength(1)

    renameSync(healthyDatabase(join(folder, 'backup.sqlite')), file)
    await waitFor(() => server.databaseLines().length > 1, 'the recovery line')
    expect(server.databaseLines()).toHaveLength(2)
    expect(server.databaseLines()[1]).toMatch(/is healthy again: the public service reads it and the curator console is on$/)
    expect((await fetch(`${server.base}/admin/login`)).status).toBe(200)
  })

  it('removed: a new file is made from data/ at the path, said in one line', async () => {
    const { file, server } = await healthyServer('removed')
    rmSync(file)
    await waitFor(() => server.databaseLines().length > 0, 'the health check to see the file gone')
    expect(server.databaseLines()).toEqual([
      `the database file ${file} was replaced or removed while the server was running; the file now at that path is healthy (it was empty, so it was filled from data/): the public service reads it and the curator console is on`,
    ])
    await expectPublicFromMemory(server.base)
    expect((await fetch(`${server.base}/admin/login`)).status).toBe(200)
  })
})

describe('the checks stop with the server', () => {
  it('close() stops the retries: a file healed afterwards is not opened and nothing more is said', async () => {
    const file = join(folder, 'closed.sqlite')
    writeFileSync(file, 'not a database '.repeat(1000))
    const server = await startServerOnFile(file, TIMING)
    expect(server.databaseLines()).toHaveLength(1)
    await server.stop()
    rmSync(file)
    healthyDatabase(file)
    await pause(TIMING.retryMs * 4)
    expect(server.databaseLines()).toHaveLength(1)
  })
})
