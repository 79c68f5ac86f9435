import type { MatchResult } from './match'

/**
 * Moves a partner's own services to the front of a person's matches, in the partner's order. Only
 * services that already matched move: a featured service that does not fit is never added.
 * @example featureFirst(match(index, profile), ['kein-taeter-werden']).services[0].initiative.id
 */
export function featureFirst(result: MatchResult, featured: readonly string[]): MatchResult {
  if (featured.length === 0) return result
  const rank = (id: string) => {
    const position = featured.indexOf(id)
    return position === -1 ? featured.length : position
  }
  // A stable sort keeps the matcher's order among the rest.
  const services = [...result.services].sort((a, b) => rank(a.initiative.id) - rank(b.initiative.id))
  return { ...result, services }
}
