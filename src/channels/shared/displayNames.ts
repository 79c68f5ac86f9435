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
  // Intl.DisplayNames.of costs microseconds and a results page asks for dozens of names.
  const known = new Map<string, string>()
  const remember = (prefix: string, code: string, find: () => string | undefined) => {
    const key = prefix + code
    const cached = known.get(key)
    if (cached !== undefined) return cached
    const name = find() ?? code
    known.set(key, name)
    return name
  }
  const names: DisplayNames = {
    country: (code) => remember('r:', code, () => regions.of(code)),
    language: (code) => remember('l:', code, () => languages.of(code)),
  }
  cache.set(ui, names)
  return names
}
