/**
 * A dashboard row's first cell: the record's name, linked to its page, and its id beneath.
 * @example <tr id={`stale-${service.id}`}><RecordCell id={service.id} name={service.name} /><td>…</td></tr>
 */
export function RecordCell(props: { id: string; name: string }) {
  return (
    <td>
      <a href={`/admin/records/${props.id}`}>{props.name}</a>
      <div class="hint">{props.id}</div>
    </td>
  )
}
