import { answersByCriterion } from './answersByCriterion'
import type { Answer } from './conversationState'
import type { Flow } from './flowSchema'
import { nextNodeId } from './nextNodeId'
import { replyParsers } from './parsers/replyParsers'
import type { ParseContext } from './parsers/replyParser'
import { visibleOptions } from './visibleOptions'

/** The replayed conversation: the answers that still fit the flow and the node they lead to. */
export interface Replay {
  nodeId: string
  answers: Answer[]
}

type EngineContext = Omit<ParseContext, 'options'>

/**
 * Walks the flow from its start through the given answers. Answers that no longer fit
 * (the flow changed, or a value became invalid) end the walk, keeping everything before them.
 */
export function replayAnswers(flow: Flow, answers: readonly Answer[], context: EngineContext): Replay {
  let nodeId = flow.start
  const kept: Answer[] = []
  for (const [answeredId, values] of answers) {
    const node = flow.nodes[nodeId]
    if (answeredId !== nodeId || !node?.input) break
    const byCriterion = answersByCriterion(flow, kept)
    const options = visibleOptions(node, byCriterion)
    const parsed = replyParsers[node.input.parser](values, { ...context, options })
    if (!parsed.ok) break
    const next = nextNodeId(node, parsed.value, byCriterion)
    if (!next) break
    kept.push([answeredId, parsed.value])
    nodeId = next
  }
  return { nodeId, answers: kept }
}
