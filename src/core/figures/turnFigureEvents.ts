import type { FigureEvent, ResultsTier } from './figureEvent'

/** What a turn did, as far as the figures care: no answer, no text, no token. */
export interface TurnFacts {
  /** The conversation had no valid state before this turn (a first page, a broken or expired token). */
  fresh: boolean
  action: 'start' | 'answer' | 'back' | 'restart' | 'show' | 'urgent' | 'language'
  /** How deep the figures had counted before this turn (state.h, or the answers of an older token). */
  counted: number
  /** How many answers the conversation holds after this turn. */
  depth: number
  /** The step shown: its node id and whether it is the results or the urgent step. */
  node: string
  outcome: 'results' | 'urgent' | undefined
  /** The results' tier, when results are shown. */
  tier: ResultsTier | undefined
}

/**
 * The events one turn adds to the figures, and the depth counted after it. A step counts only the
 * first time the answers reach its depth, so Back, Forward, a reload or a language change never
 * count it twice; starting again counts a new conversation. `opened` is a first question shown to
 * someone with no conversation yet; `started` is the first answer given.
 * @example turnFigureEvents({ fresh: false, action: 'answer', counted: 0, depth: 1, node: 'country', outcome: undefined, tier: undefined })
 * // { events: [{ kind: 'started' }, { kind: 'reached', question: 'country' }], counted: 1 }
 */
export function turnFigureEvents(facts: TurnFacts): { events: FigureEvent[]; counted: number } {
  const events: FigureEvent[] = []
  const before = facts.action === 'restart' ? 0 : facts.counted
  if (facts.fresh && facts.depth === 0 && (facts.action === 'start' || facts.action === 'show') && facts.outcome === undefined) {
    events.push({ kind: 'opened' })
  }
  if (facts.action === 'urgent') events.push({ kind: 'urgent' })
  if (facts.depth <= before) return { events, counted: before }
  if (before === 0) events.push({ kind: 'started' })
  if (facts.outcome === 'results' && facts.tier) events.push({ kind: 'results', tier: facts.tier })
  else if (facts.outcome === 'urgent') events.push({ kind: 'urgent' })
  else if (facts.outcome === undefined) events.push({ kind: 'reached', question: facts.node })
  return { events, counted: facts.depth }
}
