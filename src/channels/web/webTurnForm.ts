import * as z from 'zod'
import { UrgentReasonSchema } from '../../core/crisis/urgentReason'
import { TurnActionSchema, type TurnRequest } from '../shared/turnRequest'

const Text = (max: number) => z.string().max(max)
const Many = z.union([Text(64), z.array(Text(64)).max(16)])

/** The fields of every form the web channel posts; unknown fields are ignored, files refused. */
const WebTurnFormSchema = z.object({
  state: Text(8192).optional(),
  action: TurnActionSchema.optional(),
  answer: Many.optional(),
  answer_text: Text(200).optional(),
  ui: Text(64).optional(),
  urgent_country: Text(64).optional(),
  urgent_reason: UrgentReasonSchema.optional(),
})

/**
 * Turns a parsed form body into a turn request. A malformed body still keeps the person's
 * state token when it can, so they never lose their place.
 */
export function webTurnRequest(body: unknown, acceptLanguage: string | undefined): { request: TurnRequest; bad: boolean } {
  const parsed = WebTurnFormSchema.safeParse(body)
  if (!parsed.success) {
    const state = z.object({ state: Text(8192) }).safeParse(body)
    return {
      request: { token: state.success ? state.data.state : undefined, action: 'show', reply: [], ui: acceptLanguage, urgentCountry: undefined },
      bad: true,
    }
  }
  const form = parsed.data
  const chosen = form.answer === undefined ? [] : Array.isArray(form.answer) ? form.answer : [form.answer]
  const typed = form.answer_text?.trim() ? [form.answer_text.trim()] : []
  return {
    request: {
      token: form.state || undefined,
      action: form.action ?? (form.state ? 'answer' : 'start'),
      // Typed text wins over the list: it is what the person did last.
      reply: [...typed, ...chosen.filter((value) => value !== '')],
      ui: form.ui ?? acceptLanguage,
      urgentCountry: form.urgent_country || undefined,
      urgentReason: form.urgent_reason,
    },
    bad: false,
  }
}
