/**
 * The first country named in an Accept-Language header ("de-AT,de;q=0.9" → "AT") that Helpfinder
 * has urgent numbers for. Used only to preselect whose urgent numbers to show before the person
 * has said where they are; never stored, logged or used for matching.
 * @example regionFromAcceptLanguage('nl-BE,nl;q=0.9', ['BE', 'NL']) // 'BE'
 */
export function regionFromAcceptLanguage(header: string | undefined, known: readonly string[]): string | undefined {
  for (const part of (header ?? '').split(',').slice(0, 8)) {
    const region = /^[a-z]{2,3}-([a-z]{2})\b/i.exec(part.trim())?.[1]?.toUpperCase()
    if (region && known.includes(region)) return region
  }
  return undefined
}
