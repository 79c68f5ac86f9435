import { conditionHolds } from './conditionHolds'
import type { FlowNode } from './flowSchema'

/**
 * Where a question leads after an answer: an option's own `next` wins, then the node's rules. The
 * rules see this answer as well as the earlier ones, so "who" can lead to the age question for "Me".
 * @example nextNodeId(flow.nodes.asker, ['self'], {}) // 'age'
 */
export function nextNodeId(node: FlowNode, values: readonly string[], answers: Record<string, string[]>): string | undefined {
  const chosen = node.input?.options.find((option) => values.includes(option.id) && option.next)
  if (chosen?.next) return chosen.next
  const next = node.next
  if (typeof next === 'string') return next
  const criterion = node.input?.criterion
  const withThis = criterion && values.length > 0 ? { ...answers, [criterion]: [...values] } : answers
  return next?.find((rule) => conditionHolds(rule.when, withThis))?.to
}
