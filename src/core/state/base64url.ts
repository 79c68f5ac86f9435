const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
/** Each character's six bits, by character code; -1 for a character base64url does not use. */
const VALUES = new Int8Array(128).fill(-1)
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charCodeAt(i)] = i

/**
 * Bytes to base64url without padding. A table, not btoa: every turn writes two of these (the token,
 * the CSP nonce), and btoa's string round trip cost more than the seal itself.
 */
export function toBase64url(bytes: Uint8Array): string {
  let text = ''
  let i = 0
  for (; i + 2 < bytes.length; i += 3) {
    const chunk = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    text +=
      ALPHABET.charAt(chunk >>> 18) +
      ALPHABET.charAt((chunk >>> 12) & 63) +
      ALPHABET.charAt((chunk >>> 6) & 63) +
      ALPHABET.charAt(chunk & 63)
  }
  const left = bytes.length - i
  if (left === 1) {
    const chunk = (bytes[i] ?? 0) << 16
    text += ALPHABET.charAt(chunk >>> 18) + ALPHABET.charAt((chunk >>> 12) & 63)
  } else if (left === 2) {
    const chunk = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8)
    text += ALPHABET.charAt(chunk >>> 18) + ALPHABET.charAt((chunk >>> 12) & 63) + ALPHABET.charAt((chunk >>> 6) & 63)
  }
  return text
}

/** Unpadded base64url to bytes; undefined when the text is not that. */
export function fromBase64url(text: string): Uint8Array<ArrayBuffer> | undefined {
  // One leftover character cannot hold a whole byte: not base64url.
  if (text.length % 4 === 1) return undefined
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4))
  let buffer = 0
  let bits = 0
  let out = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const value = code < 128 ? (VALUES[code] ?? -1) : -1
    if (value < 0) return undefined
    buffer = (buffer << 6) | value
    bits += 6
    if (bits >= 8) {
      bits -= 8
      bytes[out++] = (buffer >>> bits) & 255
    }
  }
  return bytes
}
