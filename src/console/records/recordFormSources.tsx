import { RecordFormField } from './recordFormField'
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
      isBlank={isBlankSource}
      legend={(_row, number, blank) => (blank ? `Source ${number} (new)` : `Source ${number}`)}
      removeLabel="Remove this source"
      fields={(row, id) => (
        <>
          <RecordFormField
            id={id('url')}
            label="Address (URL)"
            value={row.url}
            problems={props.problems}
            control="url"
            hint="Starting with https://."
          />
          <RecordFormField
            id={id('date')}
            label="Date the page shows"
            value={row.date}
            problems={props.problems}
            hint='e.g. 2026-03-01, 2024-05, ~2020, or "undated".'
          />
          <RecordFormField
            id={id('supports')}
            label="What it supports"
            value={row.supports}
            problems={props.problems}
            hint="The facts this page supports, e.g. hours, phone number, target groups."
          />
        </>
      )}
    />
  )
}
