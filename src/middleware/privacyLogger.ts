import type { MiddlewareHandler } from 'hono'
import { routePath } from 'hono/route'

/** One log line: the route pattern (never the path or query), method, status and duration. Nothing else. */
export interface LogLine {
  route: string
  method: string
  status: number
  ms: number
}

/** Where log lines go; the runtime decides (stdout on Node, console on Workers, an array in tests). */
export type LogSink = (line: LogLine) => void

/** Writes a line as JSON to standard output. The only place Helpfinder prints. */
export const consoleSink: LogSink = (line) => console.log(JSON.stringify(line))

/**
 * Logs what an operator needs and nothing about the person: no URL, no body, no headers, no address.
 * @example app.use(privacyLogger(consoleSink))
 */
export function privacyLogger(sink: LogSink): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now()
    await next()
    sink({
      route: routePath(c, -1),
      method: c.req.method,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    })
  }
}
