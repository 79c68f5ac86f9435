import type { Child } from 'hono/jsx'

/**
 * A repeated part of the record form (contacts, sources, own words): a heading and hint, then one
 * fieldset per row, numbered from 1, its fields named `group-index-field`. A row that is not blank
 * gets a "remove" box; a blank one is for adding, and is ignored when saved.
 * @example <RecordFormRows group="sources" heading="Sources" hint="…" rows={rows} isBlank={isBlankSource} legend={(row, number) => `Source ${number}`} removeLabel="Remove this source" fields={(row, id) => <RecordFormField id={id('url')} … />} />
 */
export function RecordFormRows<Row extends { remove: boolean }>(props: {
  group: 'contacts' | 'sources' | 'ownWords'
  heading: string
  hint: string
  rows: Row[]
  isBlank: (row: Row) => boolean
  legend: (row: Row, number: number, blank: boolean) => string
  removeLabel: string
  fields: (row: Row, id: (field: string) => string) => Child
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
            {props.fields(row, id)}
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
