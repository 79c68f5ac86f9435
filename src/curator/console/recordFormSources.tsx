import { RecordFormField } from './recordFormField'
import type { FormProblem } from './recordFormIssues'
import { isBlankSource, type SourceValues } from './recordFormValues'

/**
 * One fieldset per source (the page a fact comes from), then one empty one for adding.
 * @example <RecordFormSources rows={rows} problems={problems} />
 */
export function RecordFormSources(props: { rows: SourceValues[]; problems: FormProblem[] }) {
  return (
    <section aria-labelledby="sources-heading">
      <h2 id="sources-heading">Sources</h2>
      <p class="hint">
        At least one: the page these facts come from, the date it shows and what it supports. A box left entirely empty is ignored; to add more than the empty box below, save and another appears.
      </p>
      {props.rows.map((row, index) => {
        const id = (field: string) => `sources-${index}-${field}`
        const blank = isBlankSource(row) && !row.remove
        return (
          <fieldset id={`sources-${index}`}>
            <legend>{blank ? `Source ${index + 1} (new)` : `Source ${index + 1}`}</legend>
            <RecordFormField id={id('url')} label="Address (URL)" value={row.url} problems={props.problems} control="url" hint="Starting with https://." />
            <RecordFormField id={id('date')} label="Date the page shows" value={row.date} problems={props.problems} hint='e.g. 2026-03-01, 2024-05, ~2020, or "undated".' />
            <RecordFormField id={id('supports')} label="What it supports" value={row.supports} problems={props.problems} hint="The facts this page supports, e.g. hours, phone number, target groups." />
            {!blank && (
              <div class="field">
                <input type="checkbox" id={id('remove')} name={id('remove')} value="1" checked={row.remove} /> <label for={id('remove')}>Remove this source</label>
              </div>
            )}
          </fieldset>
        )
      })}
    </section>
  )
}
