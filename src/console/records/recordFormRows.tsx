import { RecordFormField, type FieldProps } from './recordFormField'
import type { FormProblem } from './recordFormIssues'
import { RECORD_FORM_LABELS } from './recordFormLabels'

/** One field of every row, described once: which of the row's text values it shows, and how (its label is the form's own). */
export interface RowField<Name extends string> extends Omit<FieldProps, 'id' | 'value' | 'problems' | 'label'> {
  name: Name
}

/**
 * A repeated part of the record form (contacts, sources, own words): a heading and hint, then one
 * fieldset per row, numbered from 1, with the `fields` described, each named `group-index-field`.
 * A row that is not blank gets a "remove" box; a blank one is for adding, and is ignored when saved.
 * @example <RecordFormRows group="sources" heading="Sources" hint="…" rows={rows} problems={problems} isBlank={isBlankSource} legend={(row, number) => `Source ${number}`} removeLabel="Remove this source" fields={[{ name: 'url', control: 'url' }]} />
 */
export function RecordFormRows<Name extends string, Row extends Record<Name, string> & { remove: boolean }>(props: {
  group: 'contacts' | 'sources' | 'ownWords'
  heading: string
  hint: string
  rows: Row[]
  problems: FormProblem[]
  isBlank: (row: Row) => boolean
  legend: (row: Row, number: number, blank: boolean) => string
  removeLabel: string
  fields: RowField<Name>[]
}) {
  const { group } = props
  return (
    <section aria-labelledby={`${group}-heading`}>
      <h2 id={`${group}-heading`}>{props.heading}</h2>
      <p class="hint">{props.hint}</p>
      {props.rows.map((row, index) => {
        const id = (field: string) => `${group}-${index}-${field}`
        const blank = props.isBlank(row) && !row.remove
        return (
          <fieldset id={`${group}-${index}`}>
            <legend>{props.legend(row, index + 1, blank)}</legend>
            {props.fields.map(({ name, ...field }) => (
              <RecordFormField
                {...field}
                id={id(name)}
                label={RECORD_FORM_LABELS[name] ?? name}
                value={row[name]}
                problems={props.problems}
              />
            ))}
            {!blank && (
              <div class="field">
                <input type="checkbox" id={id('remove')} name={id('remove')} value="1" checked={row.remove} />{' '}
                <label for={id('remove')}>{props.removeLabel}</label>
              </div>
            )}
          </fieldset>
        )
      })}
    </section>
  )
}
