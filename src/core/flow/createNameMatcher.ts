import { RETIRED_LANGUAGE_CODES, RETIRED_REGION_CODES } from '../directory/retiredCodes'
import { normaliseText } from './normaliseText'

/** Finds an ISO code from a code or a name typed in any of the given languages. */
export interface NameMatcher {
  /** Returns the code for "DE", "de", "Deutschland", "Allemagne" or "Germany"; undefined when unknown. */
  find(text: string): string | undefined
  /** Every code the matcher knows. */
  readonly codes: ReadonlySet<string>
}

const letters = 'abcdefghijklmnopqrstuvwxyz'
const allTwoLetterCodes = [...letters].flatMap((a) => [...letters].map((b) => a + b))

/**
 * Builds the name table once from `Intl.DisplayNames` (never a hand-written list of names).
 * `aliases` adds other names people use, by code.
 * @example createNameMatcher('region', ['en', 'de', 'nl'], { NL: ['Holland'] }).find('holland') // 'NL'
 */
export function createNameMatcher(type: 'region' | 'language', locales: readonly string[], aliases: Readonly<Record<string, readonly string[]>> = {}): NameMatcher {
  const toCode = (raw: string) => (type === 'region' ? raw.toUpperCase() : raw)
  const displays = [...new Set([...locales, 'en', 'fr', 'de'])].map(
    (locale) => new Intl.DisplayNames([locale], { type, fallback: 'none' }),
  )
  const byName = new Map<string, string>()
  const codes = new Set<string>()
  const retired = type === 'region' ? RETIRED_REGION_CODES : RETIRED_LANGUAGE_CODES
  for (const raw of allTwoLetterCodes) {
    const code = toCode(raw)
    if (retired.has(code)) continue
    for (const display of displays) {
      const name = display.of(code)
      if (!name || name.toLowerCase() === raw) continue
      codes.add(code)
      const key = normaliseText(name)
      if (!byName.has(key)) byName.set(key, code)
    }
  }
  // Other names people type (USA, Holland): after the official names, so they never shadow one.
  for (const [code, names] of Object.entries(aliases)) {
    if (!codes.has(code)) continue
    for (const name of names) {
      const key = normaliseText(name)
      if (!byName.has(key)) byName.set(key, code)
    }
  }
  return {
    codes,
    find(text) {
      const trimmed = text.trim()
      if (/^[a-z]{2}$/i.test(trimmed) && codes.has(toCode(trimmed.toLowerCase()))) return toCode(trimmed.toLowerCase())
      return byName.get(normaliseText(trimmed))
    },
  }
}
