/**
 * AES-256-GCM under one key: the port between the state seal and a runtime's crypto. WebCrypto
 * serves anywhere (webCryptoCipher, the Worker's); Node uses node:crypto synchronously, without
 * a trip through the thread pool (runtime/nodeStateCipher). Both write the ciphertext followed by
 * the 16-byte tag, so a token sealed by one opens with the other.
 * @example const sealed = await cipher.seal(iv, plain, encoder.encode(keyId))
 */
export interface StateCipher {
  /** The ciphertext of `plain` then its 16-byte tag; `additionalData` (the key id) is authenticated, not encrypted. */
  seal(iv: Uint8Array<ArrayBuffer>, plain: Uint8Array<ArrayBuffer>, additionalData: Uint8Array<ArrayBuffer>): Promise<Uint8Array>
  /** The plain bytes, or undefined when the tag does not verify (tampered, another key, another key id). */
  open(
    iv: Uint8Array<ArrayBuffer>,
    sealed: Uint8Array<ArrayBuffer>,
    additionalData: Uint8Array<ArrayBuffer>,
  ): Promise<Uint8Array | undefined>
}

/**
 * Makes the cipher for one 32-byte secret; the keyring calls it once per configured key.
 * @example const cipher = await webCryptoCipher(secret)
 */
export type StateCipherFactory = (secret: Uint8Array<ArrayBuffer>) => Promise<StateCipher>

/** How long the GCM tag is, in bytes (the full 128 bits: shorter tags are refused). */
export const TAG_BYTES = 16

/** How long the GCM nonce is, in bytes (96 bits, the size GCM is made for; fresh and random per seal). */
export const IV_BYTES = 12
