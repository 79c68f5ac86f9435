import Database from 'better-sqlite3'
import { hash } from '@node-rs/argon2'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { phcParameters } from '../src/console/auth/phcParameters'
import { addCurators, consoleClient, csrfOf } from './support/consoleClient'
import { startNodeServer } from './support/startNodeServer'

// The console's sessions as a browser would meet them, over real HTTP against a real SQLite file,
// with the clock in the test's hands (idle and absolute timeouts) and a small global throttle.
let clock = Date.parse('2026-11-23T09:00:00Z')
let server: Awaited<ReturnType<typeof startNodeServer>>
const PASSWORD = 'a long pass phrase'

beforeAll(async () => {
  server = await startNodeServer({
    console: {
      now: () => new Date(clock),
      sessions: { idleMs: 30 * 60_000, absoluteMs: 8 * 60 * 60_000 },
      // The global slowdown set to its harshest (the next check a minute away, no waiting): the
      // console then pauses, as the last test below expects. The default slows down instead.
      throttle: {
        perLogin: { failures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
        global: { freeAttempts: 40, windowMs: 60_000, spacingMs: 60_000, maxWaitMs: 0, maxInFlight: 8 },
      },
    },
  })
  await addCurators(server.databaseFile, [
    { login: 'anna', displayName: 'Anna', role: 'admin', password: PASSWORD },
    { login: 'lena', displayName: 'Lena', role: 'editor', country: 'DE', password: PASSWORD },
    { login: 'omar', displayName: 'Omar', role: 'editor', country: 'NL', password: PASSWORD },
  ])
}, 60_000)
afterAll(() => server.stop())

const sql = <T>(query: string, ...params: unknown[]): T[] => {
  const db = new Database(server.databaseFile, { readonly: true })
  try {
    return db.prepare(query).all(...params) as T[]
  } finally {
    db.close()
  }
}

describe('curator sessions', () => {
  it('logs in with a __Host- cookie that is Secure, HttpOnly and SameSite=Strict, holding ≥128 random bits stored only as a hash', async () => {
    const client = consoleClient(server.base)
    const response = await client.login('anna', PASSWORD)
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/admin/records')
    const line = response.headers.getSetCookie().find((cookie) => cookie.startsWith('__Host-hf-session='))
    expect(line).toMatch(/; Path=\//)
    expect(line).toMatch(/; Secure/)
    expect(line).toMatch(/; HttpOnly/)
    expect(line).toMatch(/; SameSite=Strict/)
    expect(line).not.toMatch(/Domain=/i)
    const token = client.jar.get('__Host-hf-session') ?? ''
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16)
    const stored = sql<{ token_hash: string }>('select token_hash from curator_sessions')
    expect(stored.length).toBeGreaterThan(0)
    expect(stored.map((row) => row.token_hash)).not.toContain(token)
    expect(JSON.stringify(stored)).not.toContain(token)
    expect((await client.get('/admin/records')).status).toBe(200)
  }, 30_000)

  it('gives a new token at every login, and logout really ends the session', async () => {
    const first = consoleClient(server.base)
    await first.login('anna', PASSWORD)
    const second = consoleClient(server.base)
    await second.login('anna', PASSWORD)
    const [a, b] = [first.jar.get('__Host-hf-session'), second.jar.get('__Host-hf-session')]
    expect(a).toBeTruthy()
    expect(a).not.toBe(b)

    const old = first.jar.get('__Host-hf-session') ?? ''
    const out = await first.post('/admin/logout', { csrf: await first.csrf() })
    expect(out.status).toBe(303)
    expect(out.headers.get('location')).toBe('/admin/login?out=1')
    expect(first.jar.has('__Host-hf-session')).toBe(false)
    // The old cookie, replayed, is worth nothing now.
    const replay = await fetch(`${server.base}/admin/records`, { redirect: 'manual', headers: { cookie: `__Host-hf-session=${old}` } })
    expect(replay.status).toBe(303)
    expect(replay.headers.get('location')).toBe('/admin/login')
    expect((await second.get('/admin/records')).status).toBe(200)
  }, 30_000)

  it('ends a session after 30 idle minutes, and after 8 hours however busy', async () => {
    const client = consoleClient(server.base)
    await client.login('anna', PASSWORD)
    clock += 29 * 60_000
    expect((await client.get('/admin/records')).status).toBe(200)
    clock += 31 * 60_000
    expect((await client.get('/admin/records')).headers.get('location')).toBe('/admin/login')

    const busy = consoleClient(server.base)
    await busy.login('anna', PASSWORD)
    for (let minutes = 0; minutes < 8 * 60 - 20; minutes += 20) {
      clock += 20 * 60_000
      expect((await busy.get('/admin/records')).status, `after ${minutes + 20} minutes`).toBe(200)
    }
    clock += 25 * 60_000
    expect((await busy.get('/admin/records')).headers.get('location')).toBe('/admin/login')
  }, 60_000)

  it('refuses a login form without its CSRF cookie or field', async () => {
    const page = await fetch(`${server.base}/admin/login`)
    const token = csrfOf(await page.text())
    const noCookie = await fetch(`${server.base}/admin/login`, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams({ login: 'anna', password: PASSWORD, csrf: token }),
    })
    expect(noCookie.status).toBe(403)
    expect(noCookie.headers.getSetCookie().some((cookie) => cookie.startsWith('__Host-hf-session'))).toBe(false)
    const client = consoleClient(server.base)
    await client.get('/admin/login')
    const noField = await client.post('/admin/login', { login: 'anna', password: PASSWORD })
    expect(noField.status).toBe(403)
    expect(client.jar.has('__Host-hf-session')).toBe(false)
  })

  it('refuses every logged-in form post without the CSRF token, and changes nothing', async () => {
    const client = consoleClient(server.base)
    await client.login('anna', PASSWORD)
    const before = sql('select * from initiatives where id = ?', 'stop-it-now-nl')
    const audit = sql('select count(*) as n from audit_entries')
    for (const fields of [{ back: '/admin/records' }, { back: '/admin/records', csrf: 'forged' }] as Record<string, string>[]) {
      const refused = await client.post('/admin/records/stop-it-now-nl/confirm', fields)
      expect(refused.status).toBe(403)
      expect(await refused.text()).toContain('Nothing was changed')
    }
    expect((await client.post('/admin/logout', {})).status).toBe(403)
    expect(sql('select * from initiatives where id = ?', 'stop-it-now-nl')).toEqual(before)
    expect(sql('select count(*) as n from audit_entries')).toEqual(audit)
    expect((await client.get('/admin/records')).status).toBe(200)
  }, 30_000)

  it('refuses a post that a browser says came from another site, even with a valid token', async () => {
    const client = consoleClient(server.base)
    await client.login('anna', PASSWORD)
    const csrf = await client.csrf()
    const cookie = `__Host-hf-session=${client.jar.get('__Host-hf-session')}`
    for (const headers of [{ origin: 'https://attacker.example' }, { 'sec-fetch-site': 'cross-site' }] as Record<string, string>[]) {
      const refused = await fetch(`${server.base}/admin/records/stop-it-now-nl/confirm`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, ...headers },
        body: new URLSearchParams({ csrf, back: '/admin/records' }),
      })
      expect(refused.status).toBe(403)
    }
  }, 30_000)

  it('says the same thing, with the same status, for a wrong password and for a login name that does not exist', async () => {
    const wrongPassword = await consoleClient(server.base).login('omar', 'not the pass phrase')
    const noSuchName = await consoleClient(server.base).login('nobody-here', 'not the pass phrase')
    expect(wrongPassword.status).toBe(401)
    expect(noSuchName.status).toBe(401)
    const message = (html: string) => /<p class="error" role="alert">([^<]*)<\/p>/.exec(html)?.[1]
    const [a, b] = [message(await wrongPassword.text()), message(await noSuchName.text())]
    expect(a).toContain('not right')
    expect(a).toBe(b)
  }, 30_000)

  it('locks a login name after 5 failures, even against the right password, and the same for a name that does not exist', async () => {
    for (const login of ['lena', 'ghost']) {
      for (let attempt = 1; attempt <= 5; attempt += 1)
        expect((await consoleClient(server.base).login(login, `wrong ${attempt}`)).status).toBe(401)
      const locked = await consoleClient(server.base).login(login, login === 'lena' ? PASSWORD : 'anything at all')
      expect(locked.status).toBe(429)
      expect(await locked.text()).toContain('Too many failed attempts for this login name')
      expect(locked.headers.getSetCookie().some((cookie) => cookie.startsWith('__Host-hf-session'))).toBe(false)
    }
    // Other accounts are not affected, and the lock lifts after 15 minutes.
    expect((await consoleClient(server.base).login('anna', PASSWORD)).status).toBe(303)
    clock += 16 * 60_000
    expect((await consoleClient(server.base).login('lena', PASSWORD)).status).toBe(303)
  }, 60_000)

  it('pauses every login when failures across the console pass the global limit', async () => {
    clock += 60 * 60_000
    // 40 failures spread over many names (none reaches its own limit of 5).
    for (let index = 0; index < 40; index += 1)
      await consoleClient(server.base).login(`spray-${index % 10}-${Math.floor(index / 10)}`, 'wrong')
    const paused = await consoleClient(server.base).login('anna', PASSWORD)
    expect(paused.status).toBe(429)
    expect(await paused.text()).toContain('Too many failed logins on this console')
    clock += 61_000
    expect((await consoleClient(server.base).login('anna', PASSWORD)).status).toBe(303)
  }, 120_000)

  it('re-hashes a password made with weaker argon2 parameters at the next login', async () => {
    const weak = await hash(PASSWORD, { algorithm: 2, memoryCost: 4096, timeCost: 1, parallelism: 1 })
    const db = new Database(server.databaseFile)
    db.prepare("update curators set password_hash = ? where login = 'omar'").run(weak)
    db.close()
    expect((await consoleClient(server.base).login('omar', PASSWORD)).status).toBe(303)
    const [row] = sql<{ password_hash: string }>("select password_hash from curators where login = 'omar'")
    expect(row?.password_hash).not.toBe(weak)
    expect(phcParameters(row?.password_hash ?? '')).toEqual({ algorithm: 'argon2id', memoryCost: 19_456, timeCost: 2, parallelism: 1 })
  }, 30_000)

  it('keeps the public side cookie-free while a curator is logged in, and never frames the console', async () => {
    const client = consoleClient(server.base)
    await client.login('anna', PASSWORD)
    for (const path of ['/', '/start', '/widget/panel', '/widget.js', '/about', '/admin-not-a-console']) {
      const response = await client.get(path)
      expect(response.headers.getSetCookie(), path).toEqual([])
    }
    const console = await client.get('/admin/records')
    expect(console.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(console.headers.get('x-frame-options')).toBe('DENY')
    expect(console.headers.get('cache-control')).toBe('no-store')
  }, 30_000)

  it('logs only route, method, status and time: no login names, tokens or addresses', () => {
    const text = JSON.stringify(server.logs)
    expect(server.logs.some((line) => line.route.startsWith('/admin'))).toBe(true)
    for (const secret of ['anna', 'lena', 'ghost', PASSWORD, '127.0.0.1', 'hf-session']) expect(text).not.toContain(secret)
    for (const line of server.logs) expect(Object.keys(line).sort()).toEqual(['method', 'ms', 'route', 'status'])
  })
})
