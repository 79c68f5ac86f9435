import type { Translate } from '../../i18n/translate'
import type { Child } from 'hono/jsx'
import { raw } from 'hono/html'
import { rawElement } from './rawElement'
import { copyScript } from './copyScript'
import { exitScript } from './exitScript'
import { historyScript } from './historyScript'
import { HeaderActions } from './HeaderActions'
import { PageFooter } from './PageFooter'
import { PageHead } from './PageHead'
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
  children: Child
}

/**
 * The frame of every page: quick exit first, urgent help and language in the header,
 * neutral title, privacy and safety in the footer. Works with JavaScript off.
 */
export function Layout(props: LayoutProps) {
  const { t, state } = props
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang={props.ui} dir={props.dir}>
        <PageHead title={t('app.title')} nonce={props.nonce} css={styles + printStyles} />
        <body>
          <QuickExit t={t} />
          <a class="skip" href="#main">
            {t('app.skip')}
          </a>
          <header class="bar">
            <a class="brand" href="/">
              {t('app.title')}
            </a>
            <HeaderActions t={t} ui={props.ui} state={state} languages={props.languages} />
          </header>
          <main id="main" tabindex={-1}>
            {props.children}
          </main>
          <PageFooter t={t} ui={props.ui} />
          {rawElement('script', { nonce: props.nonce }, exitScript + historyScript + copyScript)}
        </body>
      </html>
    </>
  )
}
