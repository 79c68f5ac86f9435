import { fieldNotes } from '../shared/FieldNotes'
import type { FormProblem } from './recordFormIssues'
import { recordFormLabel } from './recordFormLabels'

export interface FieldProps {
  /** The control's id and name (row fields: "contacts-1-value"). */
  id: string
  value: string
  problems: FormProblem[]
  label?: string
  hint?: string
  control?: 'text' | 'url' | 'date' | 'textarea' | 'select'
  options?: readonly (readonly [value: string, label: string])[]
  required?: boolean
  /** The id of a <datalist> to suggest values from (text and url inputs). */
  list?: string
}

/**
 * One labelled control with its hint and, after a refused save, its error beside it
 * (`aria-invalid`, and `aria-describedby` naming hint and error).
 * @example <RecordFormField id="website" value={values.website} problems={problems} control="url" hint="Starting with https://." />
 */
export function RecordFormField(props: FieldProps) {
  const { id, value } = props
  const notes = fieldNotes(id, props.hint, props.problems)
  const common = { id, name: id, ...notes.aria, required: props.required }
  const control = props.control ?? 'text'
  // A value that is not an option (only from a tampered form) is kept visible rather than lost.
  const options = props.options ?? []
  const unlisted: readonly [string, string] = [value, value]
  const listed = options.some(([option]) => option === value) ? options : [...options, unlisted]
  return (
    <div class="field">
      <label for={id}>{props.label ?? recordFormLabel(id)}</label>
      {notes.element}
      {control === 'textarea' ? (
        <textarea {...common}>{value}</textarea>
      ) : control === 'select' ? (
        <select {...common}>
          {listed.map(([option, label]) => (
            <option value={option} selected={option === value}>
              {label}
            </option>
          ))}
        </select>
      ) : (
        <input type={control} {...common} value={value} list={props.list} />
      )}
    </div>
  )
}
