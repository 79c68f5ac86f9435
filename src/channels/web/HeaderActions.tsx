import type { Translate } from '../../i18n/translate'
import { TurnForm } from './TurnForm'

/** Urgent help and the language switch, in every page's header; both keep the person's place. */
export function HeaderActions(props: { t: Translate; ui: string; state: string | undefined; languages: { code: string; name: string }[] }) {
  const { t } = props
  return (
    <>
      <TurnForm state={props.state}>
        <button class="urgent" name="action" value="urgent">
          {t('nav.urgent')}
        </button>
      </TurnForm>
      <TurnForm state={props.state}>
        <label class="visually-hidden" for="ui-select">
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
    </>
  )
}
