import { fieldNotes } from '../shared/FieldNotes'
import type { FormProblem } from './recordFormIssues'

export interface Choice {
  value: string
  label: string
  description?: string
}

/**
 * A group of checkboxes (several may apply) or radios (one), in a fieldset with its legend, hint
 * and error. Option ids are `<id>-<value>` (`<id>-none` for the empty "unknown / none" value).
 * @example <RecordFormChoices id="free" legend="Free of charge" type="radio" choices={YES_NO_UNKNOWN} chosen={[values.free]} problems={problems} />
 */
export function RecordFormChoices(props: {
  id: string
  name?: string
  legend: string
  hint?: string
  type: 'radio' | 'checkbox'
  choices: Choice[]
  chosen: string[]
  problems: FormProblem[]
}) {
  const { id } = props
  const notes = fieldNotes(id, props.hint, props.problems)
  // Values the form does not offer (an old record, a tampered form) stay visible and chosen.
  const offered = new Set(props.choices.map((choice) => choice.value))
  const choices: Choice[] = [
    ...props.choices,
    ...props.chosen.filter((value) => value !== '' && !offered.has(value)).map((value) => ({ value, label: value })),
  ]
  return (
    <fieldset id={id} aria-describedby={notes.describedBy}>
      <legend>{props.legend}</legend>
      {notes.element}
      {choices.map((choice) => {
        const optionId = `${id}-${choice.value || 'none'}`
        return (
          <div class="choice">
            <input
              type={props.type}
              id={optionId}
              name={props.name ?? id}
              value={choice.value}
              checked={props.chosen.includes(choice.value)}
              aria-invalid={notes.invalid ? 'true' : undefined}
              aria-describedby={choice.description ? `${optionId}-hint` : undefined}
            />{' '}
            <label for={optionId}>{choice.label}</label>
            {choice.description && (
              <span class="hint" id={`${optionId}-hint`}>
                {` — ${choice.description}`}
              </span>
            )}
          </div>
        )
      })}
    </fieldset>
  )
}
