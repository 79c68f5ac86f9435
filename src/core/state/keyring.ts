import { fail, ok, type Result } from '../result'
import { fromBase64url, toBase64url } from './base64url'
import type { StateCipher, StateCipherFactory } from './stateCipher'
import { webCryptoCipher } from './webCryptoCipher'

/** An AES-256-GCM key (behind the runtime's cipher) and the id that rides in every token sealed with it. */
export interface StateKey {
  id: string
  cipher: StateCipher
}

/** The key that seals now, and older keys that may still open tokens during a rotation. */
export interface Keyring {
  current: StateKey
  previous: StateKey[]
}

/** What a key id may be: it rides in every token, before the dot. */
export const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,16}$/

/**
 * Reads keys from configuration: "id:base64url-32-bytes" entries separated by commas, current first.
 * Ids must differ: a token names its key by id, so a repeated id would hide the older key and
 * every token sealed with it would stop opening. Reasons never quote a secret. `makeCipher` is the
 * runtime's AES-GCM (WebCrypto unless given; Node passes its synchronous node:crypto one).
 * @example await importKeyring('k2:AbC…,k1:XyZ…')
 */
export async function importKeyring(spec: string, makeCipher: StateCipherFactory = webCryptoCipher): Promise<Result<Keyring, string>> {
  const entries = spec
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  const keys: StateKey[] = []
  for (const [position, entry] of entries.entries()) {
    const which = entries.length > 1 ? `key ${position + 1} of ${entries.length}` : 'the key'
    if (entry.startsWith('STATE_KEYS=')) return fail(`${which} starts with "STATE_KEYS=": set the variable to the value alone`)
    const [id, secret, ...rest] = entry.split(':')
    const bytes = secret ? fromBase64url(secret) : undefined
    if (!id || !KEY_ID_PATTERN.test(id) || !bytes || bytes.length !== 32 || rest.length > 0) {
      return fail(`${which} must look like "id:<32 bytes, base64url>" (id: 1 to 16 letters, digits, _ or -)`)
    }
    if (keys.some((key) => key.id === id))
      return fail(`the key id "${id}" is used twice: each key needs its own id (npm run keys:new makes one)`)
    keys.push({ id, cipher: await makeCipher(bytes) })
  }
  const [current, ...previous] = keys
  return current ? ok({ current, previous }) : fail('no state key configured')
}

/**
 * A fresh random key, for development only: tokens die with the process.
 * @example const keyring = await generateKeyring(nodeStateCipher)
 */
export async function generateKeyring(makeCipher: StateCipherFactory = webCryptoCipher): Promise<Keyring> {
  const bytes = crypto.getRandomValues(new Uint8Array(32))
  return { current: { id: 'dev', cipher: await makeCipher(bytes) }, previous: [] }
}

/** A new key in configuration form, for operators: `id:base64url`. */
export function newKeySpec(id: string): string {
  return `${id}:${toBase64url(crypto.getRandomValues(new Uint8Array(32)))}`
}
