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
          {/* In the legend, so the group's name says where the person is too; never inside the h1. */}
          <span class="muted step-count">{t('nav.step_count', { number: step.number, total: step.total })}</span>
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
        <Inputs step={step} t={t} errorId={errorId} />
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

/**
 * Country and language: one text box with the names in the person's language as a <datalist>, so
 * browsers filter as they type, with JavaScript or without. What is typed or picked is posted as
 * text and the server finds the code (in any language); "did you mean" buttons post a code. No
 * <select>: two controls let a pick and a typed name disagree. autocomplete="off" keeps what was
 * typed out of the browser's form history, and spellcheck off keeps it from a spelling service;
 * where a browser shows no list (Firefox for Android), typing and "did you mean" still answer.
 */
function NameInput(props: { step: StepView; kind: 'country' | 'language'; errorId: string | undefined; t: Translate }) {
  const { step, kind, t } = props
  const shown = step.typed ?? step.options.find((option) => option.selected)?.label
  const described = [step.hint ? 'hint' : '', props.errorId ?? '', step.suggestions.length > 0 ? 'suggestions-label' : ''].join(' ').trim()
  return (
    <div>
      <label class="field" for="answer-text">
        {t(`flow.${kind}.choose`)}
      </label>
      <input
        id="answer-text"
        type="text"
        name="answer_text"
        list="answer-names"
        autocomplete="off"
        spellcheck={false}
        maxlength={80}
        value={shown}
        aria-describedby={described || undefined}
      />
      <datalist id="answer-names">
        {optionTags(step.options.map((option) => ({ value: option.label, label: '', selected: false })))}
      </datalist>
      {step.suggestions.length > 0 ? (
        <>
          {/* Enter in the text box presses the form's first button: this Continue, never a suggestion.
              Drawn (1px, not display:none), since some engines skip a button that is not. */}
          <button class="visually-hidden" name="action" value="answer" tabindex={-1}>
            {t('nav.continue')}
          </button>
          <fieldset class="suggestions">
            <legend id="suggestions-label">{t('error.did_you_mean')}</legend>
            {step.suggestions.map((suggestion) => (
              <button name="answer" value={suggestion.id}>
                {suggestion.label}
              </button>
            ))}
          </fieldset>
        </>
      ) : null}
    </div>
  )
}

function Inputs(props: { step: StepView; t: Translate; errorId?: string | undefined }) {
  const { step, t } = props
  if (step.parser === 'country' || step.parser === 'language') {
    return <NameInput step={step} kind={step.parser} errorId={props.errorId} t={t} />
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
