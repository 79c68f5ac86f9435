import { RETIRED_LANGUAGE_CODES, RETIRED_REGION_CODES } from '../directory/retiredCodes'
import { normaliseText } from './normaliseText'
import { suggestNames } from './suggestNames'

/** Finds an ISO code from a code or a name typed in any of the given languages. */
export interface NameMatcher {
  /**
   * Returns the code for "DE", "de", "Deutschland", "Allemagne" or "Germany"; undefined when unknown.
   * A name two codes share across languages ("Kongo") means the one it names in `language`, when given.
   */
  find(text: string, language?: string): string | undefined
  /**
   * Like `find`, but names only, for free text where "no", "is" or "de" are words, not codes: a
   * short Latin-script name ("man", "oma") counts only as a listed alias ("USA", "UK"). `inText`
   * says the name is part of a longer message: then only names in `languages` (and aliases) count,
   * and never a listed everyday word ("того" is Togo and "that").
   */
  findByName(text: string, inText?: { languages: readonly string[] }): string | undefined
  /**
   * For text that names nothing: up to three codes whose names (in any language the matcher knows,
   * or an alias) are near misses or begin with it, best first (suggestNames).
   */
  suggest(text: string): string[]
  /** Every code the matcher knows. */
  readonly codes: ReadonlySet<string>
}

const letters = 'abcdefghijklmnopqrstuvwxyz'
const allTwoLetterCodes = [...letters].flatMap((a) => [...letters].map((b) => a + b))

/** Shorter Latin names look like codes or everyday words ("man", "oma", "dan" are names somewhere). */
const SHORTEST_LATIN_NAME = 4
/** Other scripts have no codes; "مصر" (Egypt) has three letters. */
const SHORTEST_OTHER_NAME = 3

/**
 * Builds the name table once from `Intl.DisplayNames` (never a hand-written list of names).
 * `aliases` adds other names people use, by code; `everydayWords` are names not read inside a sentence.
 * @example createNameMatcher('region', ['en', 'de', 'nl'], { NL: ['Holland'] }).find('holland') // 'NL'
 */
export function createNameMatcher(
  type: 'region' | 'language',
  locales: readonly string[],
  aliases: Readonly<Record<string, readonly string[]>> = {},
  everydayWords: readonly string[] = [],
): NameMatcher {
  const everyday = new Set(everydayWords.map(normaliseText))
  const toCode = (raw: string) => (type === 'region' ? raw.toUpperCase() : raw)
  const displayLocales = [...new Set([...locales, 'en', 'fr', 'de'])]
  const displays = displayLocales.map((locale) => ({ locale, display: new Intl.DisplayNames([locale], { type, fallback: 'none' }) }))
  const byName = new Map<string, string>()
  // Which languages give each name (for the code it stands for), so free text can keep to the person's.
  const nameLanguages = new Map<string, Set<string>>()
  const aliasNames = new Set<string>()
  // A name that means another code in another language ("Kongo": CG in Polish, CD elsewhere), by language.
  const sharedNames = new Map<string, string>()
  const codes = new Set<string>()
  const retired = type === 'region' ? RETIRED_REGION_CODES : RETIRED_LANGUAGE_CODES
  for (const raw of allTwoLetterCodes) {
    const code = toCode(raw)
    if (retired.has(code) || replacedRegion(type, code)) continue
    for (const { locale, display } of displays) {
      const name = display.of(code)
      if (!name || name.toLowerCase() === raw) continue
      codes.add(code)
      const key = normaliseText(name)
      if (!byName.has(key)) byName.set(key, code)
      if (byName.get(key) === code) nameLanguages.set(key, (nameLanguages.get(key) ?? new Set()).add(locale))
      // Within one language the first code keeps the name (Akan and Twi are both "Akan"), and
      // another is told apart only by its accents (Irish "Rómáinis" is Romanian, "Rómainis" Romansh).
      else if (!nameLanguages.get(key)?.has(locale)) sharedNames.set(`${locale}\u0000${key}`, code)
      else if (display.of(byName.get(key) ?? code)?.toLocaleLowerCase(locale) !== name.toLocaleLowerCase(locale)) {
        sharedNames.set(`${locale}\u0001${name.toLocaleLowerCase(locale)}`, code)
      }
    }
  }
  // Other names people type (USA, Holland): after the official names, so they never shadow one.
  for (const [code, names] of Object.entries(aliases)) {
    if (!codes.has(code)) continue
    for (const name of names) {
      const key = normaliseText(name)
      if (!byName.has(key)) byName.set(key, code)
      // Listed for this code ("USA" is also Swedish for it): short or not, free text may use it.
      if (byName.get(key) === code) aliasNames.add(key)
    }
  }
  return {
    codes,
    find(text, language) {
      const trimmed = text.trim()
      if (/^[a-z]{2}$/i.test(trimmed) && codes.has(toCode(trimmed.toLowerCase()))) return toCode(trimmed.toLowerCase())
      const key = normaliseText(trimmed)
      const shared =
        language === undefined
          ? undefined
          : (sharedNames.get(`${language}\u0001${trimmed.toLocaleLowerCase(language)}`) ?? sharedNames.get(`${language}\u0000${key}`))
      return shared ?? byName.get(key)
    },
    suggest(text) {
      return suggestNames(text, byName)
    },
    findByName(text, inText) {
      const key = normaliseText(text)
      const code = byName.get(key)
      if (code === undefined || (inText && everyday.has(key))) return undefined
      if (aliasNames.has(key)) return code
      const letterCount = key.replace(/ /g, '').length
      if (letterCount < (/^[a-z ]+$/.test(key) ? SHORTEST_LATIN_NAME : SHORTEST_OTHER_NAME)) return undefined
      if (inText && !inText.languages.some((language) => nameLanguages.get(key)?.has(language))) return undefined
      return code
    },
  }
}

/**
 * A region code Intl names only as another's old name (VD is Vietnam, YD Yemen, UK the United
 * Kingdom): without this, "Vietnam" would find VD, which nothing in the directory uses.
 */
function replacedRegion(type: 'region' | 'language', code: string): boolean {
  return type === 'region' && Intl.getCanonicalLocales(`und-${code}`)[0] !== `und-${code}`
}
