import * as z from 'zod'
import { UrgentReasonSchema } from '../../core/crisis/urgentReason'
import { parseTurnBody } from '../shared/parseTurnBody'
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
  return parseTurnBody(body, { schema: ApiTurnRequestSchema, salvage: Salvage }, acceptLanguage, (input) => ({
    token: input.state || undefined,
    action: input.action ?? (input.state ? 'answer' : 'start'),
    reply: input.reply === undefined ? [] : Array.isArray(input.reply) ? input.reply : [input.reply],
    ui: input.ui ?? acceptLanguage,
    urgentCountry: input.urgentCountry,
    urgentReason: input.urgentReason,
  }))
}
