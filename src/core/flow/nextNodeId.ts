import { conditionHolds } from './conditionHolds'
import type { FlowNode } from './flowSchema'

/** Where a question leads after an answer: an option's own `next` wins, then the node's rules. */
export function nextNodeId(node: FlowNode, values: readonly string[], answers: Record<string, string[]>): string | undefined {
  const chosen = node.input?.options.find((option) => values.includes(option.id) && option.next)
  if (chosen?.next) return chosen.next
  const next = node.next
  if (typeof next === 'string') return next
  return next?.find((rule) => conditionHolds(rule.when, answers))?.to
}
