import * as z from 'zod'

/** A condition on earlier answers: every listed criterion must hold one of the listed values. */
export const ConditionSchema = z.record(z.string(), z.array(z.string()).min(1))
export type Condition = z.infer<typeof ConditionSchema>

/** A transition: the first rule whose `when` holds (or that has none) names the next node. */
export const TransitionSchema = z.union([z.string(), z.array(z.object({ when: ConditionSchema.optional(), to: z.string() })).min(1)])
export type Transition = z.infer<typeof TransitionSchema>

/** An answer a person can pick. `tags` are the taxonomy tags the answer stands for. */
export const OptionSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  label: z.string().min(1),
  when: ConditionSchema.optional(),
  tags: z.record(z.string(), z.array(z.string())).optional(),
  next: z.string().optional(),
})
export type Option = z.infer<typeof OptionSchema>

/** What a question takes in: which parser reads the reply and which criterion it fills. */
export const InputSchema = z.object({
  parser: z.enum(['choice', 'multi', 'country', 'language']),
  criterion: z.string().regex(/^[a-z0-9_]+$/),
  options: z.array(OptionSchema).default([]),
})
export type Input = z.infer<typeof InputSchema>

/**
 * A node declares what it does: a question (`input` + `next`) or an end (`outcome`).
 * Prompts are locale keys; `contextFrom` picks an i18next context from an earlier answer.
 */
export const NodeSchema = z.object({
  prompt: z.string().min(1),
  hint: z.string().min(1).optional(),
  contextFrom: z.string().optional(),
  input: InputSchema.optional(),
  next: TransitionSchema.optional(),
  outcome: z.enum(['results', 'urgent']).optional(),
})
export type FlowNode = z.infer<typeof NodeSchema>

/** A whole dialogue, loaded from `flows/*.json`. */
export const FlowSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    version: z.number().int().positive(),
    start: z.string(),
    nodes: z.record(z.string(), NodeSchema),
  })
  .superRefine((flow, ctx) => {
    for (const problem of findFlowProblems(flow)) ctx.addIssue({ code: 'custom', message: problem })
  })
export type Flow = z.infer<typeof FlowSchema>

/** Dangling transitions and nodes that neither ask nor end are data errors, caught at load. */
function findFlowProblems(flow: { start: string; nodes: Record<string, FlowNode> }): string[] {
  const problems: string[] = []
  const exists = (id: string) => id in flow.nodes
  if (!exists(flow.start)) problems.push(`start node "${flow.start}" does not exist`)
  for (const [id, node] of Object.entries(flow.nodes)) {
    if (!node.outcome && !node.input) problems.push(`node "${id}" has neither input nor outcome`)
    if (node.input && !node.next && !node.input.options.every((o) => o.next)) {
      problems.push(`node "${id}" has no way forward`)
    }
    const targets = [
      ...(typeof node.next === 'string' ? [node.next] : (node.next ?? []).map((r) => r.to)),
      ...(node.input?.options ?? []).flatMap((o) => (o.next ? [o.next] : [])),
    ]
    for (const target of targets) if (!exists(target)) problems.push(`node "${id}" leads to missing "${target}"`)
  }
  return problems
}
