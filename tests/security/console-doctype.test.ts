import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateKeyring } from '../../src/core/state/keyring'
import { createNodeApp } from '../../src/runtime/createNodeApp'
import { consoleClient } from '../support/consoleClient'
import { startConsoleWithCurators } from '../support/startConsoleWithCurators'
import type { startNodeServer } from '../support/startNodeServer'

// Security review, Low 13: console pages had no `<!DOCTYPE html>`, so browsers drew them in quirks
// mode. Every console page must start with it: each page reachable by a link from the console
// (crawled as an admin and as an editor), the login page, and every error and refusal page.

let server: Awaited<ReturnType<typeof startNodeServer>>
let admin: ReturnType<typeof consoleClient>
let editor: ReturnType<typeof consoleClient>

beforeAll(async () => {
  ;({ server, admin, editor } = await startConsoleWithCurators())
}, 60_000)
afterAll(async () => {
  await server.stop()
})

/** An HTML console answer: it must open with the doctype, before anything else. */
async function expectDoctype(response: Response, what: string, status?: number) {
  if (status !== undefined) expect(response.status, what).toBe(status)
  expect(response.headers.get('content-type'), what).toContain('text/html')
  expect((await response.text()).slice(0, 15), what).toBe('<!DOCTYPE html>')
}

const FIXED = new Set([
  'admin',
  'records',
  'new',
  'history',
  'retire',
  'dashboard',
  'import',
  'partners',
  'account',
  'events',
  'login',
  'figures',
])
/** The route a console path belongs to: ids become `:id`, so each route is visited once. */
const routeOf = (path: string) =>
  new URL(path, 'http://x').pathname
    .split('/')
    .map((part) => (part === '' || FIXED.has(part) ? part : ':id'))
    .join('/')

/** Every console page linked from the console, one per route, following links from `start`. */
async function crawl(client: ReturnType<typeof consoleClient>, start: string): Promise<string[]> {
  const seen = new Map<string, string>([[routeOf(start), start]])
  const queue = [start]
  for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
    const response = await client.get(path)
    expect(response.status, path).toBe(200)
    const html = await response.clone().text()
    await expectDoctype(response, path)
    for (const [, href = ''] of html.matchAll(/href="(\/admin[^"#]*)"/g)) {
      const link = href.replace(/&amp;/g, '&')
      // Downloads, not pages: the exports, and the figures' CSV and plain-text summary.
      if (link.startsWith('/admin/export/') || link.startsWith('/admin/figures.csv') || link.startsWith('/admin/figures/summary')) continue
      const route = routeOf(link)
      if (seen.has(route)) continue
      seen.set(route, link)
      queue.push(link)
    }
  }
  return [...seen.keys()]
}

describe('every console page starts with <!DOCTYPE html>', () => {
  it('each page an admin reaches by links', async () => {
    const routes = await crawl(admin, '/admin/records')
    // The crawl reached every section, a record's pages and a partner's.
    expect(routes).toEqual(
      expect.arrayContaining([
        '/admin/records',
        '/admin/records/new',
        '/admin/records/:id',
        '/admin/records/:id/history',
        '/admin/records/:id/retire',
        '/admin/dashboard',
        '/admin/figures',
        '/admin/import',
        '/admin/partners',
        '/admin/partners/new',
        '/admin/partners/:id',
        '/admin/partners/:id/history',
      ]),
    )
  }, 60_000)

  it('each page an editor reaches by links, and the read-only record page', async () => {
    await crawl(editor, '/admin/records')
    await expectDoctype(await editor.get('/admin/records/stop-it-now-uk-ireland'), 'a record out of scope', 200)
  }, 60_000)

  it('the login page, logged out and after a wrong password', async () => {
    const visitor = consoleClient(server.base)
    await expectDoctype(await visitor.get('/admin/login'), 'login', 200)
    await expectDoctype(await visitor.login('anna', 'not the password at all'), 'wrong password', 401)
  }, 30_000)

  it('error and refusal pages', async () => {
    const csrf = await admin.csrf()
    const editorCsrf = await editor.csrf()
    await expectDoctype(await admin.get('/admin/no-such-page'), 'not found', 404)
    await expectDoctype(await admin.get('/admin/records/no-such-record'), 'no such record', 404)
    await expectDoctype(await admin.post('/admin/records/new', { name: 'no csrf' }), 'form refused (no CSRF token)', 403)
    await expectDoctype(await admin.post('/admin/import', { csrf, x: 'y'.repeat(6 * 1024 * 1024) }), 'too large', 413)
    await expectDoctype(await admin.post('/admin/import', { csrf }), 'import without a file', 400)
    await expectDoctype(await admin.post('/admin/records/kein-taeter-werden/retire', { csrf, note: '' }), 'retire without a reason', 400)
    await expectDoctype(await admin.post('/admin/records/new', { csrf, id: 'Not An Id' }), 'record form with problems', 422)
    await expectDoctype(await editor.get('/admin/partners'), 'partners, for an editor', 403)
    await expectDoctype(
      await editor.post('/admin/records/stop-it-now-uk-ireland/confirm', { csrf: editorCsrf, back: '/admin/records' }),
      'confirm refused',
      422,
    )
  }, 30_000)

  it('the page the console shows while its database cannot be read', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'helpfinder-'))
    // A folder where the database file should be: the public app runs on the built-in copy, the console is off.
    const { app, close } = await createNodeApp({
      databaseFile: folder,
      keyring: await generateKeyring(),
      log: () => undefined,
      warn: () => undefined,
    })
    try {
      await expectDoctype(await app.fetch(new Request('http://localhost/admin/login')), 'console unavailable', 503)
    } finally {
      close()
      rmSync(folder, { recursive: true, force: true })
    }
  }, 30_000)
})
