const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567'
/** 35 random bits: a thousand ids made on the same day collide about once in 70,000 tries. */
const RANDOM_CHARACTERS = 7

/**
 * A fresh key id for `npm run keys:new`: "k", the date and random base32 characters, 16 in all
 * (within KEY_ID_PATTERN), never one of the ids in `taken` (the keys already configured).
 * @example newKeyId(new Date(), new Set(['k20261123ab2cd7e'])) // e.g. 'k20261123q7xk2mf'
 */
export function newKeyId(now: Date, taken: ReadonlySet<string> = new Set()): string {
  const date = now.toISOString().slice(0, 10).replace(/-/g, '')
  for (;;) {
    // 256 is a multiple of 32, so masking a byte keeps every character equally likely.
    const random = [...crypto.getRandomValues(new Uint8Array(RANDOM_CHARACTERS))].map((byte) => BASE32[byte & 31]).join('')
    const id = `k${date}${random}`
    if (!taken.has(id)) return id
  }
}
