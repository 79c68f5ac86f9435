import type { Scored } from './scoreInitiative'

/**
 * For a worry about a young person: services that work with young people (`minors_hsb`) come
 * before helplines built around adults. The person's language still comes first (a service they
 * cannot talk to helps less), and the ranking's order is kept within each part.
 * @example youngPeopleFirst(rankScored(scored))[0].initiative.tags.target_group // includes 'minors_hsb'
 */
export function youngPeopleFirst(ranked: readonly Scored[]): Scored[] {
  const worksWithYoungPeople = (scored: Scored) => Number(scored.initiative.tags.target_group?.includes('minors_hsb') ?? false)
  // A stable sort keeps rankScored's order among equals.
  return [...ranked].sort(
    (a, b) => Number(b.speaksLanguage) - Number(a.speaksLanguage) || worksWithYoungPeople(b) - worksWithYoungPeople(a),
  )
}
