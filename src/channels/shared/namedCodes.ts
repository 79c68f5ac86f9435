import { displayNames } from './displayNames'

/** A code with its localised name, for pickers. */
export interface NamedCode {
  code: string
  name: string
}

// Sorting ~100 names with localeCompare(…, ui) builds a collator per comparison (milliseconds per
// turn); the lists only change when the directory does, so sort once per list and language.
const cache = new WeakMap<readonly string[], Map<string, readonly NamedCode[]>>()
const collators = new Map<string, Intl.Collator>()

/**
 * Codes with their names in `ui`, sorted by name. Pass the same array to hit the cache.
 * @example namedCodes(index.countries, 'region', 'de')[0] // { code: 'AF', name: 'Afghanistan' }
 */
export function namedCodes(codes: readonly string[], type: 'region' | 'language', ui: string): readonly NamedCode[] {
  const byUi = cache.get(codes) ?? new Map<string, readonly NamedCode[]>()
  cache.set(codes, byUi)
  const key = `${type}:${ui}`
  const cached = byUi.get(key)
  if (cached) return cached
  const names = displayNames(ui)
  const nameOf = type === 'region' ? names.country : names.language
  const collator = collators.get(ui) ?? new Intl.Collator(ui)
  collators.set(ui, collator)
  const sorted = Object.freeze(codes.map((code) => ({ code, name: nameOf(code) })).sort((a, b) => collator.compare(a.name, b.name)))
  byUi.set(key, sorted)
  return sorted
}
