// Browsers send a handful of entries; a longer header is read this far and no further.
const MAX_ENTRIES = 32

/**
 * The country named by the most preferred Accept-Language entry that names one Helpfinder knows
 * ("fr, de-AT;q=0.8" → "AT"; "zh-Hant-TW" → "TW"). Used only to preselect whose urgent numbers to
 * show before the person has said where they are; never stored, logged or used for matching.
 * @example regionFromAcceptLanguage('nl-BE,nl;q=0.9', ['BE', 'NL']) // 'BE'
 */
export function regionFromAcceptLanguage(header: string | undefined, known: readonly string[]): string | undefined {
  const entries = (header ?? '')
    .split(',', MAX_ENTRIES)
    .map((part, position) => ({ ...parseEntry(part), position }))
    .filter((entry) => entry.q > 0)
    // Highest q first; entries with the same q keep the order the browser sent them in.
    .sort((a, b) => b.q - a.q || a.position - b.position)
  for (const entry of entries) {
    if (entry.region && known.includes(entry.region)) return entry.region
  }
  return undefined
}

/** One entry: its region subtag (after an optional script: "sr-Latn-RS") and its weight (1 when absent or unreadable). */
function parseEntry(part: string): { region: string | undefined; q: number } {
  const [tag = '', ...parameters] = part.trim().split(';')
  const subtags = tag.trim().split(/[-_]/)
  const candidate = /^[a-z]{4}$/i.test(subtags[1] ?? '') ? subtags[2] : subtags[1]
  const region = /^[a-z]{2,3}$/i.test(subtags[0] ?? '') && /^[a-z]{2}$/i.test(candidate ?? '') ? candidate?.toUpperCase() : undefined
  const weight = parameters
    .map((parameter) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(parameter)?.[1])
    .find((value) => value !== undefined)
  return { region, q: weight === undefined ? 1 : Math.min(1, Number(weight)) }
}
