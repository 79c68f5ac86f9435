import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { buildAppDeps } from '../../src/app/buildAppDeps'
import { createApp } from '../../src/app/createApp'
import { createDirectoryCache } from '../../src/app/createDirectoryCache'
import { describeStorageFailure } from '../../src/app/describeStorageFailure'
import { generateKeyring } from '../../src/core/state/keyring'
import type { DirectorySource } from '../../src/storage/directorySource'
import { loadBundledData } from '../../src/storage/bundledData'
import { openSqliteDirectory } from '../../src/storage/sqlite/openSqliteDirectory'
import { stepOf, telLinksOf } from '../support/pageFacts'

// Faults injected on purpose: storage that fails, hangs, or hands back corrupt rows. A person in
// crisis still gets the right numbers, fast, with a neutral notice; the operator hears once.
const seed = loadBundledData()
const folder = mkdtempSync(join(tmpdir(), 'helpfinder-faults-'))
const migrations = fileURLToPath(new URL('../../migrations', import.meta.url))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

const BUDGET_MS = 200
const failing: DirectorySource = { load: () => Promise.reject(new Error('SQLITE_CANTOPEN: unable to open database file')) }
const hanging: DirectorySource = { load: () => new Promise(() => {}) }

/** A real SQLite directory whose rows were damaged behind the app's back. */
function corruptSqlite(): DirectorySource {
  const file = join(folder, 'corrupt.sqlite')
  openSqliteDirectory(file, seed, migrations).close()
  const raw = new Database(file)
  raw.prepare("UPDATE contacts SET channel = 'carrier-pigeon'").run()
  raw.close()
  return openSqliteDirectory(file, seed, migrations).source
}

async function appOn(source: DirectorySource) {
  const warnings: string[] = []
  const directory = createDirectoryCache(source, seed, {
    budgetMs: BUDGET_MS,
    onFailure: (error) => warnings.push(describeStorageFailure(error)),
  })
  const app = createApp(await buildAppDeps({ keyring: await generateKeyring(), directory, log: () => {} }))
  const post = async (fields: Record<string, string>) => {
    const response = await app.request('/turn', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields),
    })
    const html = await response.text()
    return { status: response.status, html, state: /name="state" value="([^"]+)"/.exec(html)?.[1] ?? '' }
  }
  return { app, post, warnings }
}

describe.each([
  ['failing', () => failing, /SQLITE_CANTOPEN/],
  ['hanging', () => hanging, /longer than 200 ms/],
  ['corrupt', corruptSqlite, /invalid data at .*channel/],
])('a %s directory', (_name, source, cause) => {
  it('still leads a person to urgent numbers within the budget, with a neutral notice', async () => {
    const { app, post, warnings } = await appOn(source())
    const started = performance.now()
    const start = await app.request('/')
    const first = await start.text()
    expect(start.status).toBe(200)
    expect(first).toContain('class="notice"')
    let state = /name="state" value="([^"]+)"/.exec(first)?.[1] ?? ''
    for (const answer of ['someone', 'DE', 'de']) state = (await post({ state, action: 'answer', answer })).state
    const urgent = await post({ state, action: 'answer', answer: 'child_in_danger' })
    const elapsed = performance.now() - started
    expect(urgent.status).toBe(200)
    expect(stepOf(urgent.html)).toBeUndefined()
    expect(telLinksOf(urgent.html)).toEqual(expect.arrayContaining(['112', '116111']))
    // Five requests: at most one waits for the budget, the rest are served from the copy at once.
    expect(elapsed).toBeLessThan(BUDGET_MS * 2 + 1000)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(cause)
  })

  it('still shows real services from the built-in copy', async () => {
    const { post } = await appOn(source())
    let state = ''
    for (const answer of ['self', 'adult', 'DE', 'de', 'nothing_happened', 'any', 'not_needed'])
      state = (await post({ state, action: 'answer', answer })).state
    const results = await post({ state, action: 'show' })
    expect(results.html).toContain('data-service="kein-taeter-werden"')
  })
})

describe('a healthy directory', () => {
  it('shows no notice', async () => {
    const { app, warnings } = await appOn(openSqliteDirectory(join(folder, 'healthy.sqlite'), seed, migrations).source)
    const html = await (await app.request('/')).text()
    expect(html).not.toContain('class="notice"')
    expect(warnings).toEqual([])
  })
})
