import type { Scored } from './scoreInitiative'

/**
 * Services in the person's language first, then the highest score; ties go to the record checked
 * most recently (a record never checked after every checked one), then by name for a stable order.
 */
export function rankScored(scored: Scored[]): Scored[] {
  return [...scored].sort(
    (a, b) =>
      Number(b.speaksLanguage) - Number(a.speaksLanguage) ||
      b.score - a.score ||
      byCheckDay(a.initiative.lastChecked, b.initiative.lastChecked) ||
      a.initiative.name.localeCompare(b.initiative.name),
  )
}

/** The later check day first; null (never checked) last. */
function byCheckDay(a: string | null, b: string | null): number {
  if (a === b) return 0
  if (a === null) return 1
  if (b === null) return -1
  return b.localeCompare(a)
}
