import type { FlowNode, Option } from './flowSchema'

/** Where a person is after a turn: the node to show and what it needs from them. */
export interface Step {
  nodeId: string
  node: FlowNode
  /** The options this person sees (already filtered by earlier answers). */
  options: Option[]
  /** Earlier answers by criterion, e.g. { asker: ['self'] }. */
  answers: Record<string, string[]>
  /** How many questions have been answered, so channels can offer "back". */
  answered: number
  /** Questions on the whole path as the answers so far lead: "Question 3 of 6". */
  total: number
  /** After "back": the answer just taken back, so channels can show it preselected. */
  previous: readonly string[] | undefined
}
