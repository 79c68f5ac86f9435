import type * as z from 'zod'
import type { TurnRequest } from './turnRequest'

/**
 * Parses a turn's body (a JSON body, a form body) with its channel's `schema`, then makes it a request with `toRequest`.
 * A body that fails still keeps the person's state token (and language) when `salvage` can read them, so they never
 * lose their place: the turn shows their screen again, marked bad.
 * @example parseTurnBody(body, { schema: ApiTurnRequestSchema, salvage: Salvage }, acceptLanguage, (input) => ({ … }))
 */
export function parseTurnBody<Input>(
  body: unknown,
  schemas: { schema: z.ZodType<Input>; salvage: z.ZodType<{ state?: string; ui?: string }> },
  acceptLanguage: string | undefined,
  toRequest: (input: Input) => TurnRequest,
): { request: TurnRequest; bad: boolean } {
  const parsed = schemas.schema.safeParse(body)
  if (parsed.success) return { request: toRequest(parsed.data), bad: false }
  const salvaged = schemas.salvage.safeParse(body)
  const kept = salvaged.success ? salvaged.data : { state: undefined, ui: undefined }
  return {
    request: { token: kept.state || undefined, action: 'show', reply: [], ui: kept.ui ?? acceptLanguage, urgentCountry: undefined },
    bad: true,
  }
}
