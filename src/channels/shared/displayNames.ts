/** Localised country and language names from Intl, cached per interface language. */
export interface DisplayNames {
  country(code: string): string
  language(code: string): string
}

const cache = new Map<string, DisplayNames>()

/** @example displayNames('de').country('NL') // 'Niederlande' */
export function displayNames(ui: string): DisplayNames {
  const cached = cache.get(ui)
  if (cached) return cached
  const regions = new Intl.DisplayNames([ui], { type: 'region' })
  const languages = new Intl.DisplayNames([ui], { type: 'language' })
  const names: DisplayNames = {
    country: (code) => regions.of(code) ?? code,
    language: (code) => languages.of(code) ?? code,
  }
  cache.set(ui, names)
  return names
}
