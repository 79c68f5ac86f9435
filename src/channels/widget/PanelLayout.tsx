import { raw } from 'hono/html'
import { rawElement } from '../web/rawElement'
import { copyScript } from '../web/copyScript'
import type { LayoutProps } from '../web/Layout'
import { QuickExit } from '../web/QuickExit'
import { printStyles } from '../web/printStyles'
import { styles } from '../web/styles'
import { HeaderActions } from '../web/HeaderActions'
import { PageFooter } from '../web/PageFooter'
import { PageHead } from '../web/PageHead'
import { panelStyles } from './panelStyles'
import { contactBeaconScript } from '../web/contactBeaconScript'
import { panelScript } from './widgetAssets.generated'

/** What the panel frame needs besides what every page's frame needs. */
export interface PanelLayoutProps extends LayoutProps {
  accent: { accent: string; onAccent: string }
  /** A line for the host's developers (an unknown partner id), logged in the browser console. */
  consoleNote: string | undefined
}

/**
 * The widget panel, inside Helpfinder's own cross-origin iframe: quick exit (leaving the host page
 * too), urgent help and language in its header (everything in a landmark), then the conversation.
 * Plain forms that post to /widget/turn; the panel script (when JavaScript runs) swaps each answer
 * in place, announces it and moves focus to the new question.
 */
export function PanelLayout(props: PanelLayoutProps) {
  const { t, state } = props
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang={props.ui} dir={props.dir}>
        <PageHead
          title={t('widget.panel_title')}
          nonce={props.nonce}
          css={`${styles}${printStyles}${panelStyles}:root{--accent:${props.accent.accent};--accent-ink:${props.accent.onAccent}}`}
        />
        <body class="panel">
          {/* Outside the view the script swaps, so it is there before what it announces; a live region is a region of its own. */}
          <p id="live" class="visually-hidden" aria-live="polite"></p>
          <div id="view">
            {/* The exit in the header's landmark, as on the web page; it is in the person's language, so it is swapped with the rest. */}
            <header class="top">
              <QuickExit t={t} target="_top" />
              <div class="bar">
                <HeaderActions t={t} ui={props.ui} state={state} languages={props.languages} />
              </div>
            </header>
            <main id="main" tabindex={-1}>
              {props.children}
              {/* Only in a panel framed without the loader and without script: Back in the browser
                  lands on a posted page the browser does not keep, and shows its error page there. */}
              <noscript>
                <p class="muted">{t('widget.no_script_back')}</p>
              </noscript>
            </main>
            <PageFooter t={t} ui={props.ui} newTab />
          </div>
          {/* copyScript is the web page's "Copy these details", delegated from the document, so swapped views keep it. */}
          {rawElement(
            'script',
            { nonce: props.nonce, 'data-console-note': props.consoleNote },
            panelScript + copyScript + contactBeaconScript,
          )}
        </body>
      </html>
    </>
  )
}
