import type { ConversationState } from '../../src/core/flow/conversationState'
import { fromBase64url, toBase64url } from '../../src/core/state/base64url'
import { STATE_TTL_SECONDS } from '../../src/core/state/sealState'

const encoder = new TextEncoder()

/**
 * The state seal as it was before the compact encoding (src/core/state/sealState.ts at commit
 * fdad738), its body kept line for line: WebCrypto AES-GCM over the JSON text {"s": state, "e": expiry}.
 * Tests make with it the tokens people still hold in open pages when a deploy lands. `spec` is one
 * "id:base64url" key; `iv` pins the nonce, so tests/fixtures/legacyStateToken.json can be remade exactly.
 * @example const token = await sealLegacyState(state, 'k1:AbC…', Date.now())
 */
export async function sealLegacyState(
  state: ConversationState,
  spec: string,
  nowMs: number,
  fixedIv?: Uint8Array<ArrayBuffer>,
): Promise<string> {
  const [id = '', secret = ''] = spec.split(':')
  const raw = fromBase64url(secret)
  if (raw?.length !== 32) throw new Error('sealLegacyState: the key must be "id:<32 bytes, base64url>"')
  const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt'])
  // From here on, the old sealState.
  const iv = fixedIv ?? crypto.getRandomValues(new Uint8Array(12))
  const payload = encoder.encode(JSON.stringify({ s: state, e: Math.floor(nowMs / 1000) + STATE_TTL_SECONDS }))
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(id) }, key, payload)
  const body = new Uint8Array(iv.length + sealed.byteLength)
  body.set(iv)
  body.set(new Uint8Array(sealed), iv.length)
  return `${id}.${toBase64url(body)}`
}
