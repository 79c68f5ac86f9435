import type { MiddlewareHandler } from 'hono'
import { HttpError } from '../../app/httpError'

/**
 * Refuses a state-changing request that a browser says came from another site (Sec-Fetch-Site,
 * or an Origin that is not ours). Defence in depth beside the CSRF token and SameSite=Strict.
 */
export function sameOriginOnly(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const site = c.req.header('sec-fetch-site')
      const origin = c.req.header('origin')
      const crossSite = site !== undefined && site !== 'same-origin' && site !== 'none'
      // Compared by host: behind a TLS proxy the request URL may say http while the browser says https.
      const foreignOrigin = origin !== undefined && origin !== 'null' && hostOf(origin) !== c.req.header('host')
      if (crossSite || foreignOrigin) {
        throw new HttpError(403, 'admin.cross_site')
      }
    }
    await next()
  }
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host
  } catch {
    return undefined
  }
}
