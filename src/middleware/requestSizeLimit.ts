import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'

/**
 * Refuses request bodies over `maxSize` bytes by calling `onTooLarge`. A declared Content-Length
 * is checked without touching the body: Hono's bodyLimit wraps every body in a web stream, which
 * on Node's adapter turns the fast body read into a slow one. Bodies without a length (chunked)
 * still go through the streaming check.
 * @example app.use(requestSizeLimit(64 * 1024, () => { throw new HttpError(413, 'error.bad_request') }))
 */
export function requestSizeLimit(maxSize: number, onTooLarge: () => never): MiddlewareHandler {
  const streaming = bodyLimit({ maxSize, onError: onTooLarge })
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next()
    const declared = c.req.header('content-length')
    if (declared === undefined || c.req.header('transfer-encoding')) return streaming(c, next)
    const size = Number(declared)
    if (!Number.isSafeInteger(size) || size < 0 || size > maxSize) onTooLarge()
    return next()
  }
}
