import type { Translate } from '../../i18n/translate'
import type { StepView } from '../shared/buildTurnView'
import { optionTags } from './optionTags'
import { TurnForm } from './TurnForm'

/** One question as a plain POST form: radios, checkboxes, or a list plus a free-text field. */
export function QuestionForm(props: { step: StepView; state: string; error: string | undefined; t: Translate }) {
  const { step, t } = props
  const errorId = props.error ? 'answer-error' : undefined
  return (
    <TurnForm state={props.state} id="turn" novalidate step={step.nodeId}>
      <fieldset aria-describedby={[step.hint ? 'hint' : '', errorId ?? ''].join(' ').trim() || undefined}>
        <legend>
          <h1 id="question" tabindex={-1}>
            {step.prompt}
          </h1>
        </legend>
        {step.hint ? (
          <p id="hint" class="hint">
            {step.hint}
          </p>
        ) : null}
        {props.error ? (
          <p id="answer-error" class="error" role="alert">
            {props.error}
          </p>
        ) : null}
        <Inputs step={step} t={t} />
      </fieldset>
      <div class="actions">
        <button class="primary" name="action" value="answer">
          {t('nav.continue')}
        </button>
        {step.canGoBack ? (
          <button name="action" value="back">
            {t('nav.back')}
          </button>
        ) : null}
        {step.canGoBack ? (
          <button name="action" value="restart">
            {t('nav.restart')}
          </button>
        ) : null}
      </div>
    </TurnForm>
  )
}

function Inputs(props: { step: StepView; t: Translate }) {
  const { step, t } = props
  if (step.parser === 'country' || step.parser === 'language') {
    const kind = step.parser
    return (
      <div>
        <label class="field" for="answer-select">
          {t(`flow.${kind}.choose`)}
        </label>
        <select id="answer-select" name="answer">
          <option value="">—</option>
          {optionTags(step.options.map((option) => ({ value: option.id, label: option.label, selected: option.selected })))}
        </select>
        <label class="field" for="answer-text">
          {t(`flow.${kind}.type`)}
        </label>
        <input id="answer-text" type="text" name="answer_text" autocomplete="off" maxlength={80} value={step.typed} />
      </div>
    )
  }
  const type = step.parser === 'multi' ? 'checkbox' : 'radio'
  return (
    <div>
      {step.options.map((option) => (
        <label class="choice">
          <input type={type} name="answer" value={option.id} checked={option.selected} />
          <span>{option.label}</span>
        </label>
      ))}
    </div>
  )
}
