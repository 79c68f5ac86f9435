/** Limits on failed logins: per login name, and across the whole console. */
export interface ThrottlePolicy {
  /** Failures of one login name within `windowMs` that lock it for `lockMs`. */
  perLogin: { failures: number; windowMs: number; lockMs: number }
  /** Failures of all login names within `windowMs` that pause every login until the window clears. */
  global: { failures: number; windowMs: number }
}

export const THROTTLE_POLICY: ThrottlePolicy = {
  perLogin: { failures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  global: { failures: 100, windowMs: 60_000 },
}

/** Login names remembered at most; the oldest are forgotten first (a flood must not fill memory). */
const MAX_TRACKED = 10_000

export type ThrottleVerdict = { allowed: true } | { allowed: false; scope: 'login' | 'global'; retryAfterMs: number }

/**
 * Counts failed logins in memory. Keyed by the login name as typed (normalised), whether or not
 * such an account exists: locking only real accounts would tell an attacker which ones exist.
 * In memory on purpose: one Node process serves the console, and a restart is not an attack path
 * worth a table (the lock is 15 minutes).
 * @example if (!throttle.check(login).allowed) return locked(); …; ok ? throttle.succeeded(login) : throttle.failed(login)
 */
export function loginThrottle(policy: ThrottlePolicy = THROTTLE_POLICY, now: () => number = Date.now) {
  const perLogin = new Map<string, { failures: number[]; lockedUntil: number }>()
  let globalFailures: number[] = []
  const key = (login: string) => login.trim().toLowerCase()
  const recent = (times: number[], windowMs: number, at: number) => times.filter((time) => at - time < windowMs)

  return {
    check(login: string): ThrottleVerdict {
      const at = now()
      globalFailures = recent(globalFailures, policy.global.windowMs, at)
      if (globalFailures.length >= policy.global.failures) {
        const oldest = globalFailures[0] ?? at
        return { allowed: false, scope: 'global', retryAfterMs: oldest + policy.global.windowMs - at }
      }
      const entry = perLogin.get(key(login))
      if (entry && entry.lockedUntil > at) return { allowed: false, scope: 'login', retryAfterMs: entry.lockedUntil - at }
      return { allowed: true }
    },

    failed(login: string): void {
      const at = now()
      globalFailures.push(at)
      const name = key(login)
      const entry = perLogin.get(name) ?? { failures: [], lockedUntil: 0 }
      perLogin.delete(name)
      entry.failures = [...recent(entry.failures, policy.perLogin.windowMs, at), at]
      if (entry.failures.length >= policy.perLogin.failures) {
        entry.lockedUntil = at + policy.perLogin.lockMs
        entry.failures = []
      }
      perLogin.set(name, entry)
      if (perLogin.size > MAX_TRACKED) perLogin.delete(perLogin.keys().next().value ?? '')
    },

    succeeded(login: string): void {
      perLogin.delete(key(login))
    },
  }
}
export type LoginThrottle = ReturnType<typeof loginThrottle>
