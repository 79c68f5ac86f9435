import type { Flow } from '../../core/flow/flowSchema'

/**
 * The flow's questions in the order a conversation meets them: every node with an input, in a
 * topological order from the start (reverse postorder), so a question asked only on some paths
 * ("age") comes after the one that leads to it and before the one both paths reach. The first
 * question is left out: showing it is "opened" (core/figures/turnFigureEvents.ts), never "reached".
 * @example questionOrder(loadFlow()) // ['age', 'country', 'language', 'stage', 'channels', 'anonymity']
 */
export function questionOrder(flow: Flow): string[] {
  const seen = new Set<string>()
  const finished: string[] = []
  const visit = (id: string) => {
    const node = flow.nodes[id]
    if (!node || seen.has(id)) return
    seen.add(id)
    const next = typeof node.next === 'string' ? [node.next] : (node.next ?? []).map((rule) => rule.to)
    for (const target of [...next, ...(node.input?.options ?? []).flatMap((option) => (option.next ? [option.next] : []))]) visit(target)
    finished.push(id)
  }
  visit(flow.start)
  return finished.reverse().filter((id) => id !== flow.start && flow.nodes[id]?.input)
}
