import { isLoopbackAddress } from './isLoopbackAddress'
import { isLoopbackHostname } from './isLoopbackHostname'

/**
 * Workers have no socket peer to look at, so local testing there is honoured only when the
 * request's own URL names a loopback host (`wrangler dev` on localhost, the tests' workerd):
 * Cloudflare's edge never routes such a host to a Worker. `cf-connecting-ip` (set by the edge, and
 * by local workerd from the socket when the client sent none) can only refuse, never admit: a
 * value that is not loopback means the caller is elsewhere. Client-set forwarding headers
 * (X-Forwarded-For and the like) are not looked at.
 * @example workerCallerOnLoopback(new Request('http://127.0.0.1:8787/api/messages')) // true
 */
export function workerCallerOnLoopback(request: Request): boolean {
  const peer = request.headers.get('cf-connecting-ip')
  return isLoopbackHostname(new URL(request.url).hostname) && (peer === null || isLoopbackAddress(peer))
}
