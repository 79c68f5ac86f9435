const DAY_MS = 86_400_000

/**
 * The ISO week ("2026-W49") and the month ("2026-12") of a moment, in UTC: the finest times the
 * figures keep (docs/figures.md). Pure arithmetic, no Intl, so it is the same on every runtime.
 * @example periodOf(Date.UTC(2026, 11, 3)) // { week: '2026-W49', month: '2026-12' }
 */
export function periodOf(ms: number): { week: string; month: string } {
  const date = new Date(Math.floor(ms / DAY_MS) * DAY_MS)
  const month = `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`
  // The ISO week belongs to the year of its Thursday.
  const weekday = (date.getUTCDay() + 6) % 7
  const thursday = new Date(date.getTime() + (3 - weekday) * DAY_MS)
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1)
  const week = Math.floor((thursday.getTime() - yearStart) / DAY_MS / 7) + 1
  return { week: `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`, month }
}
