import { toBase64url } from '../src/core/state/base64url'
import type { StateKey } from '../src/core/state/keyring'

const encoder = new TextEncoder()

/**
 * Seals any payload the way the server seals a state (AES-GCM, the key id authenticated, `id.body`),
 * so the fuzz can send tokens that open with the server's key but hold what no server would seal.
 * @example await sealPayload('{"s":null,"e":0}', keyring.current)
 */
export async function sealPayload(payload: string | Uint8Array, key: StateKey): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const plain = typeof payload === 'string' ? encoder.encode(payload) : payload
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(key.id) }, key.key, new Uint8Array(plain))
  const body = new Uint8Array(iv.length + sealed.byteLength)
  body.set(iv)
  body.set(new Uint8Array(sealed), iv.length)
  return `${key.id}.${toBase64url(body)}`
}
