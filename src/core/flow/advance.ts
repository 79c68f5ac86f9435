import { answersByCriterion } from './answersByCriterion'
import type { ConversationState } from './conversationState'
import type { Flow } from './flowSchema'
import { nextNodeId } from './nextNodeId'
import { questionsAhead } from './questionsAhead'
import { replayAnswers } from './replayAnswers'
import { replyParsers } from './parsers/replyParsers'
import type { ParseContext, ReplyError } from './parsers/replyParser'
import type { Step } from './step'
import { visibleOptions } from './visibleOptions'

/** What a person did this turn. `show` re-renders where they are (after a language change, say). */
export type TurnInput = { type: 'answer'; reply: readonly string[] } | { type: 'back' } | { type: 'restart' } | { type: 'show' }

/** The new state, the step to show, and (for a reply not understood) why — on the same question. */
export interface TurnOutcome {
  state: ConversationState
  step: Step
  error?: ReplyError
}

export type EngineContext = Omit<ParseContext, 'options'>

/**
 * One deterministic turn of the dialogue. Pure: no I/O, no clock, no randomness.
 * @example advance(flow, state, { type: 'answer', reply: ['self'] }, context).step.nodeId // 'country'
 */
export function advance(flow: Flow, state: ConversationState, input: TurnInput, context: EngineContext): TurnOutcome {
  const fresh = state.f !== flow.id || input.type === 'restart'
  const replay = replayAnswers(flow, fresh ? [] : state.a, context)
  let answers = replay.answers
  let nodeId = replay.nodeId
  let error: ReplyError | undefined
  let previous: readonly string[] | undefined

  if (input.type === 'back' && answers.length > 0) {
    previous = answers[answers.length - 1]?.[1]
    answers = answers.slice(0, -1)
    nodeId = replayAnswers(flow, answers, context).nodeId
  }
  const node = flow.nodes[nodeId]
  if (input.type === 'answer' && node?.input) {
    const byCriterion = answersByCriterion(flow, answers)
    const options = visibleOptions(node, byCriterion)
    const parsed = replyParsers[node.input.parser](input.reply, { ...context, options })
    const next = parsed.ok ? nextNodeId(node, parsed.value, byCriterion) : undefined
    if (parsed.ok && next) {
      answers = [...answers, [nodeId, parsed.value]]
      nodeId = next
    } else {
      error = parsed.ok ? { key: 'error.choose_one' } : parsed.error
    }
  }
  const newState: ConversationState = { f: flow.id, v: flow.version, ui: state.ui, a: answers }
  return { state: newState, step: toStep(flow, nodeId, answers, previous), ...(error ? { error } : {}) }
}

function toStep(flow: Flow, nodeId: string, answers: ConversationState['a'], previous: readonly string[] | undefined): Step {
  const node = flow.nodes[nodeId] ?? flow.nodes[flow.start]
  if (!node) throw new Error('flow has no start node') // unreachable: FlowSchema checks the start node
  const byCriterion = answersByCriterion(flow, answers)
  return {
    nodeId,
    node,
    options: visibleOptions(node, byCriterion),
    answers: byCriterion,
    answered: answers.length,
    total: answers.length + questionsAhead(flow, nodeId, byCriterion),
    previous,
  }
}
