/** Bytes drawn from the system's generator at a time: one call serves hundreds of IVs and nonces. */
const POOL_BYTES = 8192

let pool = new Uint8Array(0)
let used = 0

/**
 * `length` fresh random bytes (WebCrypto's generator), from a pool refilled a few kilobytes at a
 * time: each call to getRandomValues costs microseconds of fixed overhead, and a turn needs two
 * draws (the seal's IV, the page's CSP nonce). Every byte is handed out once, then overwritten.
 * @example const iv = randomBytes(12)
 */
export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  if (length > POOL_BYTES) return crypto.getRandomValues(new Uint8Array(length))
  if (used + length > pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(POOL_BYTES))
    used = 0
  }
  const bytes = pool.slice(used, used + length)
  // Zeroed once handed out: no later reader of the pool can see them.
  pool.fill(0, used, used + length)
  used += length
  return bytes
}
