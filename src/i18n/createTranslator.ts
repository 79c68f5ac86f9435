import i18next, { type TFunction } from 'i18next'
import type { Translate } from './translate'
import { resources, uiLanguages, type UiLanguage } from './resources'

/** Translators for every interface language, made once per process or isolate. */
export interface Translator {
  t(language: UiLanguage): Translate
  /** A list of paragraphs stored as an array under one key (e.g. 'privacy.body'). */
  paragraphs(language: UiLanguage, key: string): string[]
  /** The best interface language for a code or an Accept-Language header. */
  pick(preferred: string | undefined): UiLanguage
  dir(language: UiLanguage): 'ltr' | 'rtl'
  /** Every interface language with its own name, for language pickers. */
  languages(): { code: UiLanguage; name: string }[]
}

/**
 * @example const translator = await createTranslator(); translator.t('de')('nav.urgent')
 */
export async function createTranslator(): Promise<Translator> {
  const instance = i18next.createInstance()
  await instance.init({
    resources,
    lng: 'en',
    fallbackLng: false,
    supportedLngs: uiLanguages,
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  })
  const fixed = new Map(uiLanguages.map((language) => [language, memoised(instance.getFixedT(language))]))
  const directions = new Map(
    uiLanguages.map((language) => [language, instance.getFixedT(language)('meta.dir') === 'rtl' ? 'rtl' : 'ltr'] as const),
  )
  const names = uiLanguages.map((code) => ({ code, name: instance.getFixedT(code)('meta.language_name') }))
  return {
    t: (language) => fixed.get(language) ?? memoised(instance.getFixedT('en')),
    pick: (preferred) => pickLanguage(preferred),
    paragraphs: (language, key) => {
      const value: unknown = instance.getFixedT(language)(key, { returnObjects: true })
      return Array.isArray(value) ? value.map(String) : []
    },
    dir: (language) => directions.get(language) ?? 'ltr',
    languages: () => names.map((entry) => ({ ...entry })),
  }
}

function isUiLanguage(code: string): code is UiLanguage {
  return (uiLanguages as string[]).includes(code)
}

/** Codes browsers send for a language the interface names otherwise (Norwegian: "no", "nn" → Bokmål "nb"). */
const ALIASES: Record<string, string> = { no: 'nb', nn: 'nb' }

/** Reads "de-AT,de;q=0.9,en;q=0.8" or "nl" and returns the first interface language it names. */
export function pickLanguage(preferred: string | undefined): UiLanguage {
  const codes = (preferred ?? '')
    .split(',')
    .map((part) => part.split(';')[0]?.trim().slice(0, 2).toLowerCase() ?? '')
    .map((code) => ALIASES[code] ?? code)
  return codes.find(isUiLanguage) ?? 'en'
}

/**
 * i18next copies its whole options object on every call (~10 µs); a results page makes about a
 * hundred calls. Strings without parameters never change, so they are looked up once.
 */
function memoised(fixedT: TFunction): Translate {
  const known = new Map<string, string>()
  return (key, params) => {
    // Parameters come from the directory and the flow, never from what a person typed, so the
    // set of keys is bounded; the cap is a guard, not an eviction policy.
    const cacheKey = params ? `${key}\u0000${JSON.stringify(params)}` : key
    const cached = known.get(cacheKey)
    if (cached !== undefined) return cached
    const text = params ? fixedT(key, params) : fixedT(key)
    if (known.size >= MEMO_LIMIT) known.clear()
    known.set(cacheKey, text)
    return text
  }
}

const MEMO_LIMIT = 20_000
