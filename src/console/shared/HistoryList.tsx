import type { Context } from 'hono'
import type { AuditEntry } from '../directory/auditTrail'
import type { CuratorDirectory } from '../directory/curatorDirectory'
import { consolePage } from './consolePage'
import type { AdminEnv } from './adminEnv'
import { ConsoleTable } from './ConsoleTable'
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
  if (props.entries.length === 0)
    return <p class="notice">No changes have been made to this record in the console yet (it comes from the seed data).</p>
  return (
    <ol class="history">
      {props.entries.map((entry) => {
        const changes = fieldChanges(entry.before, entry.after)
        return (
          <li>
            <h2>
              <time datetime={entry.at}>{entry.at.replace('T', ' ').slice(0, 19)} UTC</time> · {entry.curatorName} ·{' '}
              {ACTIONS[entry.action] ?? entry.action}
            </h2>
            <p class="hint">{madeBy(entry)}</p>
            <ConsoleTable
              headings={['Field', 'Before', 'After']}
              items={changes}
              empty={<p class="hint">No field changed (the record was confirmed as it was).</p>}
              row={(change) => (
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
              )}
            />
          </li>
        )
      })}
    </ol>
  )
}

/**
 * The history page of a record or a partner: its audit trail, with a link back to it. Not found
 * only when there is neither the subject nor any history of it (a removed one keeps its history).
 * @example return historyPage(c, deps.directory, { subject: 'initiative', id, section: '/admin/records', back: 'Back to the record' })
 */
export async function historyPage(
  c: Context<AdminEnv>,
  directory: Pick<CuratorDirectory, 'load' | 'audit'>,
  page: { subject: 'initiative' | 'partner'; id: string; section: string; back: string },
) {
  const { id, section } = page
  const data = await directory.load()
  const subject = (page.subject === 'partner' ? data.partners : data.initiatives).find((candidate) => candidate.id === id)
  const entries = directory.audit.of(page.subject, id)
  if (!subject && entries.length === 0) return c.notFound()
  return consolePage(
    c,
    { title: `History of ${id}`, section },
    <>
      <h1>History of {subject?.name ?? id}</h1>
      <p>
        <a href={`${section}/${id}`}>{page.back}</a>
      </p>
      <HistoryList entries={entries} />
    </>,
  )
}

/** The account behind a change, by its id: "By Anna K. (anna)", still found after a rename or when disabled. */
function madeBy(entry: AuditEntry): string {
  const { account } = entry
  if (!account) return `By ${entry.curatorName} (not a curator account, or recorded before accounts were linked).`
  const renamed = account.displayName === entry.curatorName ? '' : `, named “${entry.curatorName}” at the time`
  return `By ${account.displayName} (${account.login})${renamed}${account.disabled ? '; the account is now disabled' : ''}.`
}
