import type { FormProblem } from './recordFormIssues'
import { RecordFormRows } from './recordFormRows'
import { isBlankSource, type SourceValues } from './recordFormValues'

/**
 * One fieldset per source (the page a fact comes from), then one empty one for adding.
 * @example <RecordFormSources rows={rows} problems={problems} />
 */
export function RecordFormSources(props: { rows: SourceValues[]; problems: FormProblem[] }) {
  return (
    <RecordFormRows
      group="sources"
      heading="Sources"
      hint="At least one: the page these facts come from, the date it shows and what it supports. A box left entirely empty is ignored; to add more than the empty box below, save and another appears."
      rows={props.rows}
      problems={props.problems}
      isBlank={isBlankSource}
      legend={(_row, number, blank) => (blank ? `Source ${number} (new)` : `Source ${number}`)}
      removeLabel="Remove this source"
      fields={[
        { name: 'url', control: 'url', hint: 'Starting with https://.' },
        { name: 'date', hint: 'e.g. 2026-03-01, 2024-05, ~2020, or "undated".' },
        { name: 'supports', hint: 'The facts this page supports, e.g. hours, phone number, target groups.' },
      ]}
    />
  )
}
