import { createNameMatcher } from '../../src/core/flow/createNameMatcher'
import type { EngineContext } from '../../src/core/flow/advance'
import { uiLanguages } from '../../src/i18n/resources'
import en from '../../locales/en/translation.json'

const lookup = (key: string): string => {
  const value = key
    .split('.')
    .reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), en)
  return typeof value === 'string' ? value : key
}

/** The engine's context as the app builds it, with English labels. */
export const engineContext: EngineContext = {
  countries: createNameMatcher('region', uiLanguages),
  languages: createNameMatcher('language', uiLanguages),
  labelOf: lookup,
}
