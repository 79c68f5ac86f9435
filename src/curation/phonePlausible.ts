import { isSupportedCountry, isValidPhoneNumber } from 'libphonenumber-js/max'

// libphonenumber-js has no short-number metadata, so service codes (147, 1712, 116 111, and the
// three-digit ones that start with 0: AU 000, ES 024) cannot be validated by it; they are accepted
// only where a country makes them diallable, or when EU-harmonised (112, 116 xxx) and so valid in
// every member state. A longer number starting with 0 is a national number and must validate.
const SHORT_CODE = /^([1-9]\d{2,5}|0\d{2})$/
const EU_HARMONISED = /^(112|116\d{3})$/

/**
 * Why a phone number is not plausible for the countries a record serves, or undefined if it is.
 * @example phoneProblem('0800 266 43 36', ['NL']) // undefined
 */
export function phoneProblem(number: string, countries: readonly string[]): string | undefined {
  const compact = number.replace(/[\s\-().]/g, '')
  if (SHORT_CODE.test(compact)) {
    return countries.length > 0 || EU_HARMONISED.test(compact) ? undefined : `short code ${number} without a country to dial it in`
  }
  if (compact.startsWith('+') && isValidPhoneNumber(number)) return undefined
  if (countries.some((country) => isSupportedCountry(country) && isValidPhoneNumber(number, country))) return undefined
  return `phone number ${number} is not a valid number for ${countries.length > 0 ? countries.join(', ') : 'any country (no country and no +prefix)'}`
}
