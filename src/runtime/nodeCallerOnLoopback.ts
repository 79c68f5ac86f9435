import type { Context } from 'hono'
import * as z from 'zod'
import { isLoopbackAddress } from '../channels/botframework/isLoopbackAddress'

/** What @hono/node-server hands every request as `c.env`: Node's request, and through it the socket. */
const NodeBindingsSchema = z.object({ incoming: z.object({ socket: z.object({ remoteAddress: z.string().optional() }) }) })

/**
 * True when the request's TCP connection comes from this machine: the socket's peer address
 * (`c.env.incoming.socket.remoteAddress`), never a header. Read only to decide, never kept or
 * logged. Behind a reverse proxy on the same machine every caller is "on loopback": that is why
 * local testing is never the default.
 * @example app.post('/api/messages', (c) => bot(c.req.raw, { onLoopback: nodeCallerOnLoopback(c) }))
 */
export function nodeCallerOnLoopback(c: Context): boolean {
  // No Node socket behind the request (e.g. app.request() in a test): not a loopback caller.
  const bindings = NodeBindingsSchema.safeParse(c.env)
  return bindings.success && isLoopbackAddress(bindings.data.incoming.socket.remoteAddress)
}
