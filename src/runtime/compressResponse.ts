import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { MiddlewareHandler } from 'hono'
import { acceptedEncoding, type ContentCoding } from './acceptedEncoding'

/** Text worth compressing; images and already-compressed types are not served by Helpfinder. */
const COMPRESSIBLE = /^(?:text\/(?:html|css|plain|javascript)|application\/(?:json|javascript))\s*(?:;|$)/i
/** Below this a compressed body saves less than its headers and the CPU cost. */
export const MIN_COMPRESSED_BYTES = 1024
/**
 * Brotli 5 and gzip 6 for responses made per request. Measured on a 31.6 KB results page: gzip 6
 * 10.2 KB in 0.2–0.5 ms, brotli 5 9.4 KB in 0.5–0.9 ms, brotli 11 8.5 KB but 35–45 ms (brotli 4 was
 * no smaller than gzip). The best levels for a shared, cacheable response (widget.js), which is
 * compressed once per version and encoding and then kept.
 */
const FAST = { br: 5, gzip: 6 }
const BEST = { br: 11, gzip: 9 }
/**
 * Above this a shared body gets the fast levels too: brotli 11 on the 246 KB open-data directory
 * blocks the event loop for 340–390 ms (brotli 5: 7 ms, 50 KB instead of 44 KB), and every turn
 * waiting behind it would feel that.
 */
const BEST_UP_TO_BYTES = 64 * 1024
/** Compressed shared bodies kept: the scripts and the directory (whole and per country), in two encodings. */
const KEPT_LIMIT = 128

/**
 * gzip or brotli for text responses of more than 1 KB when the request accepts them, on the Node
 * server only (on Workers, Cloudflare's edge compresses). One shot on the finished body: every
 * public response is a string rendered whole (renderOnce fills its kept parts before this runs).
 * Left alone: HEAD, 204/304, bodies of 1 KB or less, responses that already have a
 * Content-Encoding, set a cookie or say `Cache-Control: no-transform` (how a streamed response
 * would opt out), and every path `skip` names.
 *
 * Why compression cannot leak a secret here (BREACH): that attack needs a response that holds a
 * secret the browser brings along by itself (a session cookie's CSRF token) next to text the
 * attacker chose, and many such responses to measure. The public app has no ambient secret: no
 * cookie, no session. What it reflects (a typed reply, the answers) is only ever in the answer to
 * a request that carries its own sealed state, which the attacker either made (nothing of the
 * person's in it) or cannot read; the token and the CSP nonce are fresh random bytes in every
 * response, so no fixed secret stands next to the reflected text. The curator console (/admin)
 * does have a session cookie and CSRF tokens next to reflected search text: it is a separate app that
 * this never wraps (and `skip` can leave out paths of an app it does wrap).
 * @example createApp(deps, { edge: [compressResponse()] })
 */
export function compressResponse(options: { skip?: (path: string) => boolean } = {}): MiddlewareHandler {
  const kept = new Map<string, Uint8Array<ArrayBuffer>>()
  return async (c, next) => {
    await next()
    const coding = c.req.method === 'HEAD' ? undefined : acceptedEncoding(c.req.header('accept-encoding'))
    if (!coding || options.skip?.(c.req.path)) return
    const response = c.res
    if (!compressible(response)) return
    const declared = Number(response.headers.get('content-length') ?? Number.NaN)
    if (declared <= MIN_COMPRESSED_BYTES) return
    const headers = new Headers(response.headers)
    const body = new Uint8Array(await response.arrayBuffer())
    const rebuilt = (bytes: Uint8Array<ArrayBuffer>) =>
      new Response(bytes, { status: response.status, statusText: response.statusText, headers })
    // Cleared first, or Hono would copy the old response's headers over the new one.
    c.res = undefined
    if (body.byteLength <= MIN_COMPRESSED_BYTES) {
      c.res = rebuilt(body)
      return
    }
    const etag = headers.get('etag')
    const shared = etag !== null && /\bpublic\b/.test(headers.get('cache-control') ?? '')
    let compressed = shared ? kept.get(`${coding} ${etag}`) : undefined
    if (!compressed) {
      compressed = compress(body, coding, shared && body.byteLength <= BEST_UP_TO_BYTES ? BEST : FAST)
      if (shared) {
        if (kept.size >= KEPT_LIMIT) kept.clear()
        kept.set(`${coding} ${etag}`, compressed)
      }
    }
    headers.set('Content-Encoding', coding)
    headers.delete('Content-Length')
    if (!/\baccept-encoding\b/i.test(headers.get('vary') ?? '')) headers.append('Vary', 'Accept-Encoding')
    // Another encoding is another representation: a strong validator would now be wrong.
    if (etag && !etag.startsWith('W/')) headers.set('ETag', `W/${etag}`)
    c.res = rebuilt(compressed)
  }
}

/** A response whose body may be compressed: text, not already encoded, no cookie, not opted out. */
function compressible(response: Response): boolean {
  if (response.status < 200 || response.status === 204 || response.status === 205 || response.status === 304) return false
  const headers = response.headers
  return (
    COMPRESSIBLE.test(headers.get('content-type') ?? '') &&
    !headers.has('content-encoding') &&
    !headers.has('set-cookie') &&
    !/\bno-transform\b/i.test(headers.get('cache-control') ?? '')
  )
}

function compress(body: Uint8Array, coding: ContentCoding, level: { br: number; gzip: number }): Uint8Array<ArrayBuffer> {
  // Copied into a plain ArrayBuffer, which is what Response takes (a few KB, once per response).
  if (coding === 'gzip') return new Uint8Array(gzipSync(body, { level: level.gzip }))
  const compressed = brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: level.br,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
    },
  })
  return new Uint8Array(compressed)
}
