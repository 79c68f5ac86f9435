import type { MiddlewareHandler } from 'hono'
import { toBase64url } from '../core/state/base64url'
import { randomBytes } from '../core/state/randomBytes'

declare module 'hono' {
  interface ContextVariableMap {
    /** Per-response CSP nonce for the page's own inline style and script. */
    nonce: string
  }
}

const NONCE_STAND_IN = 'NONCExSTANDxIN'

/** HSTS for a service the operator runs behind https: two years, subdomains included. */
export const HSTS_HEADER = ['Strict-Transport-Security', 'max-age=63072000; includeSubDomains'] as const

/**
 * Strict headers on every response: a nonce-based CSP, no referrer, no caching, no framing,
 * HSTS when `https` says the service is served over TLS, and a guard that no public response
 * ever sets a cookie.
 * @example app.use(securityHeaders({ https: publicOrigin?.startsWith('https://') }))
 */
export function securityHeaders(options: { https?: boolean } = {}): MiddlewareHandler {
  const headers: readonly (readonly [string, string])[] = options.https ? [...STATIC_HEADERS, HSTS_HEADER] : STATIC_HEADERS
  // The policy's text is worked out once; only the nonce is new per response.
  const policyParts = contentSecurityPolicy(NONCE_STAND_IN).split(NONCE_STAND_IN)
  return async (c, next) => {
    const nonce = toBase64url(randomBytes(16))
    c.set('nonce', nonce)
    const policy = policyParts.join(nonce)
    // Prepared before the handler runs, so the response is created with them: touching the
    // finished response's headers afterwards makes Node's adapter rebuild it (3× slower turns).
    c.header('Content-Security-Policy', policy)
    for (const [name, value] of headers) c.header(name, value)
    await next()
    // A handler that returns a Response of its own (the bot's) bypasses the prepared headers: no
    // route removes nosniff, so its absence marks such a response. Only what is missing is added,
    // so a route's own choices (the panel's framing, widget.js's CORP) stay as they are.
    if (!c.res.headers.has('X-Content-Type-Options')) {
      const completed = withMissingHeaders(c.res, [['Content-Security-Policy', policy], ...headers])
      if (completed !== c.res) {
        // Cleared first, or Hono would copy the old response's headers over the new one.
        c.res = undefined
        c.res = completed
      }
    }
    // A guard, not a feature: no public response ever sets a cookie.
    if (c.res.headers.has('Set-Cookie')) c.res.headers.delete('Set-Cookie')
  }
}

/** `response` with each of `headers` it lacks; a copy when its headers cannot be changed (e.g. a fetched response). */
function withMissingHeaders(response: Response, headers: readonly (readonly [string, string])[]): Response {
  const add = (target: Headers) => {
    for (const [name, value] of headers) if (!target.has(name)) target.set(name, value)
  }
  try {
    add(response.headers)
    return response
  } catch {
    const copy = new Response(response.body, response)
    add(copy.headers)
    return copy
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
