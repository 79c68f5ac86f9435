/**
 * The host page's origin as the loader reports it (`host=` in the panel's address): an http(s)
 * origin and nothing more, or undefined. A claim, not a proof: it only chooses between the panel
 * (whose `frame-ancestors` the browser still enforces) and the not-set-up page (which holds nothing).
 * @example embeddingHost('https://www.helpline.example') // 'https://www.helpline.example'; '/path' → undefined
 */
export function embeddingHost(value: string | undefined): string | undefined {
  if (!value || value.length > 300) return undefined
  try {
    const url = new URL(value)
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value ? value : undefined
  } catch {
    return undefined
  }
}
