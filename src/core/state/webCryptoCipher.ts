import type { StateCipher, StateCipherFactory } from './stateCipher'

/**
 * AES-256-GCM through WebCrypto (crypto.subtle), which every runtime has: the Worker's cipher, and
 * the fallback wherever no faster one is given. The key cannot be exported again.
 * @example const keyring = await importKeyring(spec, webCryptoCipher)
 */
export const webCryptoCipher: StateCipherFactory = async (secret) => {
  const key = await crypto.subtle.importKey('raw', secret, 'AES-GCM', false, ['encrypt', 'decrypt'])
  const cipher: StateCipher = {
    async seal(iv, plain, additionalData) {
      return new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, key, plain))
    },
    async open(iv, sealed, additionalData) {
      try {
        return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData }, key, sealed))
      } catch {
        return undefined
      }
    },
  }
  return cipher
}
