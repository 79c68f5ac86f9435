import type { ConversationState } from '../../core/flow/conversationState'
import type { Flow } from '../../core/flow/flowSchema'
import { NO_PARTNER } from '../../core/figures/counterKeys'
import type { FigureContext } from '../../core/figures/figureEvent'

/**
 * What the figures may know of a conversation (docs/figures.md): where it happens, and the answered
 * country, situation (the stage answer) and language asked for, as the flow's codes. Never a
 * typed word, and counterKeys decides which of these go into which table.
 * @example figureContextOf(flow, state, '(web)') // { partner: '(web)', country: 'DE', situation: 'viewed_images', language: 'de' }
 */
export function figureContextOf(flow: Flow, state: ConversationState, source: string | undefined): FigureContext {
  const context: FigureContext = { partner: source ?? NO_PARTNER }
  for (const [nodeId, values] of state.a) {
    const criterion = flow.nodes[nodeId]?.input?.criterion
    if (criterion === 'country') context.country = values[0]
    if (criterion === 'stage') context.situation = values[0]
    if (criterion === 'language') context.language = values[0]
  }
  return context
}
