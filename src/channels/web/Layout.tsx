import type { Translate } from '../../i18n/translate'
import type { Child } from 'hono/jsx'
import { raw } from 'hono/html'
import { rawElement } from './rawElement'
import { enhancementScript } from './enhancementScript'
import { exitScript } from './exitScript'
import { HeaderActions } from './HeaderActions'
import type { IndexableHead } from './landingHead'
import { PageFooter } from './PageFooter'
import { PageHead } from './PageHead'
import { pageTitle } from './pageTitle'
import { printStyles } from './printStyles'
import { QuickExit } from './QuickExit'
import { styles } from './styles'

/** What every page shares: language, nonce, and the state token the header actions carry. */
export interface LayoutProps {
  t: Translate
  ui: string
  dir: 'ltr' | 'rtl'
  nonce: string
  /** The sealed state, so urgent help and language change keep the person's place. */
  state: string | undefined
  languages: { code: string; name: string }[]
  /** What the tab says before the site's name ("Question 3 of 6"); never the person's words (see pageTitle). */
  title?: string
  /** Only for the landing pages: what search engines read (every other page is noindex). */
  indexable?: IndexableHead
  children: Child
}

/**
 * The frame of every page: the skip link, then the quick exit, urgent help and language in the
 * header (everything in a landmark), a title that names the step, privacy and safety in the footer.
 * Works with JavaScript off.
 */
export function Layout(props: LayoutProps) {
  const { t, state } = props
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang={props.ui} dir={props.dir}>
        <PageHead title={pageTitle(t, props.title)} nonce={props.nonce} css={styles + printStyles} indexable={props.indexable} />
        <body>
          <a class="skip" href="#main">
            {t('app.skip')}
          </a>
          <header class="top">
            <QuickExit t={t} />
            <div class="bar">
              <a class="brand" href="/">
                {t('app.title')}
              </a>
              <HeaderActions t={t} ui={props.ui} state={state} languages={props.languages} />
            </div>
          </header>
          <main id="main" tabindex={-1}>
            {props.children}
          </main>
          <PageFooter t={t} ui={props.ui} />
          {rawElement('script', { nonce: props.nonce }, exitScript)}
          {/* After the exit script, whose popstate listener must come first (see historyScript). */}
          {rawElement('script', { nonce: props.nonce, src: enhancementScript.path, defer: true }, '')}
        </body>
      </html>
    </>
  )
}
