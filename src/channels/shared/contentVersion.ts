/**
 * A short, stable name for a text's content (cyrb53, a 53-bit string hash), for addresses that may
 * be cached for a year: a new text gets a new address. Not a security measure; synchronous and
 * runtime-free, so it works at module load on Node and on Workers alike.
 * @example contentVersion('abc') // '4f1c4bbbd8f43'
 */
export function contentVersion(text: string): string {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ code, 2654435761)
    h2 = Math.imul(h2 ^ code, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16)
}
