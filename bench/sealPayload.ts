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
  const sealed = await key.cipher.seal(iv, new Uint8Array(plain), encoder.encode(key.id))
  const body = new Uint8Array(iv.length + sealed.length)
  body.set(iv)
  body.set(sealed, iv.length)
  return `${key.id}.${toBase64url(body)}`
}
