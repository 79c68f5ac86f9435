import de from '../../locales/de/translation.json'
import en from '../../locales/en/translation.json'
import nl from '../../locales/nl/translation.json'

/** Every locale, imported statically so the same bundle works on Node and Workers. */
export const resources = {
  en: { translation: en },
  de: { translation: de },
  nl: { translation: nl },
} as const

export type UiLanguage = keyof typeof resources

/** Interface languages, in the order they are offered. */
export const uiLanguages = Object.keys(resources) as UiLanguage[]
