import { fail, ok, type Result } from '../result'
import { fromBase64url, toBase64url } from './base64url'

/** An AES-GCM key and the id that rides in every token sealed with it. */
export interface StateKey {
  id: string
  key: CryptoKey
}

/** The key that seals now, and older keys that may still open tokens during a rotation. */
export interface Keyring {
  current: StateKey
  previous: StateKey[]
}

/**
 * Reads keys from configuration: "id:base64url-32-bytes" entries separated by commas, current first.
 * @example await importKeyring('k2:AbC…,k1:XyZ…')
 */
export async function importKeyring(spec: string): Promise<Result<Keyring, string>> {
  const entries = spec.split(',').map((entry) => entry.trim()).filter(Boolean)
  const keys: StateKey[] = []
  for (const entry of entries) {
    const [id, secret] = entry.split(':')
    const bytes = secret ? fromBase64url(secret) : undefined
    if (!id || !/^[A-Za-z0-9_-]{1,16}$/.test(id) || !bytes || bytes.length !== 32) {
      return fail('each key must look like "id:<32 bytes, base64url>"')
    }
    keys.push({ id, key: await importAesKey(bytes) })
  }
  const [current, ...previous] = keys
  return current ? ok({ current, previous }) : fail('no state key configured')
}

/** A fresh random key, for development only: tokens die with the process. */
export async function generateKeyring(): Promise<Keyring> {
  const bytes = crypto.getRandomValues(new Uint8Array(32))
  return { current: { id: 'dev', key: await importAesKey(bytes) }, previous: [] }
}

/** A new key in configuration form, for operators: `id:base64url`. */
export function newKeySpec(id: string): string {
  return `${id}:${toBase64url(crypto.getRandomValues(new Uint8Array(32)))}`
}

function importAesKey(bytes: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', bytes, 'AES-GCM', false, ['encrypt', 'decrypt'])
}
