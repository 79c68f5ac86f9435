import type { Translate } from '../../i18n/translate'
import type { Initiative } from '../../core/directory/initiativeSchema'
import { pickLanguage } from '../../i18n/createTranslator'

/** A short description of the service, in the language it is written in. */
export interface DescriptionView {
  text: string
  /** The language of `text` (for the `lang` attribute): the service's own, or 'en' for the directory's summary. */
  lang: string
  dir: 'ltr' | 'rtl'
  /** The page the words were taken from, when they are the service's own. */
  sourceUrl?: string
  /** True when `text` is the service's own words from `sourceUrl`, not the directory's English summary. */
  ownWords: boolean
}

/**
 * The service's own words in the person's interface language when the record has them, else its
 * English summary, else nothing: a person reads the service in their language where it wrote in it.
 * @example descriptionView(preventell, t, 'sv')?.lang // 'sv'
 */
export function descriptionView(initiative: Initiative, t: Translate, ui: string): DescriptionView | undefined {
  const own = initiative.ownWords.find((words) => sameLanguage(words.language, ui))
  // Own words are in the interface language, so they run in the page's direction.
  if (own)
    return { text: own.text, lang: own.language, dir: t('meta.dir') === 'rtl' ? 'rtl' : 'ltr', sourceUrl: own.source, ownWords: true }
  if (initiative.summary !== null) return { text: initiative.summary, lang: 'en', dir: 'ltr', ownWords: false }
  return undefined
}

/**
 * A record's language code names the interface language: the same code, or one the interface
 * reads as it (Norwegian "no" for the Bokmål interface "nb"). pickLanguage falls back to English
 * for codes it does not know, so English matches only itself.
 */
function sameLanguage(language: string, ui: string): boolean {
  return language === ui || (ui !== 'en' && pickLanguage(language) === ui)
}
