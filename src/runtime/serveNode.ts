import { createServer, Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { DEFAULT_SERVER_LIMITS, type ServerLimits } from './serverLimits'

type ServeOptions = Parameters<typeof serve>[0]

/**
 * @hono/node-server's `serve` with limits on slow and idle clients: headers, whole requests, idle
 * and kept-alive sockets get timeouts, and connections beyond the cap are closed at once. Node's
 * own defaults (60 s for headers, 5 min for a request, no idle timeout, no cap) let a few slow
 * clients hold the server.
 * @example const server = serveNode({ fetch: app.fetch, port: 8787, limits: serverLimits(process.env, warn) })
 */
export function serveNode(
  options: { fetch: ServeOptions['fetch']; port: number; hostname?: string; limits?: Partial<ServerLimits> },
  onListening?: (info: AddressInfo) => void,
): Server {
  const limits = { ...DEFAULT_SERVER_LIMITS, ...options.limits }
  const server = serve(
    {
      fetch: options.fetch,
      port: options.port,
      hostname: options.hostname,
      createServer,
      serverOptions: {
        headersTimeout: limits.headersTimeoutMs,
        requestTimeout: limits.requestTimeoutMs,
        keepAliveTimeout: limits.keepAliveTimeoutMs,
        // Node checks the headers and request timeouts only this often (30 s by default, which
        // let dripped headers live 74 s): check often enough that a limit means what it says.
        connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(limits.headersTimeoutMs / 4))),
      },
    },
    onListening,
  )
  if (!(server instanceof Server)) throw new Error('serveNode expects an HTTP/1 server')
  // Set before the first connection can arrive (listen completes asynchronously).
  server.keepAliveTimeout = limits.keepAliveTimeoutMs
  server.setTimeout(limits.idleTimeoutMs)
  server.maxConnections = limits.maxConnections
  return server
}
