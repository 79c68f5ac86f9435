import { Hono } from 'hono'
import { deleteCookie } from 'hono/cookie'
import { consolePage } from '../shared/consolePage'
import { CONSOLE_COOKIE, SESSION_COOKIE, type AdminDeps, type AdminEnv } from '../shared/adminEnv'
import { consoleMessagePage } from '../shared/ConsoleMessagePage'
import { EventList } from './EventList'

/** Events shown on the events page: enough to see a pattern, small enough to read. */
const EVENTS_SHOWN = 200

/**
 * The signed-in curator's account: their sessions and "End all my sessions" (every session of
 * theirs, this one included, for a lost laptop or a shared computer); and for admins, the recent
 * logins and account changes (`/admin/events`).
 * @example app.route('/', accountRoutes(deps)) // GET /admin/account, POST /admin/account/end-sessions, GET /admin/events
 */
export function accountRoutes(deps: Pick<AdminDeps, 'sessions' | 'events'>) {
  const app = new Hono<AdminEnv>()

  app.get('/account', (c) => {
    const curator = c.get('curator')
    const live = deps.sessions.countOf(curator.id)
    return consolePage(
      c,
      { title: 'Your account', section: '/admin/account' },
      <>
        <h1>Your account</h1>
        <p>
          You are logged in as <strong>{curator.displayName}</strong> (login name <code>{curator.login}</code>).
        </p>
        <h2>Sessions</h2>
        <p>
          {live === 1
            ? 'You are logged in in this browser only.'
            : `You are logged in in ${live} places (browsers or devices), this one included.`}
        </p>
        <p class="hint">
          If you left the console open on another computer, or think someone else may be using your account, end all your sessions. You will
          need to log in again here too. An administrator can set a new password for you.
        </p>
        <form method="post" action="/admin/account/end-sessions">
          <input type="hidden" name="csrf" value={c.get('csrf')} />
          <button type="submit" class="danger">
            End all my sessions
          </button>
        </form>
        {curator.role === 'admin' && (
          <>
            <h2>Logins and accounts</h2>
            <p>
              <a href="/admin/events">See recent logins and account changes</a>
            </p>
          </>
        )}
      </>,
    )
  })

  app.post('/account/end-sessions', (c) => {
    const curator = c.get('curator')
    deps.sessions.endAllOf(curator.id)
    deps.events.record('sessions_ended', curator.id)
    deleteCookie(c, SESSION_COOKIE, CONSOLE_COOKIE)
    return c.redirect('/admin/login?ended=1', 303)
  })

  app.get('/events', (c) => {
    const curator = c.get('curator')
    if (curator.role !== 'admin')
      return consoleMessagePage(c, 'Admins only', 'Only an administrator can see the logins and account changes.', 403)
    return consolePage(
      c,
      { title: 'Logins and accounts', section: '/admin/account' },
      <>
        <h1>Logins and account changes</h1>
        <p>
          The latest {EVENTS_SHOWN} events, newest first. Only the time, the account and what happened are kept, for 90 days: no addresses,
          and never a login name that matches no account (people sometimes type their password there).
        </p>
        <EventList events={deps.events.latest(EVENTS_SHOWN)} />
      </>,
    )
  })

  return app
}
