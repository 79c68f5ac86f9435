import type { MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { csrfTokenFor } from './sessionToken'
import { SESSION_COOKIE, type AdminDeps, type AdminEnv } from '../shared/adminEnv'

/** Paths a visitor without a session may reach. */
const OPEN_PATHS = new Set(['/admin/login'])

/**
 * Resumes the curator's session from its cookie; without a live one, every page but the login
 * sends the browser there (303, so a form post becomes a plain GET and nothing is re-submitted).
 */
export function curatorSession(deps: Pick<AdminDeps, 'sessions'>): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE)
    const session = token ? deps.sessions.resume(token) : undefined
    if (token && session) {
      c.set('curator', session.curator)
      c.set('sessionToken', token)
      c.set('csrf', csrfTokenFor(token))
    } else if (!OPEN_PATHS.has(c.req.path)) {
      return c.redirect('/admin/login', 303)
    }
    await next()
  }
}
