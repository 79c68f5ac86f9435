import { Hono, type Context } from 'hono'
import type { Child } from 'hono/jsx'
import * as z from 'zod'
import type { DirectoryData } from '../../core/directory/directoryData'
import { initiativesToCsv } from '../../curation/initiativesToCsv'
import { initiativesToJson } from '../../curation/initiativesToJson'
import { planImport, type ImportPlan } from '../../curation/planImport'
import type { CuratorAccount } from '../auth/curatorAccount'
import { canEdit } from '../directory/canEdit'
import { scopeProblems } from '../directory/scopeProblems'
import { consolePage } from '../shared/consolePage'
import type { AdminDeps, AdminEnv } from '../shared/adminEnv'
import { ImportPreview } from './ImportPreview'
import { refusalText } from '../shared/refusalText'

const OUT_OF_REACH =
  'your account may not change this record (an editor changes the records of their own organisation, and those that serve their own country and no other)'
const Mode = z.enum(['upsert', 'replace']).catch('upsert')
const Upload = z.object({ file: z.instanceof(File), mode: Mode })
/** The apply form carries the previewed file back, and what the preview promised (ids per outcome). */
const Apply = z.object({
  text: z.string().min(1),
  format: z.enum(['csv', 'json']),
  fileName: z.string().max(300),
  mode: Mode,
  promised: z.string().max(2_000_000),
})

/**
 * Import and export in the browser. An upload is previewed with the same importer as
 * `npm run data:import` (planImport): every row with what it would do or every reason it fails.
 * Applying re-plans against the directory as it is then, and is all or nothing.
 */
export function importRoutes(deps: Pick<AdminDeps, 'directory' | 'now'>) {
  const app = new Hono<AdminEnv>()

  app.get('/import', (c) => {
    const done =
      c.req.query('done') === '1'
        ? (['added', 'changed', 'removed'] as const).map((key) => `${key}: ${c.req.query(key) || 'none'}`).join('; ')
        : undefined
    return page(c, done ? <p class="ok" role="status">{`Imported. ${done}. The public results use it now.`}</p> : undefined)
  })

  app.post('/import', async (c) => {
    const upload = Upload.safeParse(await c.req.parseBody())
    if (!upload.success || upload.data.file.size === 0)
      return page(
        c,
        <p class="error" role="alert">
          Choose a .csv or .json file to upload. Nothing was changed.
        </p>,
        400,
      )
    const { file, mode } = upload.data
    const format = formatOf(file.name)
    if (!format)
      return page(c, <p class="error" role="alert">{`${file.name}: expected a .csv or .json file. Nothing was changed.`}</p>, 400)
    const text = await file.text()
    return preview(c, { text, format, fileName: file.name, mode })
  })

  app.post('/import/apply', async (c) => {
    const form = Apply.safeParse(await c.req.parseBody())
    if (!form.success)
      return page(
        c,
        <p class="error" role="alert">
          The preview could not be read back. Nothing was changed. Upload the file again.
        </p>,
        400,
      )
    const { text, format, mode, promised } = form.data
    const data = await deps.directory.load()
    const planned = plan(data, c.get('curator'), { text, format, mode })
    if (!planned.plan.ok || !planned.merged)
      return preview(c, form.data, 'The directory changed since the preview, and the file no longer imports cleanly. Nothing was changed.')
    if (promiseOf(planned.plan, planned.removed) !== promised)
      return preview(
        c,
        form.data,
        'The directory changed since the preview, so the import would now do something else. Check this new preview. Nothing was changed.',
      )
    const result = await deps.directory.replaceInitiatives(c.get('curator'), planned.merged)
    if (!result.ok) return preview(c, form.data, refusalText(result.error))
    const { added, changed, removed } = result.value
    const query = new URLSearchParams({ done: '1', added: added.join(', '), changed: changed.join(', '), removed: removed.join(', ') })
    return c.redirect(`/admin/import?${query}`, 303)
  })

  app.get('/export/initiatives.csv', async (c) => {
    const data = await deps.directory.load()
    return download(c, initiativesToCsv(data.initiatives, data.taxonomy), 'text/csv; charset=utf-8', 'initiatives.csv')
  })
  app.get('/export/initiatives.json', async (c) => {
    const data = await deps.directory.load()
    return download(c, initiativesToJson(data.initiatives, data.taxonomy), 'application/json; charset=utf-8', 'initiatives.json')
  })

  async function preview(
    c: Context<AdminEnv>,
    upload: { text: string; format: 'csv' | 'json'; fileName: string; mode: 'upsert' | 'replace' },
    notice?: string,
  ) {
    const planned = plan(await deps.directory.load(), c.get('curator'), upload)
    return page(
      c,
      <>
        {notice && (
          <p class="error" role="alert">
            {notice}
          </p>
        )}
        <ImportPreview plan={planned.plan} fileName={upload.fileName} removed={planned.removed} />
        {planned.plan.ok && (
          <form method="post" action="/admin/import/apply">
            <input type="hidden" name="csrf" value={c.get('csrf')} />
            <input type="hidden" name="text" value={upload.text} />
            <input type="hidden" name="format" value={upload.format} />
            <input type="hidden" name="fileName" value={upload.fileName} />
            <input type="hidden" name="mode" value={upload.mode} />
            <input type="hidden" name="promised" value={promiseOf(planned.plan, planned.removed)} />
            <button type="submit" class="primary">
              Apply all of it
            </button>{' '}
            <a href="/admin/import">Cancel</a>
          </form>
        )}
      </>,
      planned.plan.ok ? 200 : 422,
    )
  }

  function page(c: Context<AdminEnv>, body: Child, status: 200 | 400 | 422 = 200) {
    const admin = c.get('curator').role === 'admin'
    return consolePage(
      c,
      { title: 'Import and export', section: '/admin/import' },
      <>
        <h1>Import and export</h1>
        {body}
        <h2>Import a spreadsheet or a JSON file</h2>
        <p>
          The file has the columns of the export below (see <code>docs/data-format.md</code>). You will see a preview of every row first;
          nothing changes until you apply it, and then either everything is imported or nothing is.
        </p>
        <p class="hint">
          A row may say that its record was checked against its sources only with both <code>lastChecked</code> (the day) and{' '}
          <code>checkedBy</code> (who checked); leave both empty when nobody compared it with its sources. A row with one and not the other
          is refused.
        </p>
        <form method="post" action="/admin/import" enctype="multipart/form-data">
          <input type="hidden" name="csrf" value={c.get('csrf')} />
          <div class="field">
            <label for="file">File (.csv or .json)</label>
            <input type="file" id="file" name="file" accept=".csv,.json,text/csv,application/json" required />
          </div>
          <fieldset>
            <legend>How the file is used</legend>
            <label>
              <input type="radio" name="mode" value="upsert" checked /> Add its records and update those with the same id; keep all others
            </label>
            {admin && (
              <>
                <br />
                <label>
                  <input type="radio" name="mode" value="replace" /> Replace the whole directory with the file (records not in it are
                  removed)
                </label>
              </>
            )}
          </fieldset>
          <button type="submit" class="primary">
            Preview the import
          </button>
        </form>
        <h2>Export</h2>
        <p>The whole directory as it is now, in the same formats the import reads.</p>
        <ul>
          <li>
            <a href="/admin/export/initiatives.csv">initiatives.csv</a> (for spreadsheets)
          </li>
          <li>
            <a href="/admin/export/initiatives.json">initiatives.json</a> (the shape of data/initiatives.json)
          </li>
        </ul>
      </>,
      status,
    )
  }

  /**
   * The plan, with rows outside an editor's scope failing too, and the list to save: the current
   * records with the file's added and changed ones (so unchanged records stay exactly as stored).
   */
  function plan(
    data: DirectoryData,
    curator: CuratorAccount,
    upload: { text: string; format: 'csv' | 'json'; mode: 'upsert' | 'replace' },
  ) {
    const mode = curator.role === 'admin' ? upload.mode : 'upsert'
    const found = planImport({ text: upload.text, format: upload.format, current: data, mode, today: deps.now() })
    const merged = found.merged
    const removed = merged?.removed ?? []
    const current = new Map(data.initiatives.map((record) => [record.id, record]))
    const incoming = new Map((merged?.initiatives ?? []).map((record) => [record.id, record]))
    for (const row of found.rows) {
      const record = row.id === undefined ? undefined : incoming.get(row.id)
      const before = row.id === undefined ? undefined : current.get(row.id)
      if (row.outcome === 'unchanged' || !record) continue
      // The same order as curatorDirectory.saveInitiative: out of reach, then widening, then moved out of reach.
      const outOfReach = before !== undefined && !canEdit(curator, before)
      const widening = outOfReach ? [] : scopeProblems(curator, before, record)
      const movedAway = !outOfReach && widening.length === 0 && !canEdit(curator, record)
      const refusals =
        outOfReach || movedAway
          ? [OUT_OF_REACH]
          : widening.map((problem) => `your account may not change this record like this: ${problem.field}: ${problem.message}`)
      if (refusals.length > 0) {
        row.outcome = 'fails'
        row.problems.push(...refusals)
      }
    }
    const inScope = found.rows.every((row) => row.problems.length === 0)
    const result: ImportPlan = { ...found, ok: found.ok && inScope }
    if (!result.ok || !merged) return { plan: { ...result, merged: undefined }, removed, merged: undefined }
    const touched = new Set([...merged.added, ...merged.changed])
    const next = [
      ...data.initiatives
        .filter((record) => !removed.includes(record.id))
        .map((record) => (touched.has(record.id) ? (incoming.get(record.id) ?? record) : record)),
      ...merged.added.flatMap((id) => incoming.get(id) ?? []),
    ]
    return { plan: result, removed, merged: next }
  }

  return app
}

/** What a preview promised, so applying can tell whether the directory moved underneath it. */
function promiseOf(plan: ImportPlan, removed: readonly string[]): string {
  return JSON.stringify([plan.rows.map((row) => `${row.id}:${row.outcome}`), removed])
}

function formatOf(name: string): 'csv' | 'json' | undefined {
  const lower = name.toLowerCase()
  return lower.endsWith('.csv') ? 'csv' : lower.endsWith('.json') ? 'json' : undefined
}

function download(c: Context<AdminEnv>, text: string, type: string, name: string) {
  return c.body(text, 200, { 'Content-Type': type, 'Content-Disposition': `attachment; filename="${name}"` })
}
