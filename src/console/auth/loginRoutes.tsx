import { setTimeout as sleep } from 'node:timers/promises'
import { eq } from 'drizzle-orm'
import { Hono, type Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import * as z from 'zod'
import * as schema from '../../storage/schema'
import { curatorPasswords } from './curatorPasswords'
import type { ThrottleVerdict } from './loginThrottle'
import { newSessionToken, sameToken } from './sessionToken'
import { AdminLayout } from '../shared/AdminLayout'
import { CONSOLE_COOKIE, LOGIN_COOKIE, SESSION_COOKIE, type AdminDeps, type AdminEnv } from '../shared/adminEnv'
import { renderHtml } from '../../channels/web/renderHtml'

const LoginForm = z.object({
  login: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  csrf: z.string().min(1).max(100),
})

/** One message for a wrong name, a wrong password and a disabled account alike: the page never says who has an account. */
const WRONG = 'The login name or the password is not right. Check both and try again.'

/** What the login page says after a logout (`?out=1`) or after "end all my sessions" (`?ended=1`). */
const NOTES: Record<string, string> = {
  out: 'You are logged out.',
  ended: 'All your sessions have ended, on every device. Log in again to carry on.',
}

/**
 * Login and logout. The login form is protected by a double-submit cookie set with the form;
 * a successful login starts a new session with a new token (never one from before the login).
 * Each attempt is reserved with the throttle before its password is checked (loginThrottle), and
 * every outcome is recorded as an account event, with the account's id only.
 */
export function loginRoutes(deps: Pick<AdminDeps, 'db' | 'sessions' | 'throttle' | 'events' | 'checkPassword'>) {
  const app = new Hono<AdminEnv>()

  const page = (c: Context<AdminEnv>, message: { kind: 'error' | 'ok'; text: string } | undefined, status: 200 | 401 | 403 | 429 = 200) => {
    const token = newSessionToken()
    setCookie(c, LOGIN_COOKIE, token, CONSOLE_COOKIE)
    return c.html(
      renderHtml(
        <AdminLayout title="Log in" nonce={c.get('nonce')}>
          <h1>Log in to the curator console</h1>
          <p>For people who keep Helpfinder's directory of services true. Accounts are made by an administrator; there is no sign-up.</p>
          {message && (
            <p class={message.kind === 'error' ? 'error' : 'ok'} role={message.kind === 'error' ? 'alert' : 'status'}>
              {message.text}
            </p>
          )}
          <form method="post" action="/admin/login">
            <input type="hidden" name="csrf" value={token} />
            <div class="field">
              <label for="login">Login name</label>
              <input type="text" id="login" name="login" autocomplete="username" required autofocus />
            </div>
            <div class="field">
              <label for="password">Password</label>
              <input type="password" id="password" name="password" autocomplete="current-password" required />
            </div>
            <button type="submit" class="primary">
              Log in
            </button>
          </form>
        </AdminLayout>,
      ),
      status,
    )
  }

  /** A calm refusal that asks the curator to wait, and says for how long (also as Retry-After). */
  const refused = (c: Context<AdminEnv>, verdict: Extract<ThrottleVerdict, { allowed: false }>) => {
    c.header('Retry-After', String(Math.max(1, Math.ceil(verdict.retryAfterMs / 1000))))
    const wait = inWords(verdict.retryAfterMs)
    const text = {
      login: `Too many failed attempts for this login name. Try again in ${wait}, or ask an administrator.`,
      busy: `Another login is being checked just now. Try again in ${wait}.`,
      global: `Too many failed logins on this console just now. Try again in ${wait}.`,
    }[verdict.scope]
    return page(c, { kind: 'error', text }, 429)
  }

  app.get('/login', (c) => {
    const note = Object.keys(NOTES).find((key) => c.req.query(key) === '1')
    return page(c, note ? { kind: 'ok', text: NOTES[note] ?? '' } : undefined)
  })

  app.post('/login', async (c) => {
    const form = LoginForm.safeParse(await c.req.parseBody())
    const cookie = getCookie(c, LOGIN_COOKIE)
    if (!form.success || !cookie || !sameToken(form.data.csrf, cookie)) {
      return page(c, { kind: 'error', text: 'The login form had expired. It has been reloaded: please log in again.' }, 403)
    }
    const { login, password } = form.data
    // Reserved before anything is awaited: a parallel attempt already sees this one.
    const verdict = deps.throttle.reserve(login)
    if (!verdict.allowed) return refused(c, verdict)
    const { ticket } = verdict
    try {
      if (ticket.waitMs > 0) await sleep(ticket.waitMs)
      const row = deps.db.select().from(schema.curators).where(eq(schema.curators.login, login.toLowerCase())).get()
      // A disabled account still costs a full verify, so its answer looks like any wrong password.
      const checked = await deps.checkPassword(row?.passwordHash, password)
      if (!row || !checked.ok || row.disabledAt !== null) {
        const { locked } = ticket.failed()
        deps.events.record('login_failed', row?.id ?? null)
        if (locked) deps.events.record('login_locked', row?.id ?? null)
        return page(c, { kind: 'error', text: WRONG }, 401)
      }
      ticket.succeeded()
      // The policy rose since this hash was made: replace it now that the password is at hand.
      if (checked.needsRehash)
        deps.db
          .update(schema.curators)
          .set({ passwordHash: await curatorPasswords.hash(password) })
          .where(eq(schema.curators.id, row.id))
          .run()
      setCookie(c, SESSION_COOKIE, deps.sessions.start(row.id), CONSOLE_COOKIE)
      deps.events.record('login_ok', row.id)
      deleteCookie(c, LOGIN_COOKIE, CONSOLE_COOKIE)
      return c.redirect('/admin/records', 303)
    } finally {
      // An error on the way still settles the reservation, as a failure (a no-op once settled).
      ticket.failed()
    }
  })

  app.post('/logout', (c) => {
    deps.sessions.end(c.get('sessionToken'))
    deps.events.record('logout', c.get('curator').id)
    deleteCookie(c, SESSION_COOKIE, CONSOLE_COOKIE)
    return c.redirect('/admin/login?out=1', 303)
  })

  return app
}

/** "a few seconds", "40 seconds", "15 minutes": how long to wait, rounded up. */
function inWords(ms: number): string {
  if (ms <= 5_000) return 'a few seconds'
  if (ms < 60_000) return `${Math.ceil(ms / 1000)} seconds`
  const minutes = Math.ceil(ms / 60_000)
  return minutes === 1 ? '1 minute' : `${minutes} minutes`
}
