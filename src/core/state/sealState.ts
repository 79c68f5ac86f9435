import type { ConversationState } from '../flow/conversationState'
import { toBase64url } from './base64url'
import type { Keyring } from './keyring'

const encoder = new TextEncoder()

/** How long a sealed conversation stays valid: long enough for a hesitant person, short for a shared device. */
export const STATE_TTL_SECONDS = 4 * 60 * 60

/**
 * Seals the state with AES-GCM under the current key; the key id is authenticated too.
 * @example const token = await sealState(state, keyring, Date.now())
 */
export async function sealState(state: ConversationState, keyring: Keyring, nowMs: number): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const { id, key } = keyring.current
  const payload = encoder.encode(JSON.stringify({ s: state, e: Math.floor(nowMs / 1000) + STATE_TTL_SECONDS }))
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(id) }, key, payload)
  const body = new Uint8Array(iv.length + sealed.byteLength)
  body.set(iv)
  body.set(new Uint8Array(sealed), iv.length)
  return `${id}.${toBase64url(body)}`
}
