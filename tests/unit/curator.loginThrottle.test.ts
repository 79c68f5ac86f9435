import { describe, expect, it } from 'vitest'
import { loginThrottle, THROTTLE_POLICY, type LoginTicket, type ThrottleVerdict } from '../../src/console/auth/loginThrottle'

// The throttle on its own, with the clock in the test's hands: reservations, per-name locks, and
// the global slowdown's spacing and its limit. The real server replays the attacks in tests/security.
const admitted = (verdict: ThrottleVerdict): LoginTicket => {
  if (!verdict.allowed) throw new Error(`refused: ${verdict.scope}`)
  return verdict.ticket
}

describe('loginThrottle', () => {
  it('reserves an attempt when it admits it: a second one for the same name (any case or spacing) is busy until the first settles', () => {
    const throttle = loginThrottle(THROTTLE_POLICY, () => 0)
    const first = admitted(throttle.reserve('anna'))
    expect(throttle.reserve(' ANNA ')).toEqual({ allowed: false, scope: 'busy', retryAfterMs: 1_000 })
    expect(throttle.reserve('lena').allowed).toBe(true)
    first.failed()
    expect(throttle.reserve('anna').allowed).toBe(true)
  })

  it('locks a name at its fifth failure for 15 minutes; a success clears its failures; settling twice counts once', () => {
    let clock = 0
    const throttle = loginThrottle(THROTTLE_POLICY, () => clock)
    for (let attempt = 1; attempt <= 4; attempt += 1) expect(admitted(throttle.reserve('anna')).failed()).toEqual({ locked: false })
    const ticket = admitted(throttle.reserve('anna'))
    ticket.succeeded()
    ticket.failed()
    for (let attempt = 1; attempt <= 4; attempt += 1) expect(admitted(throttle.reserve('anna')).failed()).toEqual({ locked: false })
    expect(admitted(throttle.reserve('anna')).failed()).toEqual({ locked: true })
    expect(throttle.reserve('anna')).toMatchObject({ allowed: false, scope: 'login', retryAfterMs: 15 * 60_000 })
    clock += 15 * 60_000
    expect(throttle.reserve('anna').allowed).toBe(true)
  })

  it('never runs more than maxInFlight attempts at once', () => {
    const throttle = loginThrottle(THROTTLE_POLICY, () => 0)
    const tickets = Array.from({ length: 8 }, (_, index) => admitted(throttle.reserve(`name-${index}`)))
    expect(throttle.reserve('one-more')).toMatchObject({ allowed: false, scope: 'busy' })
    tickets[0]?.succeeded()
    expect(throttle.reserve('one-more').allowed).toBe(true)
  })

  it('after freeAttempts failures in the window, spaces the checks and refuses one that would wait too long, without counting it', () => {
    let clock = 0
    const throttle = loginThrottle(THROTTLE_POLICY, () => clock)
    const { freeAttempts, spacingMs, maxWaitMs, windowMs } = THROTTLE_POLICY.global
    for (let index = 0; index < freeAttempts; index += 1) {
      const ticket = admitted(throttle.reserve(`spray-${index}`))
      expect(ticket.waitMs).toBe(0)
      ticket.failed()
    }
    const waits: number[] = []
    for (let index = 0; index < 8; index += 1) {
      const ticket = admitted(throttle.reserve(`queued-${index}`))
      waits.push(ticket.waitMs)
      ticket.failed()
    }
    expect(waits).toEqual(Array.from({ length: 8 }, (_, index) => (index + 1) * spacingMs))
    expect(throttle.reserve('too-late')).toEqual({ allowed: false, scope: 'global', retryAfterMs: 9 * spacingMs - maxWaitMs })
    // Time passes: the queue drains, and anyone whose name is not locked gets a turn.
    clock += 9 * spacingMs
    expect(admitted(throttle.reserve('anna')).waitMs).toBe(0)
    clock += windowMs
    expect(admitted(throttle.reserve('lena')).waitMs).toBe(0)
  })

  it('remembers at most 10,000 names: a flood of new names forgets the oldest', () => {
    let clock = 0
    const throttle = loginThrottle(
      { ...THROTTLE_POLICY, global: { ...THROTTLE_POLICY.global, freeAttempts: Number.POSITIVE_INFINITY } },
      () => clock,
    )
    for (let attempt = 0; attempt < 5; attempt += 1) admitted(throttle.reserve('first')).failed()
    expect(throttle.reserve('first')).toMatchObject({ allowed: false, scope: 'login' })
    for (let index = 0; index < 10_000; index += 1) {
      clock += 1
      admitted(throttle.reserve(`flood-${index}`)).failed()
    }
    expect(throttle.reserve('first').allowed).toBe(true)
  })
})
