/**
 * Whether an If-None-Match header names this entity tag, by the weak comparison RFC 9110 asks for
 * there (`W/"a"` matches `"a"`); `*` matches any.
 * @example matchesEtag('W/"abc", "def"', 'W/"abc"') // true
 */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '')
  const wanted = opaque(etag)
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === wanted)
}
