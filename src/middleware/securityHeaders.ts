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
    // Prepared before the handler runs, so the response is created with them: touching the
    // finished response's headers afterwards makes Node's adapter rebuild it (3× slower turns).
    c.header('Content-Security-Policy', contentSecurityPolicy(nonce))
    for (const [name, value] of STATIC_HEADERS) c.header(name, value)
    await next()
    // A guard, not a feature: no public response ever sets a cookie.
    if (c.res.headers.has('Set-Cookie')) c.res.headers.delete('Set-Cookie')
  }
}

/** The headers every response carries besides the CSP (the curator console starts from these too). */
export const STATIC_HEADERS = [
  ['Referrer-Policy', 'no-referrer'],
  ['Cache-Control', 'no-store'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()'],
] as const

/**
 * The policy of every page: only the page's own nonce'd style and script. The widget's routes widen
 * one directive each: who may frame the panel, and the demo page framing Helpfinder's own panel.
 * @example contentSecurityPolicy(nonce, { frameAncestors: "'self'" })
 */
export function contentSecurityPolicy(nonce: string, widen: { frameAncestors?: string; frameSrc?: string } = {}): string {
  return [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    "img-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    ...(widen.frameSrc ? [`frame-src ${widen.frameSrc}`] : []),
    `frame-ancestors ${widen.frameAncestors ?? "'none'"}`,
  ].join('; ')
}
