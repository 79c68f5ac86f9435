import * as z from 'zod'
import { ConversationStateSchema } from '../flow/conversationState'
import type { DecodedPayload } from './decodeStatePayload'

const decoder = new TextDecoder()
const JsonPayloadSchema = z.object({ s: ConversationStateSchema, e: z.number().int() })

/**
 * The payload sealed before the compact encoding: the JSON text `{"s": state, "e": expiry}`.
 * Ids are spelled out, so it needs no codebook and survives any change to the flow.
 * @example decodeJsonState(new TextEncoder().encode('{"s":{…},"e":1795449600}')).kind // 'state'
 */
export function decodeJsonState(plain: Uint8Array): DecodedPayload {
  const payload = JsonPayloadSchema.safeParse(parseJson(decoder.decode(plain)))
  return payload.success ? { kind: 'state', expiresAt: payload.data.e, state: payload.data.s } : { kind: 'malformed' }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
