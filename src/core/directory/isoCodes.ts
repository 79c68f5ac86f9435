import * as z from 'zod'
import { RETIRED_LANGUAGE_CODES, RETIRED_REGION_CODES } from './retiredCodes'

/** ISO 3166-1 alpha-2 country code, checked against Intl's region names so a typo fails validation. */
export const CountryCode = z
  .string()
  .refine((code) => /^[A-Z]{2}$/.test(code) && isKnownRegion(code), { message: 'not an ISO 3166-1 alpha-2 country code' })

/** ISO 639-1 language code (two lower-case letters) that Intl can name. */
export const LanguageCode = z
  .string()
  .refine((code) => /^[a-z]{2}$/.test(code) && isKnownLanguage(code), { message: 'not an ISO 639-1 language code' })

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' })
const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' })

function isKnownRegion(code: string): boolean {
  const name = regionNames.of(code)
  return name !== undefined && name !== code && !RETIRED_REGION_CODES.has(code)
}

function isKnownLanguage(code: string): boolean {
  const name = languageNames.of(code)
  return name !== undefined && name !== code && !RETIRED_LANGUAGE_CODES.has(code)
}
