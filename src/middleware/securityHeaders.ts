import type { MiddlewareHandler } from 'hono'
import { toBase64url } from '../core/state/base64url'

declare module 'hono' {
  interface ContextVariableMap {
    /** Per-response CSP nonce for the page's own inline style and script. */
    nonce: string
  }
}

/**
 * Strict headers on every response: a nonce-based CSP, no referrer, no caching, no framing,
 * and a guard that no public response ever sets a cookie.
 * @example app.use(securityHeaders())
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    const nonce = toBase64url(crypto.getRandomValues(new Uint8Array(16)))
    c.set('nonce', nonce)
    await next()
    const headers = c.res.headers
    headers.set(
      'Content-Security-Policy',
      [
        "default-src 'none'",
        `style-src 'nonce-${nonce}'`,
        `script-src 'nonce-${nonce}'`,
        "img-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
      ].join('; '),
    )
    headers.set('Referrer-Policy', 'no-referrer')
    headers.set('Cache-Control', 'no-store')
    headers.set('X-Content-Type-Options', 'nosniff')
    headers.set('X-Frame-Options', 'DENY')
    headers.set('Cross-Origin-Opener-Policy', 'same-origin')
    headers.set('Cross-Origin-Resource-Policy', 'same-origin')
    headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()')
    headers.delete('Set-Cookie')
  }
}
