import { conditionHolds } from './conditionHolds'
import type { FlowNode, Option } from './flowSchema'

/** The options of a question that apply to this person, given their earlier answers. */
export function visibleOptions(node: FlowNode, answers: Record<string, string[]>): Option[] {
  return (node.input?.options ?? []).filter((option) => conditionHolds(option.when, answers))
}
