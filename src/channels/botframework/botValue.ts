import * as z from 'zod'
import { UrgentReasonSchema } from '../../core/crisis/urgentReason'
import { TurnActionSchema } from '../shared/turnRequest'

const Replies = z.array(z.string().max(200)).max(16)

/**
 * A card's list input as Teams and Web Chat merge it into the button's data: one string, the
 * chosen values joined by commas ("DE", "phone,chat"), or "" when nothing was chosen.
 */
const ListedReply = z
  .string()
  .max(16 * 201)
  .transform((joined) =>
    joined
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part.length > 0),
  )
  .pipe(Replies)

/**
 * What every button the bot sends carries in its `value`: the sealed state and what the click means.
 * `reply` is the answer: the ids a button carries, or the string a card's list input adds to it.
 * `prefill` holds a country or language the person typed before its question came (codes, not text).
 */
export const BotValueSchema = z.object({
  hf: z.literal(1),
  state: z.string().max(8192),
  action: TurnActionSchema,
  reply: z.union([Replies, ListedReply]).default([]),
  urgentReason: UrgentReasonSchema.optional(),
  /** The country whose urgent numbers were shown, so answering the urgent question keeps them. */
  urgentCountry: z.string().max(8).optional(),
  prefill: z.object({ country: z.string().max(8).optional(), language: z.string().max(16).optional() }).optional(),
})
export type BotValue = z.input<typeof BotValueSchema>
export type Prefill = NonNullable<BotValue['prefill']>

/** @example botValue(token, 'answer', ['self']) // { hf: 1, state: token, action: 'answer', reply: ['self'] } */
export function botValue(state: string, action: BotValue['action'], reply: string[] = [], prefill?: Prefill): BotValue {
  return { hf: 1, state, action, reply, ...(prefill && (prefill.country || prefill.language) ? { prefill } : {}) }
}
