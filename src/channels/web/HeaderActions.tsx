import type { Translate } from '../../i18n/translate'
import { TurnForm } from './TurnForm'

/**
 * The language switch and urgent help, in every page's header (urgent help last, at the far end of the
 * row, where it stays on its own line on the narrowest screens); both keep the person's place.
 * The switch is folded into a disclosure named by the current language in its own words (one short
 * control on a phone), and opens to a plain list and button: no JavaScript needed.
 */
export function HeaderActions(props: { t: Translate; ui: string; state: string | undefined; languages: { code: string; name: string }[] }) {
  const { t } = props
  const current = props.languages.find((language) => language.code === props.ui)?.name ?? props.ui
  return (
    <>
      <details class="language">
        <summary>
          <span class="visually-hidden">{t('nav.language')}: </span>
          {current}
        </summary>
        <TurnForm state={props.state} class="language-form">
          <label class="field" for="ui-select">
            {t('nav.language')}
          </label>
          <select id="ui-select" name="ui">
            {props.languages.map((language) => (
              <option value={language.code} lang={language.code} selected={language.code === props.ui}>
                {language.name}
              </option>
            ))}
          </select>
          <button name="action" value="language">
            {t('nav.change_language')}
          </button>
        </TurnForm>
      </details>
      <TurnForm state={props.state} class="urgent-form">
        <button class="urgent" name="action" value="urgent">
          {t('nav.urgent')}
        </button>
      </TurnForm>
    </>
  )
}
