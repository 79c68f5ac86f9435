/** Limits on login attempts: per login name, and across the whole console. */
export interface ThrottlePolicy {
  /** Failures of one login name within `windowMs` that lock it for `lockMs`. */
  perLogin: { failures: number; windowMs: number; lockMs: number }
  /**
   * Across all names: up to `freeAttempts` failed (or still running) attempts within `windowMs`
   * start at once; beyond that, password checks start at most one per `spacingMs`, and an attempt
   * whose turn is more than `maxWaitMs` away is refused at once. Never more than `maxInFlight`
   * attempts at a time (each argon2id verify holds 19 MiB).
   */
  global: { freeAttempts: number; windowMs: number; spacingMs: number; maxWaitMs: number; maxInFlight: number }
}

/** A slowdown of two checks a second keeps a flood from costing more than a fraction of one core. */
export const THROTTLE_POLICY: ThrottlePolicy = {
  perLogin: { failures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  global: { freeAttempts: 30, windowMs: 60_000, spacingMs: 500, maxWaitMs: 4_000, maxInFlight: 8 },
}

/** Login names remembered at most; the oldest are forgotten first (a flood must not fill memory). */
const MAX_TRACKED = 10_000

/** A reserved attempt: wait `waitMs`, check the password, then settle it exactly once. */
export interface LoginTicket {
  waitMs: number
  /** The password was right: the reservation is released and the name's failures are cleared. */
  succeeded(): void
  /** The password was wrong (or the account disabled): the reservation stays, as a failure. Says whether this failure locked the name. */
  failed(): { locked: boolean }
}

/**
 * `login`: the name is locked. `busy`: an attempt for this name, or the most the console checks
 * at once, is already running. `global`: the console is slowed down and the queue is full.
 */
export type ThrottleVerdict =
  | { allowed: true; ticket: LoginTicket }
  | { allowed: false; scope: 'login' | 'busy' | 'global'; retryAfterMs: number }

interface NameEntry {
  failures: number[]
  lockedUntil: number
  inFlight: boolean
}

/**
 * Counts login attempts in memory. An attempt is reserved in the same synchronous step that
 * admits it, before its password is checked, so parallel requests cannot all pass the check
 * before any failure is recorded. Keyed by the login name as typed (normalised), whether or not
 * such an account exists: locking only real accounts would tell an attacker which ones exist.
 * A flood of failures across many names slows every attempt down but never stops them: a curator
 * whose own name is not locked still gets a turn within `maxWaitMs`. In memory on purpose: one
 * Node process serves the console, and a restart is not an attack path worth a table.
 * @example const verdict = throttle.reserve(login); if (verdict.allowed) { await sleep(verdict.ticket.waitMs); ok ? verdict.ticket.succeeded() : verdict.ticket.failed() }
 */
export function loginThrottle(policy: ThrottlePolicy = THROTTLE_POLICY, now: () => number = Date.now) {
  const perLogin = new Map<string, NameEntry>()
  /** Attempts across all names within the global window: failures, and reservations still running. */
  let recent: { at: number }[] = []
  let inFlight = 0
  /** When the last admitted check may start: the next one in the slowdown goes `spacingMs` later. */
  let lastStart = Number.NEGATIVE_INFINITY
  const key = (login: string) => login.trim().toLowerCase()
  const within = (times: number[], windowMs: number, at: number) => times.filter((time) => at - time < windowMs)

  const remember = (name: string, entry: NameEntry) => {
    perLogin.delete(name)
    perLogin.set(name, entry)
    for (const [oldest, candidate] of perLogin) {
      if (perLogin.size <= MAX_TRACKED) break
      if (!candidate.inFlight) perLogin.delete(oldest)
    }
  }

  return {
    /** Admits and reserves an attempt for `login`, or says why not; nothing is awaited in between. */
    reserve(login: string): ThrottleVerdict {
      const at = now()
      const name = key(login)
      const entry = perLogin.get(name) ?? { failures: [], lockedUntil: 0, inFlight: false }
      if (entry.lockedUntil > at) return { allowed: false, scope: 'login', retryAfterMs: entry.lockedUntil - at }
      if (entry.inFlight || inFlight >= policy.global.maxInFlight) return { allowed: false, scope: 'busy', retryAfterMs: 1_000 }
      recent = recent.filter((attempt) => at - attempt.at < policy.global.windowMs).slice(-MAX_TRACKED)
      const start = recent.length < policy.global.freeAttempts ? at : Math.max(at, lastStart + policy.global.spacingMs)
      if (start - at > policy.global.maxWaitMs)
        return { allowed: false, scope: 'global', retryAfterMs: start - at - policy.global.maxWaitMs }

      lastStart = start
      const attempt = { at }
      recent.push(attempt)
      inFlight += 1
      entry.inFlight = true
      remember(name, entry)
      let settled = false
      const settle = () => {
        if (settled) return false
        settled = true
        inFlight -= 1
        entry.inFlight = false
        return true
      }
      return {
        allowed: true,
        ticket: {
          waitMs: start - at,
          succeeded() {
            if (!settle()) return
            recent = recent.filter((other) => other !== attempt)
            perLogin.delete(name)
          },
          failed() {
            if (!settle()) return { locked: false }
            const failedAt = now()
            entry.failures = [...within(entry.failures, policy.perLogin.windowMs, failedAt), failedAt]
            const locked = entry.failures.length >= policy.perLogin.failures
            if (locked) {
              entry.lockedUntil = failedAt + policy.perLogin.lockMs
              entry.failures = []
            }
            remember(name, entry)
            return { locked }
          },
        },
      }
    },
  }
}
export type LoginThrottle = ReturnType<typeof loginThrottle>
