import type { Answer } from './conversationState'
import type { Flow } from './flowSchema'

/** Turns the answer list into criterion → values, e.g. { asker: ['self'], country: ['DE'] }. */
export function answersByCriterion(flow: Flow, answers: readonly Answer[]): Record<string, string[]> {
  const byCriterion: Record<string, string[]> = {}
  for (const [nodeId, values] of answers) {
    const criterion = flow.nodes[nodeId]?.input?.criterion
    if (criterion) byCriterion[criterion] = values
  }
  return byCriterion
}
