import { raw } from 'hono/html'
import type { Translate } from '../../i18n/translate'
import { PageHead } from '../web/PageHead'
import { QuickExit } from '../web/QuickExit'
import { rawElement } from '../web/rawElement'
import { styles } from '../web/styles'
import { panelStyles } from './panelStyles'
import { panelScript } from './widgetAssets.generated'

/**
 * What the panel frame shows on a site its partner has not registered, instead of the browser's
 * broken-frame icon: any site may frame this page, so it holds no conversation, no state and no
 * form — only links that open Helpfinder and its urgent numbers in a new tab, and the quick exit.
 * Nothing on it changes anything when clicked, so framing it cannot trick anyone into an action.
 */
export function NotSetUpPage(props: {
  t: Translate
  ui: string
  dir: 'ltr' | 'rtl'
  nonce: string
  country: string | undefined
  accent: { accent: string; onAccent: string }
  consoleNote: string
}) {
  const { t, ui } = props
  const urgent = new URLSearchParams({ lang: ui, ...(props.country ? { country: props.country } : {}) })
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang={ui} dir={props.dir}>
        <PageHead
          title={t('widget.unregistered_title')}
          nonce={props.nonce}
          css={`${styles}${panelStyles}:root{--accent:${props.accent.accent};--accent-ink:${props.accent.onAccent}}`}
        />
        <body class="panel">
          <header>
            <QuickExit t={t} target="_top" />
          </header>
          <main id="main">
            <h1 id="question">{t('widget.unregistered_title')}</h1>
            <p>{t('widget.unregistered_text')}</p>
            <p>
              <a id="open-helpfinder" href={`/?lang=${encodeURIComponent(ui)}`} target="_blank" rel="noopener noreferrer">
                {t('widget.open_site')} <small>({t('widget.new_tab')})</small>
              </a>
            </p>
            <p>
              <a id="open-urgent" href={`/urgent?${urgent}`} target="_blank" rel="noopener noreferrer">
                {t('nav.urgent')} <small>({t('widget.new_tab')})</small>
              </a>
            </p>
          </main>
          {rawElement('script', { nonce: props.nonce, 'data-console-note': props.consoleNote }, panelScript)}
        </body>
      </html>
    </>
  )
}
