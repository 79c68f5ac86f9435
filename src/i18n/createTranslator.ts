import i18next, { type TFunction } from 'i18next'
import { resources, uiLanguages, type UiLanguage } from './resources'

/** Translators for every interface language, made once per process or isolate. */
export interface Translator {
  t(language: UiLanguage): TFunction
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
  const fixed = new Map(uiLanguages.map((language) => [language, instance.getFixedT(language)]))
  return {
    t: (language) => fixed.get(language) ?? instance.getFixedT('en'),
    pick: (preferred) => pickLanguage(preferred),
    dir: (language) => (instance.getFixedT(language)('meta.dir') === 'rtl' ? 'rtl' : 'ltr'),
    languages: () => uiLanguages.map((code) => ({ code, name: instance.getFixedT(code)('meta.language_name') })),
  }
}

function isUiLanguage(code: string): code is UiLanguage {
  return (uiLanguages as string[]).includes(code)
}

/** Reads "de-AT,de;q=0.9,en;q=0.8" or "nl" and returns the first interface language it names. */
export function pickLanguage(preferred: string | undefined): UiLanguage {
  const codes = (preferred ?? '')
    .split(',')
    .map((part) => part.split(';')[0]?.trim().slice(0, 2).toLowerCase() ?? '')
  return codes.find(isUiLanguage) ?? 'en'
}
