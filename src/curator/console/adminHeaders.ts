import type { MiddlewareHandler } from 'hono'
import { toBase64url } from '../../core/state/base64url'
import { contentSecurityPolicy } from '../../middleware/securityHeaders'

/**
 * The console's headers: the public pages' strict CSP (never framed: the widget cannot show the
 * console), nothing cached, no referrer, no indexing. Unlike the public side, the console may set
 * its own session cookie.
 */
export function adminHeaders(): MiddlewareHandler {
  return async (c, next) => {
    const nonce = toBase64url(crypto.getRandomValues(new Uint8Array(16)))
    c.set('nonce', nonce)
    c.header('Content-Security-Policy', contentSecurityPolicy(nonce))
    // same-origin, not no-referrer: browsers then send a real Origin on the console's own forms (sameOriginOnly).
    c.header('Referrer-Policy', 'same-origin')
    c.header('Cache-Control', 'no-store')
    c.header('X-Content-Type-Options', 'nosniff')
    c.header('X-Frame-Options', 'DENY')
    c.header('Cross-Origin-Opener-Policy', 'same-origin')
    c.header('Cross-Origin-Resource-Policy', 'same-origin')
    c.header('X-Robots-Tag', 'noindex, nofollow')
    await next()
  }
}
