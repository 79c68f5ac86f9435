import type { Flow } from './flowSchema'
import { nextNodeId } from './nextNodeId'

/**
 * How many questions lie ahead from `nodeId`, this one included, on the path the answers so far
 * lead to. A rule that depends on a question not yet answered does not hold, so the count can grow
 * by one when an answer opens a question (the age question); it never counts a question twice.
 * @example questionsAhead(flow, 'country', { asker: ['someone'] }) // 5
 */
export function questionsAhead(flow: Flow, nodeId: string, answers: Record<string, string[]>): number {
  const seen = new Set<string>()
  let count = 0
  let id: string | undefined = nodeId
  while (id && !seen.has(id)) {
    seen.add(id)
    const node: Flow['nodes'][string] | undefined = flow.nodes[id]
    if (!node?.input) break
    count += 1
    id = nextNodeId(node, [], answers)
  }
  return count
}
