import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { THROTTLE_POLICY } from '../../src/console/auth/loginThrottle'
import { curatorPasswords } from '../../src/console/auth/curatorPasswords'
import { addCurators, consoleClient, csrfOf } from '../support/consoleClient'
import { startNodeServer } from '../support/startNodeServer'

// Security review, finding 4 (Medium) and 5 (Low), replayed as found against a real server: the
// login throttle was checked before the password check and recorded after it, so parallel wrong
// passwords all got an argon2 verify; and 100 failures anywhere paused every login for a minute.
// The console's real password check is wrapped to count the verifies that actually run.
const PASSWORD = 'a long pass phrase'
/** The designed global limits (THROTTLE_POLICY.global), written out: the test holds the code to them. */
const DESIGN = { freeAttempts: 30, spacingMs: 500, maxWaitMs: 4_000, maxInFlight: 8 }
let server: Awaited<ReturnType<typeof startNodeServer>> | undefined
afterEach(async () => {
  await server?.stop()
  server = undefined
})

/** A server with one admin, whose password checks are counted (and how many run at once). */
async function start(now?: () => Date) {
  const checks = { started: [] as number[], running: 0, mostAtOnce: 0 }
  server = await startNodeServer({
    console: {
      now,
      checkPassword: async (stored, password) => {
        checks.started.push(Date.now())
        checks.running += 1
        checks.mostAtOnce = Math.max(checks.mostAtOnce, checks.running)
        try {
          return await curatorPasswords.check(stored, password)
        } finally {
          checks.running -= 1
        }
      },
    },
  })
  await addCurators(server.databaseFile, [{ login: 'anna', displayName: 'Anna K.', role: 'admin', password: PASSWORD }])
  return { server, checks }
}

/** A login form as a browser would have it (its double-submit cookie and field), ready to post. */
async function loginForm(base: string) {
  const page = await fetch(`${base}/admin/login`)
  const cookie = page.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ')
  const csrf = csrfOf(await page.text())
  return (login: string, password: string) =>
    fetch(`${base}/admin/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, origin: base },
      body: new URLSearchParams({ login, password, csrf }),
    })
}

/** Many login posts at once: every form is fetched first, then all are posted together. */
async function burst(base: string, attempts: { login: string; password: string }[]) {
  const forms = await Promise.all(attempts.map(() => loginForm(base)))
  const started = Date.now()
  const responses = await Promise.all(attempts.map(({ login, password }, index) => forms[index]?.(login, password)))
  const statuses = await Promise.all(
    responses.map(async (response) => ({
      status: response?.status,
      retryAfter: response?.headers.get('retry-after'),
      text: (await response?.text()) ?? '',
    })),
  )
  return { statuses, elapsedMs: Date.now() - started, started }
}

describe('finding 4: the login throttle races', () => {
  it('40 parallel wrong passwords for one account run at most 5 password checks, however often repeated; then even the right password is refused', async () => {
    const { server, checks } = await start()
    const first = await burst(
      server.base,
      Array.from({ length: 40 }, (_, index) => ({ login: 'anna', password: `wrong guess ${index}` })),
    )
    expect(checks.started.length).toBeLessThanOrEqual(5)
    expect(first.statuses.filter(({ status }) => status === 401).length).toBe(checks.started.length)
    // Everything else was refused at once, calmly, with a time to wait: never a 5xx.
    for (const refused of first.statuses.filter(({ status }) => status !== 401)) {
      expect(refused.status).toBe(429)
      expect(Number(refused.retryAfter)).toBeGreaterThan(0)
      expect(refused.text).toMatch(/Try again in/)
    }
    // An attacker who keeps going gets no further: the name locks after its fifth failure.
    for (let round = 0; round < 8; round += 1)
      await burst(
        server.base,
        Array.from({ length: 40 }, (_, index) => ({ login: 'ANNA ', password: `guess ${round}-${index}` })),
      )
    expect(checks.started.length).toBe(5)
    const right = await (await loginForm(server.base))('anna', PASSWORD)
    expect(right.status).toBe(429)
    expect(await right.text()).toContain('Too many failed attempts for this login name')
    expect(right.headers.getSetCookie().some((line) => line.startsWith('__Host-hf-session'))).toBe(false)
    expect(checks.started.length).toBe(5)
  }, 120_000)

  it('250 parallel wrong logins over 250 names run no more checks than the slowdown allows, at most 8 at once; a real curator then still logs in within seconds', async () => {
    const { server, checks } = await start()
    const { statuses, elapsedMs, started } = await burst(
      server.base,
      Array.from({ length: 250 }, () => ({ login: `name-${randomUUID().slice(0, 8)}`, password: 'wrong' })),
    )
    const { freeAttempts, spacingMs, maxInFlight } = DESIGN
    // Free attempts start at once; after them, one check per spacingMs at most, within the burst.
    const designed = freeAttempts + 1 + Math.floor((elapsedMs + 50) / spacingMs)
    expect(checks.started.length).toBeLessThanOrEqual(designed)
    expect(checks.started.filter((at) => at >= started).length).toBe(checks.started.length)
    expect(checks.mostAtOnce).toBeLessThanOrEqual(maxInFlight)
    expect(statuses.filter(({ status }) => status === 401).length).toBe(checks.started.length)
    expect(statuses.every(({ status }) => status === 401 || status === 429)).toBe(true)

    // A global slowdown, not a global stop: the curator's own name is not locked, so they get in.
    const before = Date.now()
    const client = consoleClient(server.base)
    const login = await client.login('anna', PASSWORD)
    expect(login.status).toBe(303)
    expect(Date.now() - before).toBeLessThan(DESIGN.maxWaitMs + 1_500)
    expect((await client.get('/admin/records')).status).toBe(200)
    expect(THROTTLE_POLICY.global).toMatchObject(DESIGN)
  }, 120_000)
})

describe('finding 5: anyone could lock every curator out with 100 failures', () => {
  it('after 150 failures across random names, the real curator logs in within a few seconds', async () => {
    // The attacker sends as fast as the slowdown lets anyone in: one attempt per spacingMs, on the
    // console's clock (which the test holds), so 150 failures take 75 s there and a few here.
    let clock = Date.parse('2026-11-23T09:00:00Z')
    const { server, checks } = await start(() => new Date(clock))
    let failures = 0
    while (failures < 150) {
      const response = await (await loginForm(server.base))(`someone-${randomUUID()}`, 'not the password')
      expect(response.status).toBe(401)
      failures += 1
      clock += DESIGN.spacingMs
    }
    expect(checks.started.length).toBe(150)
    const before = Date.now()
    const client = consoleClient(server.base)
    expect((await client.login('anna', PASSWORD)).status).toBe(303)
    expect(Date.now() - before).toBeLessThan(3_000)
    expect((await client.get('/admin/records')).status).toBe(200)
  }, 120_000)
})
