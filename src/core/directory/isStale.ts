/**
 * A check made more than twelve calendar months ago is stale: shown with a warning to the person
 * and flagged in the coverage report. Only for a record that was checked; checkState says "never"
 * for one that was not, so the two cannot be confused.
 * @example isStale('2025-01-01', Date.parse('2026-11-23')) // true
 */
export function isStale(lastChecked: string, nowMs: number): boolean {
  const now = new Date(nowMs)
  const cutoff = new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth(), now.getUTCDate())).toISOString().slice(0, 10)
  return lastChecked < cutoff
}
