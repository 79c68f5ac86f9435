import * as z from 'zod'
import { CONVERSATION_PATH } from './conversationPath'
import { postStep, type ConversationOutcome } from './postStep'

// The parts of the API's answer the walk relies on.
const TurnAnswer = z.object({
  state: z.string().optional(),
  error: z.unknown().optional(),
  step: z.object({ nodeId: z.string().optional(), outcome: z.string().optional() }).optional(),
  results: z.object({ services: z.array(z.unknown()) }).optional(),
})

/**
 * One whole conversation through `POST /api/v1/turn`, each step carrying the state the previous
 * answer returned, to results with services.
 * @example const outcome = await walkJsonConversation('http://127.0.0.1:8787', latencies)
 */
export async function walkJsonConversation(base: string, latencies: number[]): Promise<ConversationOutcome> {
  let state: string | undefined
  let requests = 0
  for (const [index, step] of CONVERSATION_PATH.entries()) {
    requests += 1
    const sent = await postStep(`${base}/api/v1/turn`, 'application/json', JSON.stringify({ ...step, state }), latencies)
    if (!sent.ok) return { requests, completed: false, problem: { kind: sent.kind, detail: sent.detail } }
    const parsed = TurnAnswer.safeParse(parseJson(sent.body))
    const answer = parsed.success ? parsed.data : undefined
    if (!answer?.state || answer.error)
      return { requests, completed: false, problem: { kind: 'flow', detail: `JSON step ${index + 1}: no state in the answer` } }
    state = answer.state
    if (index === CONVERSATION_PATH.length - 1 && (answer.step?.outcome !== 'results' || !answer.results?.services.length)) {
      return {
        requests,
        completed: false,
        problem: { kind: 'flow', detail: `JSON: the last step gave ${answer.step?.nodeId ?? 'no step'}, not results` },
      }
    }
  }
  return { requests, completed: true }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
