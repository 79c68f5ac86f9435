import type { Translate } from '../../i18n/translate'

/** What Helpfinder is, and what it stores and how to stay safe. In the widget panel the pages open in a new tab, so the conversation stays. */
export function PageFooter(props: { t: Translate; ui: string; newTab?: boolean }) {
  const { t } = props
  const target = props.newTab ? '_blank' : undefined
  return (
    <footer>
      <p class="muted">{t('app.what_it_is')}</p>
      <nav>
        <a href={`/privacy?lang=${props.ui}`} target={target} rel="noreferrer">
          {t('nav.privacy')}
        </a>
        <a href={`/safety?lang=${props.ui}`} target={target} rel="noreferrer">
          {t('nav.safety')}
        </a>
      </nav>
    </footer>
  )
}
