import type { Translate } from '../../i18n/translate'
import type { Child } from 'hono/jsx'
import { raw } from 'hono/html'
import { exitScript } from './exitScript'
import { NEUTRAL_SITE } from './neutralSite'
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
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <meta name="robots" content="noindex" />
        <title>{t('app.title')}</title>
        <style nonce={props.nonce}>{raw(styles)}</style>
      </head>
      <body>
        <a id="exit" class="exit" href={NEUTRAL_SITE} rel="noreferrer nofollow">
          {t('nav.exit')}
          <small>{t('nav.exit_hint')}</small>
        </a>
        <span id="exit-status" class="visually-hidden" role="status" aria-live="assertive" data-text={t('nav.exit_announce')}></span>
        <a class="skip" href="#main">{t('app.skip')}</a>
        <header class="bar">
          <a class="brand" href="/">{t('app.title')}</a>
          <form method="post" action="/turn">
            {state ? <input type="hidden" name="state" value={state} /> : null}
            <button class="urgent" name="action" value="urgent">{t('nav.urgent')}</button>
          </form>
          <form method="post" action="/turn">
            {state ? <input type="hidden" name="state" value={state} /> : null}
            <label class="visually-hidden" for="ui-select">{t('nav.language')}</label>
            <select id="ui-select" name="ui">
              {props.languages.map((language) => (
                <option value={language.code} lang={language.code} selected={language.code === props.ui}>
                  {language.name}
                </option>
              ))}
            </select>
            <button name="action" value="language">{t('nav.change_language')}</button>
          </form>
        </header>
        <main id="main" tabindex={-1}>{props.children}</main>
        <footer>
          <p class="muted">{t('app.what_it_is')}</p>
          <nav>
            <a href={`/privacy?lang=${props.ui}`}>{t('nav.privacy')}</a>
            <a href={`/safety?lang=${props.ui}`}>{t('nav.safety')}</a>
          </nav>
        </footer>
        <script nonce={props.nonce}>{raw(exitScript)}</script>
      </body>
      </html>
    </>
  )
}
