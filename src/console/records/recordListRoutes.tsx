import { Hono, type Context } from 'hono'
import * as z from 'zod'
import type { ChangeRefused } from '../directory/curatorDirectory'
import { consolePage } from '../shared/consolePage'
import { consoleMessagePage } from '../shared/ConsoleMessagePage'
import { fieldNotes } from '../shared/FieldNotes'
import type { AdminDeps, AdminEnv } from '../shared/adminEnv'
import { historyPage } from '../shared/HistoryList'
import { RecordFiltersSchema, filterRecords } from './recordFilters'
import { RecordTable } from './RecordTable'
import { refusalText } from '../shared/refusalText'

const DONE: Record<string, string> = {
  confirmed: 'confirmed as checked today',
  saved: 'saved',
  created: 'created',
  retired: 'retired: it is no longer shown to anyone, and its history is kept',
}

/** Only a path back into the record list may be a redirect target (no open redirect). */
const BackSchema = z
  .string()
  .regex(/^\/admin\/records(\/[a-z0-9-]+)?(\?[^\s#]*)?$/)
  .catch('/admin/records')
const SECTION = '/admin/records'
const RetireForm = z.object({ note: z.string().trim().min(3).max(500) })

/**
 * The record list with its filters, "confirm checked today" (one click), retiring a record (kept,
 * with its history; only active records are ever shown to people) and each record's history.
 */
export function recordListRoutes(deps: Pick<AdminDeps, 'directory' | 'now'>) {
  const app = new Hono<AdminEnv>()

  app.get('/', async (c) => {
    const data = await deps.directory.load()
    const filters = RecordFiltersSchema.parse(c.req.query())
    const now = deps.now()
    const records = filterRecords(data.initiatives, filters, c.get('curator'), now.getTime())
    const countries = [...new Set(data.initiatives.flatMap((record) => record.countries))].sort()
    const categories = data.taxonomy.criteria.find((criterion) => criterion.id === 'jrc_category')?.tags ?? []
    const done = DONE[c.req.query('done') ?? '']
    const doneId = c.req.query('id')
    const back = `/admin/records${new URL(c.req.url).search}`
    return consolePage(
      c,
      { title: 'Records', section: SECTION },
      <>
        <h1>Records</h1>
        {done && doneId && (
          <p class="ok" role="status">
            {`${doneId}: ${done}.`}
          </p>
        )}
        <p>
          <a class="button" href="/admin/records/new">
            New record
          </a>
        </p>
        {/* biome-ignore lint/a11y/useSemanticElements: <search> is too new for some curators' browsers; the role says the same */}
        <form method="get" action="/admin/records" class="filters" role="search">
          <label>
            Search
            <input type="search" name="q" value={filters.q} placeholder="name, id or organisation" />
          </label>
          <FilterSelect label="Country" name="country" value={filters.country} choices={countries.map((code) => [code, code])} />
          <FilterSelect label="Category" name="category" value={filters.category} choices={categories.map((tag) => [tag.id, tag.label])} />
          <FilterSelect
            label="Status"
            name="status"
            value={filters.status}
            choices={['active', 'doubtful', 'closed'].map((status) => [status, status])}
          />
          <FilterSelect
            label="Last checked"
            name="checked"
            any="any time"
            value={filters.checked}
            choices={[
              ['never', 'never checked'],
              ['stale', 'over 12 months ago'],
              ['fresh', 'within 12 months'],
            ]}
          />
          <label>
            <span>
              <input type="checkbox" name="mine" value="1" checked={filters.mine === '1'} /> Only records I may edit
            </span>
          </label>
          <button type="submit">Filter</button>
        </form>
        <RecordTable
          records={records}
          curator={c.get('curator')}
          csrf={c.get('csrf')}
          nowMs={now.getTime()}
          today={now.toISOString().slice(0, 10)}
          back={back}
        />
      </>,
    )
  })

  app.post('/:id/confirm', async (c) => {
    const id = c.req.param('id')
    const back = BackSchema.parse((await c.req.parseBody()).back)
    const record = (await deps.directory.load()).initiatives.find((candidate) => candidate.id === id)
    if (!record) return c.redirect(back, 303)
    // A check is a day and a checker: the curator who clicked, by the name the history shows.
    const curator = c.get('curator')
    const check = { lastChecked: deps.now().toISOString().slice(0, 10), checkedBy: curator.displayName }
    const result = await deps.directory.saveInitiative(
      curator,
      { id, update: (stored) => ({ ...stored, ...check }) },
      { action: 'confirm' },
    )
    if (!result.ok) return notSavedPage(c, record.name, result.error)
    return c.redirect(`${back}${back.includes('?') ? '&' : '?'}done=confirmed&id=${encodeURIComponent(id)}#record-${id}`, 303)
  })

  app.get('/:id/retire', async (c) => {
    const record = (await deps.directory.load()).initiatives.find((candidate) => candidate.id === c.req.param('id'))
    if (!record) return c.notFound()
    return retirePage(c, record.id, record.name)
  })

  app.post('/:id/retire', async (c) => {
    const record = (await deps.directory.load()).initiatives.find((candidate) => candidate.id === c.req.param('id'))
    if (!record) return c.notFound()
    const form = RetireForm.safeParse(await c.req.parseBody())
    if (!form.success)
      return retirePage(c, record.id, record.name, 'Say in a few words why the service is retired (at least 3 characters).')
    const result = await deps.directory.saveInitiative(
      c.get('curator'),
      { id: record.id, update: (stored) => ({ ...stored, status: 'closed', statusNote: form.data.note }) },
      { action: 'retire' },
    )
    if (!result.ok) return notSavedPage(c, record.name, result.error)
    return c.redirect(`/admin/records?done=retired&id=${encodeURIComponent(record.id)}`, 303)
  })

  app.get('/:id/history', (c) =>
    historyPage(c, deps.directory, { subject: 'initiative', id: c.req.param('id'), section: SECTION, back: 'Back to the record' }),
  )

  /** The retire form: asks why, because the reason is what the next curator needs to know. Shown again (400) with `error`. */
  function retirePage(c: Context<AdminEnv>, id: string, name: string, error?: string) {
    const notes = fieldNotes(
      'note',
      'For example: "The service closed in October 2026 (phone call to the organisation)."',
      error ? [{ field: 'note', message: error }] : [],
    )
    return consolePage(
      c,
      { title: `Retire ${name}`, section: SECTION },
      <>
        <h1>Retire {name}</h1>
        <p>
          A retired record stays in the directory with its history, marked closed: it is never shown to a person as a service. It can be
          made active again by editing it.
        </p>
        <form method="post" action={`/admin/records/${id}/retire`}>
          <input type="hidden" name="csrf" value={c.get('csrf')} />
          <div class="field">
            <label for="note">Why is it retired?</label>
            {notes.element}
            <textarea id="note" name="note" required {...notes.aria}></textarea>
          </div>
          <button type="submit" class="danger">
            Retire this record
          </button>
        </form>
      </>,
      error ? 400 : 200,
    )
  }

  /** A change the directory refused: why, with the rules it would break if any. */
  function notSavedPage(c: Context<AdminEnv>, name: string, refusal: ChangeRefused) {
    return consoleMessagePage(c, `${name}: not saved`, refusalText(refusal), 422, refusal.kind === 'invalid' ? refusal.problems : [])
  }

  return app
}

/** One filter of the record list: a drop-down of its choices after "any", the current one selected. */
function FilterSelect(props: {
  label: string
  name: string
  any?: string
  value: string | undefined
  choices: readonly (readonly [value: string, label: string])[]
}) {
  return (
    <label>
      {props.label}
      <select name={props.name}>
        <option value="">{props.any ?? 'any'}</option>
        {props.choices.map(([value, label]) => (
          <option value={value} selected={props.value === value}>
            {label}
          </option>
        ))}
      </select>
    </label>
  )
}
