import * as z from 'zod'
import { UrgentReasonSchema } from '../../core/crisis/urgentReason'
import { parseTurnBody } from '../shared/parseTurnBody'
import { TurnActionSchema, type TurnRequest } from '../shared/turnRequest'

const Text = (max: number) => z.string().max(max)
const Many = z.union([Text(64), z.array(Text(64)).max(16)])

/**
 * A single-value field sent more than once (a repeated hidden field, a double submit, a form
 * another tool rebuilt) counts as its first value: the person keeps their place.
 */
const firstValue = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value)
const Single = <T extends z.ZodType>(schema: T) => z.preprocess(firstValue, schema.optional())

/** The fields of every form the web channel posts; unknown fields are ignored, files refused. */
const WebTurnFormSchema = z.object({
  state: Single(Text(8192)),
  action: Single(TurnActionSchema),
  answer: Many.optional(),
  answer_text: Single(Text(200)),
  ui: Single(Text(64)),
  urgent_country: Single(Text(64)),
  urgent_reason: Single(UrgentReasonSchema),
})

/** What a malformed body still says: the state token and the interface language, when they are plain text. */
const Salvage = z.object({ state: Single(Text(8192)).catch(undefined), ui: Single(Text(64)).catch(undefined) })

/**
 * Turns a parsed form body into a turn request. A malformed body still keeps the person's
 * state token (and language) when it can, so they never lose their place.
 * @example webTurnRequest(await c.req.parseBody({ all: true }), c.req.header('accept-language'))
 */
export function webTurnRequest(body: unknown, acceptLanguage: string | undefined): { request: TurnRequest; bad: boolean } {
  return parseTurnBody(body, { schema: WebTurnFormSchema, salvage: Salvage }, acceptLanguage, (form) => {
    const chosen = form.answer === undefined ? [] : Array.isArray(form.answer) ? form.answer : [form.answer]
    const typed = form.answer_text?.trim() ? [form.answer_text.trim()] : []
    return {
      token: form.state || undefined,
      action: form.action ?? (form.state ? 'answer' : 'start'),
      // A choice (a code from a list or a "did you mean" button) wins; typed text counts only when
      // none was made. It stays in the reply after the choice, so urgent words in it are still read.
      reply: [...chosen.filter((value) => value !== ''), ...typed],
      ui: form.ui ?? acceptLanguage,
      urgentCountry: form.urgent_country || undefined,
      urgentReason: form.urgent_reason,
    }
  })
}
