import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { Initiative } from '../../core/directory/initiativeSchema'
import type { Taxonomy } from '../../core/directory/taxonomySchema'
import type { CuratorAccount } from '../auth/curatorAccount'
import { consolePage } from '../shared/consolePage'
import type { AdminEnv } from '../shared/adminEnv'
import { RecordForm } from './RecordForm'
import type { FormProblem } from './recordFormIssues'
import type { RecordFormValues } from './recordFormValues'

/** What one record page shows: a new record, an editable one, or one this curator may only read. */
export interface RecordPageView {
  mode: 'new' | 'edit' | 'view'
  values: RecordFormValues
  taxonomy: Taxonomy
  problems: FormProblem[]
  /** The record as stored (edit and view). */
  record?: Initiative
  /** Why nothing was saved (the summary's first line). */
  refused?: string
  /** The save lost a race: offer the current version. */
  conflict?: boolean
  /** ?done= after a save (created, saved, confirmed). */
  done?: string
}

const DONE: Record<string, string> = {
  created: 'created',
  saved: 'saved',
  unchanged: 'nothing was changed, so nothing was saved',
  confirmed: 'confirmed as checked today',
}

/**
 * The record page: notices, the record's links and "confirm checked today", the error summary
 * (links to each field) and the form.
 * @example return recordFormPage(c, { mode: 'new', values, taxonomy, problems: [] })
 */
export function recordFormPage(c: Context<AdminEnv>, view: RecordPageView, status: ContentfulStatusCode = 200) {
  const { record, problems } = view
  const curator = c.get('curator')
  const csrf = c.get('csrf')
  const title =
    view.mode === 'new' ? 'New record' : view.mode === 'edit' ? `Edit ${record?.name ?? view.values.id}` : (record?.name ?? view.values.id)
  const done = view.done ? DONE[view.done] : undefined
  const action = view.mode === 'new' ? '/admin/records/new' : `/admin/records/${view.values.id}`
  return consolePage(
    c,
    { title, section: '/admin/records' },
    <>
      <h1>{title}</h1>
      {done && record && (
        <p class="ok" role="status">
          {`${record.name}: ${done}.`}
        </p>
      )}
      {view.mode === 'view' && <p class="notice">{readOnlyReason(curator)}</p>}
      {record && (
        <div class="actions">
          <a href="/admin/records">All records</a>
          <a href={`/admin/records/${record.id}/history`}>History</a>
          {view.mode === 'edit' && <a href={`/admin/records/${record.id}/retire`}>Retire</a>}
          {view.mode === 'edit' && (
            <form method="post" action={`/admin/records/${record.id}/confirm`} class="inline">
              <input type="hidden" name="csrf" value={csrf} />
              <input type="hidden" name="back" value={`/admin/records/${record.id}`} />
              <button type="submit">Confirm checked today</button>
            </form>
          )}
        </div>
      )}
      {(view.refused || problems.length > 0) && (
        <div class="error summary" role="alert" id="problems">
          <p>
            <strong>{view.refused ?? 'Nothing was saved: correct the problems below. Everything you typed is still in the form.'}</strong>
          </p>
          {view.conflict && (
            <p>
              <a href={action}>Open the current version</a> (your changes below are not carried over: copy what you need first).
            </p>
          )}
          {problems.length > 0 && (
            <ul>
              {problems.map((problem) => (
                <li>
                  {problem.field ? (
                    <a href={`#${problem.field}`}>{`${problem.label}: ${problem.message}`}</a>
                  ) : (
                    `${problem.label}: ${problem.message}`
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <RecordForm
        values={view.values}
        taxonomy={view.taxonomy}
        problems={problems}
        action={action}
        csrf={csrf}
        isNew={view.mode === 'new'}
        readOnly={view.mode === 'view'}
        stored={record}
      />
    </>,
    status,
  )
}

/** The sentence a curator reads on a record outside their scope (canEdit). */
function readOnlyReason(curator: CuratorAccount): string {
  const scope = [
    curator.organisation && `of the organisation ${curator.organisation}`,
    curator.country && `that serve ${curator.country} and no other country`,
  ]
    .filter(Boolean)
    .join(' or ')
  return `You can read this record but not change it: your editor account changes only records ${scope || 'of its own organisation or country'}, and this record is neither. An administrator can change it.`
}
