import * as z from 'zod'
import { UrgentReasonSchema } from '../../core/crisis/urgentReason'
import { TurnActionSchema, type TurnRequest } from '../shared/turnRequest'

/** The JSON body of `POST /api/v1/turn`. */
export const ApiTurnRequestSchema = z
  .object({
    state: z.string().max(8192).optional().describe('The sealed state from the previous response; omit to start.'),
    action: TurnActionSchema.optional().describe('What the person did; defaults to "answer" with a state, "start" without.'),
    reply: z
      .union([z.string().max(200), z.array(z.string().max(200)).max(16)])
      .optional()
      .describe('Option ids, or typed text (a country or language name in any supported language).'),
    ui: z.string().max(64).optional().describe('Interface language code, e.g. "de".'),
    urgentCountry: z.string().max(64).optional().describe('Country whose urgent-help numbers to show.'),
    urgentReason: UrgentReasonSchema.optional().describe(
      "The answer to urgent help's one question: a child in danger now, a risk of self-harm, or another urgent worry. Puts the right number first.",
    ),
  })
  .meta({ id: 'TurnRequest' })

/** What a malformed body still says: the state token and the interface language, when they are plain text. */
const Salvage = z.object({ state: z.string().max(8192).optional().catch(undefined), ui: z.string().max(64).optional().catch(undefined) })

/**
 * Parses a JSON body; a body that fails keeps its state token (and language) when it can.
 * @example apiTurnRequest(await c.req.json(), c.req.header('accept-language'))
 */
export function apiTurnRequest(body: unknown, acceptLanguage: string | undefined): { request: TurnRequest; bad: boolean } {
  const parsed = ApiTurnRequestSchema.safeParse(body)
  if (!parsed.success) {
    const salvaged = Salvage.safeParse(body)
    const kept = salvaged.success ? salvaged.data : { state: undefined, ui: undefined }
    return {
      request: { token: kept.state || undefined, action: 'show', reply: [], ui: kept.ui ?? acceptLanguage, urgentCountry: undefined },
      bad: true,
    }
  }
  const { state, action, reply, ui, urgentCountry, urgentReason } = parsed.data
  return {
    request: {
      token: state || undefined,
      action: action ?? (state ? 'answer' : 'start'),
      reply: reply === undefined ? [] : Array.isArray(reply) ? reply : [reply],
      ui: ui ?? acceptLanguage,
      urgentCountry,
      urgentReason,
    },
    bad: false,
  }
}
