import type { Translate } from '../../i18n/translate'
import type { Initiative } from '../../core/directory/initiativeSchema'

/** A page about the service, named for what it is: never a number to call or a place to book. */
export interface AboutPageView {
  href: string
  /** "The operator's page about this service" or "An official page about this service". */
  label: string
}

/**
 * The record's page about the service, labelled by who published it; undefined when it has none,
 * or when it is the website itself (the website line already leads there).
 * @example aboutPageView(record, t)?.label // "The operator's page about this service"
 */
export function aboutPageView(initiative: Initiative, t: Translate): AboutPageView | undefined {
  if (initiative.aboutPage === null || initiative.aboutPage === initiative.website) return undefined
  const label = t(initiative.aboutPageBy === 'official' ? 'results.about_page_official' : 'results.about_page_operator')
  return { href: initiative.aboutPage, label }
}
