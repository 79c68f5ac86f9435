import type { Flow } from '../flow/flowSchema'

/**
 * The numbers a compact state payload uses for a flow: its node ids in the flow's order, and each
 * node's option ids in their order. `hash` names exactly this table, so a token written against an
 * older option list is recognised as such instead of being read into the wrong answers.
 */
export interface StateCodebook {
  hash: number
  /**
   * The hashes of this table's beginnings (its first 1 … n−1 nodes, each with all its options). A
   * token written before nodes were added at the end of the flow carries one of them, and its
   * numbers still name the same nodes and options here, so it is read with this table.
   */
  earlierHashes: ReadonlySet<number>
  flowId: string | undefined
  nodeIds: readonly string[]
  nodeNumbers: ReadonlyMap<string, number>
  /** Per node number: its option ids, and the number of each. */
  optionIds: readonly (readonly string[])[]
  optionNumbers: readonly ReadonlyMap<string, number>[]
}

const byFlow = new WeakMap<Flow, StateCodebook>()

/**
 * The codebook of `flow`, worked out once per flow object; with no flow, the empty codebook (every
 * id written out as text), which any flow can read.
 * @example stateCodebook(flow).nodeNumbers.get('country') // 1
 */
export function stateCodebook(flow: Flow | undefined): StateCodebook {
  if (!flow) return EMPTY_CODEBOOK
  const known = byFlow.get(flow)
  if (known) return known
  const nodes = Object.entries(flow.nodes).map(([id, node]) => [id, (node.input?.options ?? []).map((option) => option.id)] as const)
  const codebook = buildCodebook(flow.id, nodes)
  byFlow.set(flow, codebook)
  return codebook
}

/** The codebook with no numbers: tokens sealed without a flow use it, and carry its hash. */
export const EMPTY_CODEBOOK: StateCodebook = buildCodebook(undefined, [])

function buildCodebook(flowId: string | undefined, nodes: readonly (readonly [string, readonly string[]])[]): StateCodebook {
  const hashOf = (count: number) => fnv1a(JSON.stringify([flowId ?? null, nodes.slice(0, count)]))
  const earlier = flowId === undefined ? [] : nodes.slice(1).map((_, index) => hashOf(index + 1))
  return {
    hash: hashOf(nodes.length),
    earlierHashes: new Set(earlier),
    flowId,
    nodeIds: nodes.map(([id]) => id),
    nodeNumbers: new Map(nodes.map(([id], number) => [id, number])),
    optionIds: nodes.map(([, options]) => options),
    optionNumbers: nodes.map(([, options]) => new Map(options.map((id, number) => [id, number]))),
  }
}

/** FNV-1a, 32 bits, over UTF-16 code units: enough to tell one option list from the next (not a secret, not a MAC: the seal is). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return hash >>> 0
}
