import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DirectoryData } from '../src/core/directory/directoryData'
import type { Initiative } from '../src/core/directory/initiativeSchema'
import { loadBundledData } from '../src/storage/bundledData'
import type { consoleClient } from './support/consoleClient'
import { recordFormFields } from './support/recordFormFields'
import type { startNodeServer } from './support/startNodeServer'
import { postConsoleForm } from './support/postConsoleForm'
import { storedRecord } from './support/storedRecord'
import { startConsoleWithCurators } from './support/startConsoleWithCurators'

// Recording a check in the console, over HTTP against a real server and SQLite file: the day is never
// typed. "I compared this record with its sources today", ticked on save, and "Confirm checked today"
// record today and the curator's display name; a save without the tick keeps the check as it was.
const DAY = 24 * 60 * 60 * 1000
const today = () => new Date().toISOString().slice(0, 10)
const OLD_DAY = new Date(Date.now() - 500 * DAY).toISOString().slice(0, 10)
const OLD = 'stop-it-now-nl'
const bundled = loadBundledData()
const seed: DirectoryData = {
  ...bundled,
  initiatives: bundled.initiatives.map((record) =>
    record.id === OLD ? { ...record, lastChecked: OLD_DAY, checkedBy: 'Old Curator' } : { ...record, lastChecked: null, checkedBy: null },
  ),
}
let server: Awaited<ReturnType<typeof startNodeServer>>
let anna: ReturnType<typeof consoleClient>

beforeAll(async () => {
  ;({ server, admin: anna } = await startConsoleWithCurators({ seed: seed }))
}, 60_000)
afterAll(async () => server.stop())

async function stored(id: string): Promise<Initiative | undefined> {
  return storedRecord(server.databaseFile, id)
}

async function submit(path: string, fields: Record<string, string | string[]>) {
  return postConsoleForm(anna, server.base, path, fields)
}

async function form(id: string) {
  const html = await (await anna.get(`/admin/records/${id}`)).text()
  return { html, fields: recordFormFields(html, `/admin/records/${id}`) }
}

const check = (record: Initiative | undefined) => [record?.lastChecked, record?.checkedBy]

describe('the record form shows the check and never lets it be typed', () => {
  it('shows "Last checked … by …" or "Never checked", read-only, and an unticked "compared today" box', async () => {
    const old = await form(OLD)
    expect(old.html).toContain(`Last checked: ${OLD_DAY} by Old Curator`)
    expect(old.fields.lastChecked).toBeUndefined()
    expect(old.fields.checkedBy).toBeUndefined()
    expect(old.fields.checkedToday).toBeUndefined()
    expect(old.html).toMatch(/<input type="checkbox" id="checkedToday" name="checkedToday" value="1"[^>]*>/)
    expect(old.html).toContain('<label for="checkedToday">I compared this record with its sources today</label>')
    expect((await form('troubled-desire')).html).toContain('Never checked against its sources')
    expect((await anna.get('/admin/records/new')).status).toBe(200)
    expect(await (await anna.get('/admin/records/new')).text()).toContain('Never checked against its sources')
  })

  it('a save without the tick keeps the stored check, even with a typed lastChecked and checkedBy in the body', async () => {
    const { fields } = await form(OLD)
    const response = await submit(`/admin/records/${OLD}`, {
      ...fields,
      costNotes: 'Free, said the website (no tick).',
      lastChecked: '2020-01-01',
      checkedBy: 'Mallory',
    })
    expect(response.status).toBe(303)
    const record = await stored(OLD)
    expect(record?.costNotes).toBe('Free, said the website (no tick).')
    expect(check(record)).toEqual([OLD_DAY, 'Old Curator'])
  })

  it('ticking "compared today" records today and the curator\'s display name, whatever day the body types', async () => {
    const { fields } = await form(OLD)
    const response = await submit(`/admin/records/${OLD}`, {
      ...fields,
      checkedToday: '1',
      lastChecked: '2020-01-01',
      checkedBy: 'Mallory',
    })
    expect(response.status).toBe(303)
    expect(check(await stored(OLD))).toEqual([today(), 'Anna Admin'])
    expect(await (await anna.get(`/admin/records/${OLD}`)).text()).toContain(`Last checked: ${today()} by Anna Admin`)
    const history = await (await anna.get(`/admin/records/${OLD}/history`)).text()
    expect(history).toMatch(/<th scope="row">lastChecked<\/th>\s*<td>\s*<del>\s*<pre>[^<]*<\/pre>/)
    expect(history).toContain(`<pre>${OLD_DAY}</pre>`)
    expect(history).toContain('<pre>Old Curator</pre>')
    expect(history).toContain('<pre>Anna Admin</pre>')
  })

  it('a new record is unchecked unless the box is ticked', async () => {
    const blank = recordFormFields(await (await anna.get('/admin/records/new')).text(), '/admin/records/new')
    const record = (id: string) => ({
      ...blank,
      id,
      name: `Test ${id}`,
      countries: 'LU',
      languages: 'fr',
      website: 'https://example.org/',
      'sources-0-url': 'https://example.org/source',
      'sources-0-date': '2024-05-01',
      'sources-0-supports': 'everything (test data)',
      lastChecked: '2020-01-01',
    })
    expect((await submit('/admin/records/new', record('lu-test-unchecked'))).status).toBe(303)
    expect(check(await stored('lu-test-unchecked'))).toEqual([null, null])
    expect((await submit('/admin/records/new', { ...record('lu-test-checked'), checkedToday: '1' })).status).toBe(303)
    expect(check(await stored('lu-test-checked'))).toEqual([today(), 'Anna Admin'])
  })
})

describe('"Confirm checked today"', () => {
  it("records today and the curator's display name, shown in the list and the history", async () => {
    expect(check(await stored('troubled-desire'))).toEqual([null, null])
    const response = await anna.post('/admin/records/troubled-desire/confirm', {
      csrf: await anna.csrf(),
      back: '/admin/records?q=troubled',
    })
    expect(response.status).toBe(303)
    expect(check(await stored('troubled-desire'))).toEqual([today(), 'Anna Admin'])
    const list = await (await anna.get('/admin/records?q=troubled')).text()
    expect(list).toContain(`${today()}<div class="hint">by Anna Admin</div>`)
    const history = await (await anna.get('/admin/records/troubled-desire/history')).text()
    expect(history).toContain('confirmed as checked')
    expect(history).toContain('<th scope="row">checkedBy</th>')
  })
})

describe('the staleness dashboard and the record list', () => {
  it('list never-checked records apart from stale ones, with counts, and filter by each', async () => {
    // Every seeded record but the two checked above, plus the record created without the tick.
    const never = seed.initiatives.filter((record) => record.id !== OLD && record.id !== 'troubled-desire').length + 1
    const html = await (await anna.get('/admin/dashboard')).text()
    expect(html).toContain('<h2 id="never">Never checked against their sources</h2>')
    expect(html).toContain(
      `href="/admin/records?checked=never">All records never checked (${never}), including doubtful and closed ones and helplines</a>`,
    )
    const table = html.slice(
      html.indexOf('<table id="never-services">'),
      html.indexOf('</table>', html.indexOf('<table id="never-services">')),
    )
    expect(table).toContain('id="never-kein-taeter-werden"')
    expect(table).not.toContain('id="never-troubled-desire"')
    expect(table).not.toContain(`id="never-${OLD}"`)
    expect(html).toMatch(/<caption class="hint">\d+ counted service\(s\) never checked<\/caption>/)
    expect(html).toMatch(/<table id="never-urgent">/)
    expect(html).not.toMatch(/\bnull\b|\bundefined\b/)
    const neverList = await (await anna.get('/admin/records?checked=never')).text()
    expect(neverList).toContain(`${never} record(s)`)
    expect(neverList).toContain('<span class="tag never">never checked</span>')
    expect(neverList).not.toContain(`id="record-troubled-desire"`)
    expect(await (await anna.get('/admin/records?checked=fresh')).text()).toContain('id="record-troubled-desire"')
  })
})
