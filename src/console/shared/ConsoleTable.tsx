import type { Child } from 'hono/jsx'

/**
 * A console list as a table: an optional caption (as a hint), the column headings, then one `<tr>`
 * per item as `row` draws it (its cells, and a `<th scope="row">` where a row has a name). With
 * `empty`, that stands instead of the table when there is no item (`empty={null}`: nothing does);
 * without it, the table is shown even when empty.
 * @example <ConsoleTable id="events" headings={['When (UTC)', 'What happened']} items={events} empty={<p class="notice">None yet.</p>} row={(event) => <tr><td>{event.at}</td><td>{event.kind}</td></tr>} />
 */
export function ConsoleTable<Item>(props: {
  id?: string
  class?: string
  caption?: Child
  headings: Child[]
  items: readonly Item[]
  row: (item: Item) => Child
  empty?: Child
}) {
  if (props.items.length === 0 && props.empty !== undefined) return <>{props.empty}</>
  return (
    <table id={props.id} class={props.class}>
      {props.caption !== undefined && <caption class="hint">{props.caption}</caption>}
      <thead>
        <tr>
          {props.headings.map((heading) => (
            <th scope="col">{heading}</th>
          ))}
        </tr>
      </thead>
      <tbody>{props.items.map((item) => props.row(item))}</tbody>
    </table>
  )
}
