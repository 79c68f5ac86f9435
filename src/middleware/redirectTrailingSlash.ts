import type { MiddlewareHandler } from 'hono'

/**
 * Sends `GET /urgent/?x` to `/urgent?x` (301) for the listed pages only, so a typed or pasted
 * trailing slash is never a dead end. Unlike hono's `trimTrailingSlash`, the Location is a path
 * (never built from the Host header) and nothing outside the list is redirected, so no request
 * can steer the redirect anywhere (`//evil.example/` is not on the list).
 * @example app.use(redirectTrailingSlash(['/urgent', '/privacy']))
 */
export function redirectTrailingSlash(paths: readonly string[]): MiddlewareHandler {
  const slashed = new Set(paths.map((path) => `${path}/`))
  return async (c, next) => {
    if ((c.req.method === 'GET' || c.req.method === 'HEAD') && slashed.has(c.req.path)) {
      return c.redirect(`${c.req.path.slice(0, -1)}${new URL(c.req.url).search}`, 301)
    }
    await next()
  }
}
