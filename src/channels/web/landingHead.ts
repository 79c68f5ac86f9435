import { uiLanguages, type UiLanguage } from '../../i18n/resources'
import type { Translate } from '../../i18n/translate'
import { landingPath } from './landingPath'

/** What an indexable page's head says to search engines besides its title. */
export interface IndexableHead {
  description: string
  canonical: string
  /** Every landing page by its language, and `x-default` for `/`. */
  alternates: { hreflang: string; href: string }[]
}

/**
 * The head of a landing page (`/` or `/<lang>/`): its description, its canonical address and the
 * alternates in every language. Absolute with the configured PUBLIC_ORIGIN (never the Host header,
 * which a request may forge), else paths.
 * @example landingHead(t, '/de/', 'https://help.example.org').canonical // 'https://help.example.org/de/'
 */
export function landingHead(t: Translate, path: string, publicOrigin: string | undefined): IndexableHead {
  return { description: t('app.meta_description'), canonical: `${publicOrigin ?? ''}${path}`, alternates: landingAlternates(publicOrigin) }
}

/** Every landing page by its language, then `x-default` (`/`): the head's alternates and the sitemap's. */
export function landingAlternates(publicOrigin: string | undefined): IndexableHead['alternates'] {
  const origin = publicOrigin ?? ''
  return [
    ...uiLanguages.map((language: UiLanguage) => ({ hreflang: language, href: `${origin}${landingPath(language)}` })),
    { hreflang: 'x-default', href: `${origin}/` },
  ]
}
