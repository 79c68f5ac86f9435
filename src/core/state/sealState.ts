import type { ConversationState } from '../flow/conversationState'
import type { Flow } from '../flow/flowSchema'
import { toBase64url } from './base64url'
import { encodeState } from './encodeState'
import { randomBytes } from './randomBytes'
import type { Keyring } from './keyring'
import { IV_BYTES } from './stateCipher'
import { stateCodebook } from './stateCodebook'

const encoder = new TextEncoder()

/** How long a sealed conversation stays valid: long enough for a hesitant person, short for a shared device. */
export const STATE_TTL_SECONDS = 4 * 60 * 60

/**
 * Seals the state with AES-256-GCM under the current key (the key id is authenticated too) as
 * `id.base64url(iv · ciphertext · tag)`. The payload is the compact encoding; with the flow its
 * node and option ids become small numbers (without it they are written out, and any flow reads them).
 * @example const token = await sealState(state, keyring, Date.now(), flow)
 */
export async function sealState(state: ConversationState, keyring: Keyring, nowMs: number, flow?: Flow): Promise<string> {
  const iv = randomBytes(IV_BYTES)
  const { id, cipher } = keyring.current
  const payload = encodeState(state, Math.floor(nowMs / 1000) + STATE_TTL_SECONDS, stateCodebook(flow))
  const sealed = await cipher.seal(iv, payload, encoder.encode(id))
  const body = new Uint8Array(iv.length + sealed.length)
  body.set(iv)
  body.set(sealed, iv.length)
  return `${id}.${toBase64url(body)}`
}
