import * as z from 'zod'

/** One answered question: the node id and the answer ids (never free text). */
export const AnswerSchema = z.tuple([z.string().max(64), z.array(z.string().max(32)).max(16)])
export type Answer = z.infer<typeof AnswerSchema>

/**
 * The whole memory of a conversation. It travels with the client, sealed; the current
 * question is derived by replaying the answers, so a changed flow degrades gracefully.
 */
export const ConversationStateSchema = z.object({
  /** flow id and version */
  f: z.string().max(64),
  v: z.number().int().nonnegative(),
  /** interface language */
  ui: z.string().regex(/^[a-z]{2}$/),
  /** answers in the order given */
  a: z.array(AnswerSchema).max(32),
})
export type ConversationState = z.infer<typeof ConversationStateSchema>
