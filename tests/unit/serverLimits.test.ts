import { describe, expect, it } from 'vitest'
import { DEFAULT_SERVER_LIMITS, serverLimits } from '../../src/runtime/serverLimits'

// The Node server's limits on slow and idle clients, as an operator sets them (README, "Running it").
describe('serverLimits', () => {
  it('without variables, the defaults: 10 s headers, 30 s request, 30 s idle, 5 s keep-alive, 1000 connections', () => {
    expect(serverLimits({})).toEqual({
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      idleTimeoutMs: 30_000,
      keepAliveTimeoutMs: 5_000,
      maxConnections: 1_000,
    })
  })

  it('reads each variable, seconds as milliseconds', () => {
    const env = {
      HEADERS_TIMEOUT_SECONDS: '4',
      REQUEST_TIMEOUT_SECONDS: '12.5',
      IDLE_TIMEOUT_SECONDS: '20',
      KEEP_ALIVE_TIMEOUT_SECONDS: '2',
      MAX_CONNECTIONS: '250',
    }
    expect(serverLimits(env)).toEqual({
      headersTimeoutMs: 4000,
      requestTimeoutMs: 12_500,
      idleTimeoutMs: 20_000,
      keepAliveTimeoutMs: 2000,
      maxConnections: 250,
    })
  })

  it('a value that is not a positive number is reported in one line and its default used', () => {
    const warnings: string[] = []
    const limits = serverLimits({ HEADERS_TIMEOUT_SECONDS: 'ten', MAX_CONNECTIONS: '-3', IDLE_TIMEOUT_SECONDS: '0' }, (line) =>
      warnings.push(line),
    )
    expect(limits).toEqual(DEFAULT_SERVER_LIMITS)
    expect(warnings).toHaveLength(3)
    expect(warnings.join('\n')).toMatch(/HEADERS_TIMEOUT_SECONDS is not a number of seconds.*using 10 seconds/)
    expect(warnings.join('\n')).toMatch(/MAX_CONNECTIONS is not a whole number.*using 1000/)
    for (const line of warnings) expect(line).not.toContain('\n')
  })

  it('a headers timeout longer than the request timeout (Node refuses it) is cut to the request timeout, and said', () => {
    const warnings: string[] = []
    const limits = serverLimits({ HEADERS_TIMEOUT_SECONDS: '60', REQUEST_TIMEOUT_SECONDS: '20' }, (line) => warnings.push(line))
    expect([limits.headersTimeoutMs, limits.requestTimeoutMs]).toEqual([20_000, 20_000])
    expect(warnings).toEqual([expect.stringContaining('HEADERS_TIMEOUT_SECONDS is longer than REQUEST_TIMEOUT_SECONDS')])
  })
})
