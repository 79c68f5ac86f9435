import { isStale } from './isStale'

/** Where a record or urgent line stands: never compared with its sources, checked over 12 months ago, or checked within them. */
export type CheckState = 'never' | 'stale' | 'fresh'

/**
 * The one rule cards, the coverage report, the record list and the dashboard share. A record no one
 * has checked is "never", not "stale": nobody claimed a check that has since aged, so it is named
 * as unchecked and never shown with the over-a-year warning.
 * @example checkState(null, Date.now()) // 'never'
 * @example checkState('2025-01-01', Date.parse('2026-11-23')) // 'stale'
 */
export function checkState(lastChecked: string | null, nowMs: number): CheckState {
  if (lastChecked === null) return 'never'
  return isStale(lastChecked, nowMs) ? 'stale' : 'fresh'
}
