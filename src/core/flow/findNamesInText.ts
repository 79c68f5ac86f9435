import type { NameMatcher } from './createNameMatcher'
import { normaliseText } from './normaliseText'

/** What a typed message names: at most one country and one language, never read from a code. */
export interface NamesInText {
  country: string | undefined
  language: string | undefined
  /** True when the message is nothing but names ("Germany", "Sweden, Swedish"): it reads like an answer. */
  onlyNames: boolean
}

/** The longest names in words ("Saint Vincent and the Grenadines"); longer spans are never tried. */
const MAX_WORDS = 6

/**
 * Reads country and language names out of free text, such as a bot's first message. A message that
 * is only a name may use any language the matchers know; inside a sentence only names in `languages`
 * (the person's) count, longest first. Two different countries (or languages) name neither: asking is
 * better than guessing. Codes ("de", "no", "is") are never names.
 * @example findNamesInText('I am in Sweden and speak Swedish', { countries, languages }, ['en']) // { country: 'SE', language: 'sv', onlyNames: false }
 */
export function findNamesInText(
  text: string,
  matchers: { countries: NameMatcher; languages: NameMatcher },
  languages: readonly string[],
): NamesInText {
  const words = normaliseText(text).split(' ').filter(Boolean)
  const whole = words.join(' ')
  const wholeCountry = matchers.countries.findByName(whole)
  const wholeLanguage = wholeCountry ? undefined : matchers.languages.findByName(whole)
  // "Suomi" or "Eesti" alone name a country and its language: the country question comes first.
  if (wholeCountry || wholeLanguage) return { country: wholeCountry, language: wholeLanguage, onlyNames: true }
  const countries = new Set<string>()
  const languagesFound = new Set<string>()
  let unnamedWords = 0
  for (let start = 0; start < words.length; ) {
    const found = longestName(words, start, matchers, { languages })
    if (!found) {
      unnamedWords += 1
      start += 1
      continue
    }
    if (found.kind === 'country') countries.add(found.code)
    else languagesFound.add(found.code)
    start += found.length
  }
  return {
    country: countries.size === 1 ? [...countries][0] : undefined,
    language: languagesFound.size === 1 ? [...languagesFound][0] : undefined,
    onlyNames: words.length > 0 && unnamedWords === 0,
  }
}

function longestName(
  words: readonly string[],
  start: number,
  matchers: { countries: NameMatcher; languages: NameMatcher },
  inText: { languages: readonly string[] },
) {
  for (let length = Math.min(MAX_WORDS, words.length - start); length > 0; length--) {
    const span = words.slice(start, start + length).join(' ')
    const country = matchers.countries.findByName(span, inText)
    if (country) return { kind: 'country' as const, code: country, length }
    const language = matchers.languages.findByName(span, inText)
    if (language) return { kind: 'language' as const, code: language, length }
  }
  return undefined
}
