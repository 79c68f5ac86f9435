import type { MiddlewareHandler } from 'hono'
import { HttpError } from '../../app/httpError'
import { sameToken } from './sessionToken'
import type { AdminEnv } from '../shared/adminEnv'

/**
 * Every form post of a logged-in curator must carry the session's CSRF token (`csrf`), in a
 * urlencoded or multipart body. The login form has its own check (double-submit cookie).
 */
export function csrfGuard(): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    if (c.req.method === 'POST' && c.req.path !== '/admin/login') {
      const body = await c.req.parseBody().catch(() => ({}))
      const sent: unknown = Reflect.get(body, 'csrf')
      const expected = c.get('csrf')
      if (typeof sent !== 'string' || !expected || !sameToken(sent, expected)) throw new HttpError(403, 'admin.csrf')
    }
    await next()
  }
}
