/**
 * The 27 EU member states (ISO 3166-1 alpha-2; Greece as GR): the coverage report's rows, and where 116 000 is expected.
 * @example EU_MEMBER_STATES.includes('SE') // true
 */
export const EU_MEMBER_STATES: readonly string[] = [
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
]
