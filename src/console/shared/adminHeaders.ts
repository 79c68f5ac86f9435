import type { MiddlewareHandler } from 'hono'
import { toBase64url } from '../../core/state/base64url'
import { contentSecurityPolicy, STATIC_HEADERS } from '../../middleware/securityHeaders'

/**
 * The console's headers: the public pages' strict CSP (never framed: the widget cannot show the
 * console), nothing cached, referrers only within the console, no indexing. Unlike the public side, it may set
 * its own session cookie.
 */
export function adminHeaders(): MiddlewareHandler {
  return async (c, next) => {
    const nonce = toBase64url(crypto.getRandomValues(new Uint8Array(16)))
    c.set('nonce', nonce)
    c.header('Content-Security-Policy', contentSecurityPolicy(nonce))
    for (const [name, value] of STATIC_HEADERS) c.header(name, value)
    // same-origin, not no-referrer: browsers then send a real Origin on the console's own forms (sameOriginOnly).
    c.header('Referrer-Policy', 'same-origin')
    c.header('X-Robots-Tag', 'noindex, nofollow')
    await next()
  }
}
