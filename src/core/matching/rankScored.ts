import type { Scored } from './scoreInitiative'

/**
 * Services in the person's language first, then the highest score; ties go to the record checked
 * most recently, then by name for a stable order.
 */
export function rankScored(scored: Scored[]): Scored[] {
  return [...scored].sort(
    (a, b) =>
      Number(b.speaksLanguage) - Number(a.speaksLanguage) ||
      b.score - a.score ||
      b.initiative.lastChecked.localeCompare(a.initiative.lastChecked) ||
      a.initiative.name.localeCompare(b.initiative.name),
  )
}
