/**
 * Codes Intl still names but that are not current ISO 3166-1 / 639-1 codes. Without this list
 * "Deutschland" can resolve to DD (the former GDR) instead of DE. XA and XB are CLDR's
 * pseudo-locales ("Pseudo-Accents", "Pseudo-Bidi"), not places.
 */
export const RETIRED_REGION_CODES: ReadonlySet<string> = new Set([
  'AC',
  'AN',
  'BU',
  'CP',
  'CS',
  'DD',
  'DG',
  'EA',
  'EU',
  'EZ',
  'FX',
  'IC',
  'NT',
  'QO',
  'SU',
  'TA',
  'TP',
  'UN',
  'XA',
  'XB',
  'YU',
  'ZR',
  'ZZ',
])

/** Retired ISO 639-1 codes (replaced by id, he, yi, jv, ro, and the separate hr/bs/sr). */
export const RETIRED_LANGUAGE_CODES: ReadonlySet<string> = new Set(['in', 'iw', 'ji', 'jw', 'mo', 'sh'])
