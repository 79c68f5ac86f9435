import * as z from 'zod'
import { ConversationStateSchema, type ConversationState } from '../flow/conversationState'
import { fail, ok, type Result } from '../result'
import { fromBase64url } from './base64url'
import type { Keyring } from './keyring'

/** Why a token could not be opened; every case ends in a kind message and a fresh start. */
export type OpenError = 'malformed' | 'unknown_key' | 'tampered' | 'expired'

const MAX_TOKEN_LENGTH = 8192
const encoder = new TextEncoder()
const decoder = new TextDecoder()
const PayloadSchema = z.object({ s: ConversationStateSchema, e: z.number().int() })

/**
 * Opens a sealed state with the current or a previous key.
 * @example const opened = await openState(token, keyring, Date.now()); if (opened.ok) use(opened.value)
 */
export async function openState(token: string, keyring: Keyring, nowMs: number): Promise<Result<ConversationState, OpenError>> {
  if (token.length > MAX_TOKEN_LENGTH) return fail('malformed')
  const [id, bodyText, extra] = token.split('.')
  const body = bodyText === undefined ? undefined : fromBase64url(bodyText)
  if (!id || !body || extra !== undefined || body.length < 12 + 16) return fail('malformed')
  const key = [keyring.current, ...keyring.previous].find((candidate) => candidate.id === id)
  if (!key) return fail('unknown_key')
  let plain: ArrayBuffer
  try {
    plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: body.slice(0, 12), additionalData: encoder.encode(id) },
      key.key,
      body.slice(12),
    )
  } catch {
    return fail('tampered')
  }
  const payload = PayloadSchema.safeParse(parseJson(decoder.decode(plain)))
  if (!payload.success) return fail('malformed')
  if (payload.data.e * 1000 < nowMs) return fail('expired')
  return ok(payload.data.s)
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
