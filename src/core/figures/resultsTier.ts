import type { MatchResult } from '../matching/match'
import type { ResultsTier } from './figureEvent'

/**
 * How a results page left the person, for the figures: a service for their situation in their own
 * country; services online only; general helplines only; or only urgent-help numbers.
 * @example resultsTier(match(index, profile)) // 'national'
 */
export function resultsTier(result: Pick<MatchResult, 'tier' | 'nationalFound' | 'services'>): ResultsTier {
  if (result.nationalFound) return 'national'
  if (result.services.length > 0) return 'online'
  return result.tier === 'urgent_only' ? 'urgent_only' : 'helplines'
}
