import type { AuditEntry } from '../directory/auditTrail'
import { fieldChanges } from './fieldChanges'

const ACTIONS: Record<string, string> = {
  create: 'created',
  edit: 'edited',
  confirm: 'confirmed as checked',
  retire: 'retired',
  import: 'imported',
  remove: 'removed by an import',
}

/** A record's audit trail: who, when, what, and every changed field before → after. */
export function HistoryList(props: { entries: AuditEntry[] }) {
  if (props.entries.length === 0) return <p class="notice">No changes have been made to this record in the console yet (it comes from the seed data).</p>
  return (
    <ol class="history">
      {props.entries.map((entry) => {
        const changes = fieldChanges(entry.before, entry.after)
        return (
          <li>
            <h2>
              <time datetime={entry.at}>{entry.at.replace('T', ' ').slice(0, 19)} UTC</time> · {entry.curatorName} · {ACTIONS[entry.action] ?? entry.action}
            </h2>
            <p class="hint">{madeBy(entry)}</p>
            {changes.length === 0 ? (
              <p class="hint">No field changed (the record was confirmed as it was).</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th scope="col">Field</th>
                    <th scope="col">Before</th>
                    <th scope="col">After</th>
                  </tr>
                </thead>
                <tbody>
                  {changes.map((change) => (
                    <tr>
                      <th scope="row">{change.field}</th>
                      <td>
                        <del>
                          <pre>{change.before}</pre>
                        </del>
                      </td>
                      <td>
                        <ins>
                          <pre>{change.after}</pre>
                        </ins>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </li>
        )
      })}
    </ol>
  )
}

/** The account behind a change, by its id: "By Anna K. (anna)", still found after a rename or when disabled. */
function madeBy(entry: AuditEntry): string {
  const { account } = entry
  if (!account) return `By ${entry.curatorName} (not a curator account, or recorded before accounts were linked).`
  const renamed = account.displayName === entry.curatorName ? '' : `, named “${entry.curatorName}” at the time`
  return `By ${account.displayName} (${account.login})${renamed}${account.disabled ? '; the account is now disabled' : ''}.`
}
