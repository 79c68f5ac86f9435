import type { ConversationState } from '../../core/flow/conversationState'
import type { Flow } from '../../core/flow/flowSchema'
import { counterKeys } from '../../core/figures/counterKeys'
import type { FigureCounter } from '../../core/figures/figureCounter'
import { figureContextOf } from './figureContextOf'
import { turnFigureEvents, type TurnFacts } from '../../core/figures/turnFigureEvents'

/**
 * Adds one turn to the figures (docs/figures.md) and returns the depth counted after it, which
 * goes into the sealed state. Only codes leave here: the source (a partner id or a channel), the
 * answered country, the stage answer and the language asked for, never a typed word. The counter
 * adds up in memory; nothing here waits on storage.
 * @example const counted = countTurn(deps.figures, deps.flow, '(web)', facts, outcome.state, now)
 */
export function countTurn(
  figures: FigureCounter | undefined,
  flow: Flow,
  source: string | undefined,
  facts: TurnFacts,
  state: ConversationState,
  now: number,
): number {
  const { events, counted } = turnFigureEvents(facts)
  if (!figures || events.length === 0) return counted
  const context = figureContextOf(flow, state, source)
  figures.add(events.flatMap((event) => counterKeys(event, context, now)))
  return counted
}
