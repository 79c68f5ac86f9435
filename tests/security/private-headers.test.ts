import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildWorker } from '../../scripts/buildWorker'
import { STATIC_HEADERS } from '../../src/middleware/securityHeaders'
import { activity, LOCAL_TESTING } from '../support/botClient'
import { startNodeServer } from '../support/startNodeServer'
import { startWorker } from '../support/startWorker'

// Security review, Low 8 and 9: `/api/messages` replies (which hold the sealed state) carried none
// of the private headers, because the bot returns a Response of its own; and no response had HSTS.
// Replayed on a real loopback server and in workerd: every kind of response, the bot's included,
// carries no-store, nosniff and the rest; HSTS exactly when PUBLIC_ORIGIN is https.

const HSTS = 'max-age=63072000; includeSubDomains'

type Server = Awaited<ReturnType<typeof startNodeServer>>
let https: Server
let plain: Server
let folder = ''
let worker: Awaited<ReturnType<typeof startWorker>>

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'helpfinder-headers-'))
  const [secure, local, bundle] = await Promise.all([
    startNodeServer({ bot: LOCAL_TESTING, publicOrigin: 'https://help.example.org' }),
    startNodeServer(),
    buildWorker(folder),
  ])
  https = secure
  plain = local
  worker = await startWorker(bundle.outfile, { bindings: { ...LOCAL_TESTING, PUBLIC_ORIGIN: 'https://help.example.org' } })
}, 120_000)

afterAll(async () => {
  await Promise.all([https?.stop(), plain?.stop(), worker?.dispose()])
  if (folder) rmSync(folder, { recursive: true, force: true })
})

/** What every public response must carry; a route may widen only what it says it does (widget.js is read cross-origin and may be kept). */
function expectPrivateHeaders(label: string, headers: Headers, except: Record<string, string> = {}) {
  for (const [name, value] of STATIC_HEADERS) expect(headers.get(name), `${label}: ${name}`).toBe(except[name] ?? value)
  expect(headers.get('content-security-policy'), `${label}: CSP`).toMatch(/default-src 'none'/)
  expect(headers.getSetCookie(), label).toEqual([])
}

/** The responses of each kind the review named, from one server. */
async function responses(base: string) {
  const bot = await fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity({ type: 'conversationUpdate', membersAdded: [{ id: 'person-1' }] })),
  })
  const botText = await bot.text()
  const get = (path: string) => fetch(`${base}${path}`, { redirect: 'manual' })
  const api = await fetch(`${base}/api/v1/turn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'start' }),
  })
  return {
    bot: { status: bot.status, headers: bot.headers, text: botText },
    notFound: await get('/no-such-page'),
    redirect: await get('/turn'),
    widget: await get('/widget.js'),
    api,
    home: await get('/'),
  }
}

describe('private headers on every response (Node, PUBLIC_ORIGIN https)', () => {
  let seen: Awaited<ReturnType<typeof responses>>
  beforeAll(async () => {
    seen = await responses(https.base)
  })

  it('the bot reply in expectReplies, which holds the sealed state, carries no-store, nosniff and the rest', () => {
    expect(seen.bot.status).toBe(200)
    expect(seen.bot.text).toContain('"activities"')
    expectPrivateHeaders('POST /api/messages', seen.bot.headers)
  })

  it('so do the 404 page, a redirect, widget.js, the JSON API and the home page', () => {
    expect([seen.notFound.status, seen.redirect.status, seen.widget.status, seen.api.status, seen.home.status]).toEqual([
      404, 303, 200, 200, 200,
    ])
    expectPrivateHeaders('GET /no-such-page', seen.notFound.headers)
    expectPrivateHeaders('GET /turn (redirect)', seen.redirect.headers)
    // widget.js is the same file for everyone: browsers may keep it (docs/widget.md).
    expectPrivateHeaders('GET /widget.js', seen.widget.headers, {
      'Cross-Origin-Resource-Policy': 'cross-origin',
      'Cache-Control': 'public, max-age=300',
    })
    expectPrivateHeaders('POST /api/v1/turn', seen.api.headers)
    expectPrivateHeaders('GET /', seen.home.headers)
  })

  it('every one of them carries HSTS', () => {
    for (const [label, response] of Object.entries(seen)) expect(response.headers.get('strict-transport-security'), label).toBe(HSTS)
  })
})

describe('without PUBLIC_ORIGIN (local use over http)', () => {
  it('the bot refusing a caller (no credentials, no local testing: 401) still sends the private headers, and nothing sends HSTS', async () => {
    const seen = await responses(plain.base)
    expect(seen.bot.status).toBe(401)
    expectPrivateHeaders('POST /api/messages (refused)', seen.bot.headers)
    for (const [label, response] of Object.entries(seen)) expect(response.headers.get('strict-transport-security'), label).toBeNull()
  })

  it('a body the bot cannot read (400) carries them too', async () => {
    const response = await fetch(`${https.base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type":',
    })
    expect(response.status).toBe(400)
    expectPrivateHeaders('POST /api/messages (bad body)', response.headers)
  })
})

describe('in workerd, with PUBLIC_ORIGIN https', () => {
  it('a page and the bot reply carry the private headers and HSTS', async () => {
    const page = await fetch(`${worker.url}/`)
    expect(page.status).toBe(200)
    expectPrivateHeaders('workerd GET /', page.headers)
    expect(page.headers.get('strict-transport-security')).toBe(HSTS)

    const bot = await fetch(`${worker.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity({ type: 'conversationUpdate', membersAdded: [{ id: 'person-1' }] })),
    })
    expect(bot.status).toBe(200)
    expect(await bot.text()).toContain('"activities"')
    expectPrivateHeaders('workerd POST /api/messages', bot.headers)
    expect(bot.headers.get('strict-transport-security')).toBe(HSTS)
  }, 60_000)
})
