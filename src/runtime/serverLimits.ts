import * as z from 'zod'

/** How long a client may take and how many may connect: the Node server's guard against slow and idle clients. */
export interface ServerLimits {
  /** The request line and headers must have arrived this long after the connection or the previous request (ms). */
  headersTimeoutMs: number
  /** The whole request, body included, must have arrived within this (ms). */
  requestTimeoutMs: number
  /** A socket with no traffic either way for this long is closed (ms). */
  idleTimeoutMs: number
  /** A kept-alive socket waiting for its next request is closed after this (ms). */
  keepAliveTimeoutMs: number
  /** Connections beyond this many open ones are closed at once. */
  maxConnections: number
}

/** Generous for people on slow mobile networks, short enough that a few slow clients cannot hold the server. */
export const DEFAULT_SERVER_LIMITS: ServerLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  idleTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 1_000,
}

const Seconds = z.coerce.number().positive().max(3600)
const Count = z.coerce.number().int().positive().max(1_000_000)

/** Each limit's environment variable, and how its value becomes the limit. */
const VARIABLES: { [K in keyof ServerLimits]: { name: string; parse: (value: string) => number | undefined; what: string } } = {
  headersTimeoutMs: { name: 'HEADERS_TIMEOUT_SECONDS', parse: seconds, what: 'a number of seconds' },
  requestTimeoutMs: { name: 'REQUEST_TIMEOUT_SECONDS', parse: seconds, what: 'a number of seconds' },
  idleTimeoutMs: { name: 'IDLE_TIMEOUT_SECONDS', parse: seconds, what: 'a number of seconds' },
  keepAliveTimeoutMs: { name: 'KEEP_ALIVE_TIMEOUT_SECONDS', parse: seconds, what: 'a number of seconds' },
  maxConnections: { name: 'MAX_CONNECTIONS', parse: count, what: 'a whole number' },
}

/**
 * The limits from the environment (`HEADERS_TIMEOUT_SECONDS`, `REQUEST_TIMEOUT_SECONDS`,
 * `IDLE_TIMEOUT_SECONDS`, `KEEP_ALIVE_TIMEOUT_SECONDS`, `MAX_CONNECTIONS`), the defaults for
 * what is unset. A value that does not parse is reported with `warn` and its default used.
 * @example serverLimits({ MAX_CONNECTIONS: '200' }, warn).maxConnections // 200
 */
export function serverLimits(env: Record<string, string | undefined>, warn: (message: string) => void = () => {}): ServerLimits {
  const limits = { ...DEFAULT_SERVER_LIMITS }
  for (const key of Object.keys(VARIABLES) as (keyof ServerLimits)[]) {
    const { name, parse, what } = VARIABLES[key]
    const raw = env[name]?.trim()
    if (!raw) continue
    const value = parse(raw)
    if (value === undefined)
      warn(
        `${name} is not ${what} (up to ${key === 'maxConnections' ? '1000000' : '3600'}); using ${describe(key, DEFAULT_SERVER_LIMITS[key])}`,
      )
    else limits[key] = value
  }
  // Node refuses a headers timeout longer than the request's: the request's bounds both.
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    warn(`HEADERS_TIMEOUT_SECONDS is longer than REQUEST_TIMEOUT_SECONDS; using ${limits.requestTimeoutMs / 1000} for both`)
    limits.headersTimeoutMs = limits.requestTimeoutMs
  }
  return limits
}

function seconds(value: string): number | undefined {
  const parsed = Seconds.safeParse(value)
  return parsed.success ? Math.round(parsed.data * 1000) : undefined
}

function count(value: string): number | undefined {
  const parsed = Count.safeParse(value)
  return parsed.success ? parsed.data : undefined
}

function describe(key: keyof ServerLimits, value: number): string {
  return key === 'maxConnections' ? String(value) : `${value / 1000} seconds`
}
