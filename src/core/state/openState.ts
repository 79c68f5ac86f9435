import type { ConversationState } from '../flow/conversationState'
import type { Flow } from '../flow/flowSchema'
import { fail, ok, type Result } from '../result'
import { fromBase64url } from './base64url'
import { decodeStatePayload } from './decodeStatePayload'
import type { Keyring } from './keyring'
import { IV_BYTES, TAG_BYTES } from './stateCipher'
import { stateCodebook } from './stateCodebook'

/**
 * Why a token could not be opened; every case ends in a kind message and a fresh start.
 * `flow_changed`: sealed against an option list this flow no longer has, so its numbers are not read.
 */
export type OpenError = 'malformed' | 'unknown_key' | 'tampered' | 'expired' | 'flow_changed'

const MAX_TOKEN_LENGTH = 8192
const encoder = new TextEncoder()

/**
 * Opens a sealed state with the current or a previous key: the compact payload, or the JSON one
 * sealed before it. Pass the flow the state was sealed with (the numbers in it are that flow's).
 * @example const opened = await openState(token, keyring, Date.now(), flow); if (opened.ok) use(opened.value)
 */
export async function openState(
  token: string,
  keyring: Keyring,
  nowMs: number,
  flow?: Flow,
): Promise<Result<ConversationState, OpenError>> {
  if (token.length > MAX_TOKEN_LENGTH) return fail('malformed')
  const [id, bodyText, extra] = token.split('.')
  const body = bodyText === undefined ? undefined : fromBase64url(bodyText)
  if (!id || !body || extra !== undefined || body.length < IV_BYTES + TAG_BYTES) return fail('malformed')
  const key = [keyring.current, ...keyring.previous].find((candidate) => candidate.id === id)
  if (!key) return fail('unknown_key')
  const plain = await key.cipher.open(body.slice(0, IV_BYTES), body.slice(IV_BYTES), encoder.encode(id))
  if (!plain) return fail('tampered')
  const payload = decodeStatePayload(plain, stateCodebook(flow))
  if (payload.kind === 'malformed') return fail('malformed')
  if (payload.expiresAt * 1000 < nowMs) return fail('expired')
  return payload.kind === 'state' ? ok(payload.state) : fail('flow_changed')
}
