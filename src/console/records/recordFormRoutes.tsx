import { Hono, type Context } from 'hono'
import { InitiativeSchema } from '../../core/directory/initiativeSchema'
import { canEdit } from '../directory/canEdit'
import { recordVersion } from '../directory/recordVersion'
import type { AdminDeps, AdminEnv } from '../shared/adminEnv'
import { consoleMessagePage } from '../shared/ConsoleMessagePage'
import { parseRecordForm } from './parseRecordForm'
import { recordFormCandidate } from './recordFormCandidate'
import { recordFormIssues } from './recordFormIssues'
import { recordFormPage } from './recordFormPage'
import { recordFormRefusal } from './recordFormRefusal'
import { recordFormValues } from './recordFormValues'
import { refusalText } from '../shared/refusalText'

/**
 * Creating and editing one directory record (`/new` and `/:id` under /admin/records). Every save
 * goes through curatorDirectory (data:check's rules, one transaction with its audit entry, the
 * public cache refreshed); a refused one re-renders the form with everything the curator typed.
 * @example app.route('/records', recordFormRoutes(deps))
 */
export function recordFormRoutes(deps: Pick<AdminDeps, 'directory' | 'now'>) {
  const app = new Hono<AdminEnv>()
  const today = () => deps.now().toISOString().slice(0, 10)

  // `/new` before `/:id`, so that "new" is never read as a record id.
  app.get('/new', async (c) => {
    const data = await deps.directory.load()
    return recordFormPage(c, { mode: 'new', values: recordFormValues(undefined, ''), taxonomy: data.taxonomy, problems: [] })
  })

  app.post('/new', (c) => save(c, undefined))

  app.get('/:id', async (c) => {
    const data = await deps.directory.load()
    const record = data.initiatives.find((candidate) => candidate.id === c.req.param('id'))
    if (!record) return c.notFound()
    return recordFormPage(c, {
      mode: canEdit(c.get('curator'), record) ? 'edit' : 'view',
      record,
      values: recordFormValues(record, recordVersion(record)),
      taxonomy: data.taxonomy,
      problems: [],
      done: c.req.query('done'),
    })
  })

  app.post('/:id', (c) => save(c, c.req.param('id')))

  /** Creates (`id` undefined: the id comes from the form) or edits the record `id`. */
  async function save(c: Context<AdminEnv>, id: string | undefined) {
    const curator = c.get('curator')
    const data = await deps.directory.load()
    const before = id === undefined ? undefined : data.initiatives.find((candidate) => candidate.id === id)
    if (id !== undefined && !before) return c.notFound()
    if (before && !canEdit(curator, before))
      return consoleMessagePage(c, 'Not saved', refusalText({ kind: 'forbidden', ids: [before.id] }), 403)
    const typed = parseRecordForm(await c.req.parseBody({ all: true }), data.taxonomy)
    const values = before ? { ...typed, id: before.id } : typed
    const recordId = values.id.trim()
    const view = { mode: before ? 'edit' : 'new', record: before, values, taxonomy: data.taxonomy } as const
    const built = recordFormCandidate(values, recordId, { today: today(), curator: curator.displayName }, before)
    const parsed = InitiativeSchema.safeParse(built.candidate)
    const problems = [
      ...(before || recordId !== 'new'
        ? []
        : [{ field: 'id', label: 'Id', message: '"new" is the address of this form; choose another id.' }]),
      ...recordFormIssues(parsed.error?.issues ?? [], built),
    ]
    if (!parsed.success || problems.length > 0) return recordFormPage(c, { ...view, problems }, 422)
    // Saved as it was: no change to record, and no empty "edited" entry in the history.
    if (before && values.baseVersion === recordVersion(before) && JSON.stringify(parsed.data) === JSON.stringify(before)) {
      return c.redirect(`/admin/records/${recordId}?done=unchanged`, 303)
    }
    const result = await deps.directory.saveInitiative(
      curator,
      parsed.data,
      before ? { action: 'edit', baseVersion: values.baseVersion } : { action: 'create' },
    )
    if (!result.ok) {
      const refusal = recordFormRefusal(result.error, recordId, values, built)
      return recordFormPage(
        c,
        { ...view, problems: refusal.problems, refused: refusalText(result.error), conflict: result.error.kind === 'conflict' },
        refusal.status,
      )
    }
    return c.redirect(`/admin/records/${recordId}?done=${before ? 'saved' : 'created'}`, 303)
  }

  return app
}
