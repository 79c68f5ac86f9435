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
  /**
   * How deep the figures have counted this conversation (docs/figures.md): a step is counted only
   * the first time the answers reach its depth, so Back and a language change count nothing twice.
   * Absent in tokens sealed before it existed: read as the number of answers (already counted).
   */
  h: z.number().int().nonnegative().max(33).optional(),
})
export type ConversationState = z.infer<typeof ConversationStateSchema>
