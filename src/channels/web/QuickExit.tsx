import type { Translate } from '../../i18n/translate'
import { NEUTRAL_SITE } from './neutralSite'

/**
 * The quick exit, first on every page, and the status line that announces it. In the widget panel
 * it targets the top page, so it leaves the site that embeds Helpfinder, not just the panel.
 */
export function QuickExit(props: { t: Translate; target?: '_top' }) {
  const { t } = props
  return (
    <>
      <a id="exit" class="exit" href={NEUTRAL_SITE} target={props.target} rel="noreferrer nofollow">
        {t('nav.exit')}
        {/* Shift three times needs JavaScript and a keyboard: the exit script shows the hint only then. */}
        <small hidden>{t('nav.exit_hint')}</small>
      </a>
      <span id="exit-status" class="visually-hidden" role="status" aria-live="assertive" data-text={t('nav.exit_announce')}></span>
    </>
  )
}
