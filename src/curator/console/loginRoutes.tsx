import { eq } from 'drizzle-orm'
import { Hono, type Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import * as z from 'zod'
import * as schema from '../../storage/schema'
import { curatorPasswords } from '../curatorPasswords'
import { newSessionToken, sameToken } from '../auth/sessionToken'
import { AdminLayout } from './AdminLayout'
import { LOGIN_COOKIE, SESSION_COOKIE, type AdminDeps, type AdminEnv } from './adminEnv'

const COOKIE = { path: '/', secure: true, httpOnly: true, sameSite: 'Strict' } as const

const LoginForm = z.object({
  login: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  csrf: z.string().min(1).max(100),
})

/** One message for a wrong name and a wrong password alike: the page never says who has an account. */
const WRONG = 'The login name or the password is not right. Check both and try again.'

/**
 * Login and logout. The login form is protected by a double-submit cookie set with the form;
 * a successful login starts a new session with a new token (never one from before the login).
 */
export function loginRoutes(deps: Pick<AdminDeps, 'db' | 'sessions' | 'throttle'>) {
  const app = new Hono<AdminEnv>()

  const page = (c: Context<AdminEnv>, message: { kind: 'error' | 'ok'; text: string } | undefined, status: 200 | 401 | 403 | 429 = 200) => {
    const token = newSessionToken()
    setCookie(c, LOGIN_COOKIE, token, COOKIE)
    return c.html(
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
          <button type="submit" class="primary">Log in</button>
        </form>
      </AdminLayout>,
      status,
    )
  }

  app.get('/login', (c) => page(c, c.req.query('out') === '1' ? { kind: 'ok', text: 'You are logged out.' } : undefined))

  app.post('/login', async (c) => {
    const form = LoginForm.safeParse(await c.req.parseBody())
    const cookie = getCookie(c, LOGIN_COOKIE)
    if (!form.success || !cookie || !sameToken(form.data.csrf, cookie)) {
      return page(c, { kind: 'error', text: 'The login form had expired. It has been reloaded: please log in again.' }, 403)
    }
    const { login, password } = form.data
    const verdict = deps.throttle.check(login)
    if (!verdict.allowed) {
      const minutes = Math.max(1, Math.ceil(verdict.retryAfterMs / 60_000))
      const text =
        verdict.scope === 'login'
          ? `Too many failed attempts for this login name. Try again in ${minutes} minute(s), or ask an administrator.`
          : `Too many failed logins on this console just now. Try again in ${minutes} minute(s).`
      return page(c, { kind: 'error', text }, 429)
    }
    const row = deps.db.select().from(schema.curators).where(eq(schema.curators.login, login.toLowerCase())).get()
    const checked = await curatorPasswords.check(row?.passwordHash, password)
    if (!row || !checked.ok) {
      deps.throttle.failed(login)
      return page(c, { kind: 'error', text: WRONG }, 401)
    }
    deps.throttle.succeeded(login)
    // The policy rose since this hash was made: replace it now that the password is at hand.
    if (checked.needsRehash) deps.db.update(schema.curators).set({ passwordHash: await curatorPasswords.hash(password) }).where(eq(schema.curators.id, row.id)).run()
    setCookie(c, SESSION_COOKIE, deps.sessions.start(row.id), COOKIE)
    deleteCookie(c, LOGIN_COOKIE, COOKIE)
    return c.redirect('/admin/records', 303)
  })

  app.post('/logout', (c) => {
    deps.sessions.end(c.get('sessionToken'))
    deleteCookie(c, SESSION_COOKIE, COOKIE)
    return c.redirect('/admin/login?out=1', 303)
  })

  return app
}
