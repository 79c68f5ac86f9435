import type { Initiative } from '../../core/directory/initiativeSchema'
import { checkState } from '../../core/directory/checkState'
import type { CuratorAccount } from '../auth/curatorAccount'
import { canEdit } from '../directory/canEdit'
import { ConsoleTable } from '../shared/ConsoleTable'

/** The record list: each row links to the record and offers "confirm checked today" when the curator may. */
export function RecordTable(props: {
  records: Initiative[]
  curator: CuratorAccount
  csrf: string
  nowMs: number
  today: string
  back: string
}) {
  return (
    <ConsoleTable
      caption={`${props.records.length} record(s)`}
      headings={['Name', 'Countries', 'Category', 'Status', 'Last checked', 'Actions']}
      items={props.records}
      empty={<p class="notice">No record matches these filters.</p>}
      row={(record) => {
        const check = checkState(record.lastChecked, props.nowMs)
        const editable = canEdit(props.curator, record)
        return (
          <tr id={`record-${record.id}`}>
            <td>
              <a href={`/admin/records/${record.id}`}>{record.name}</a>
              <div class="hint">{[record.id, record.organisation].filter(Boolean).join(' · ')}</div>
            </td>
            <td>{record.countries.join(', ') || '—'}</td>
            <td>{(record.tags.jrc_category ?? []).join(', ') || '—'}</td>
            <td>
              <span class={`tag ${record.status}`}>{record.status}</span>
            </td>
            <td>
              {record.lastChecked === null ? (
                <span class="tag never">never checked</span>
              ) : (
                <>
                  {record.lastChecked}
                  {record.checkedBy && <div class="hint">{`by ${record.checkedBy}`}</div>}{' '}
                  {check === 'stale' && <span class="tag stale">over 12 months</span>}
                </>
              )}
            </td>
            <td class="row-actions">
              {editable && record.lastChecked !== props.today && (
                <form method="post" action={`/admin/records/${record.id}/confirm`} class="inline">
                  <input type="hidden" name="csrf" value={props.csrf} />
                  <input type="hidden" name="back" value={props.back} />
                  <button type="submit" aria-label={`Confirm checked today: ${record.name}`}>
                    Confirm checked today
                  </button>
                </form>
              )}{' '}
              <a href={`/admin/records/${record.id}/history`}>History</a>
            </td>
          </tr>
        )
      }}
    />
  )
}
