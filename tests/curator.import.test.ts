import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Initiative } from '../src/core/directory/initiativeSchema'
import { initiativesToCsv } from '../src/curation/initiativesToCsv'
import { loadBundledData } from '../src/storage/bundledData'
import { addCurators, consoleClient } from './support/consoleClient'
import { answerAll } from './support/formConversation'
import { servicesOf } from './support/pageFacts'
import { startNodeServer } from './support/startNodeServer'

// Import through the browser's form posts, against a real server and SQLite file: the same importer
// as `npm run data:import`, a preview first, then all or nothing, visible in public results at once.
let server: Awaited<ReturnType<typeof startNodeServer>>
const PASSWORD = 'a long pass phrase'
const { taxonomy } = loadBundledData()

/** A made-up service for a country that has none yet (test data only, never in data/). */
function fictional(country: string, name: string): Initiative {
  return {
    id: `test-${country.toLowerCase()}-service`,
    kind: 'prevention',
    name,
    nameLocal: null,
    organisation: 'Test organisation (fictional)',
    summary: null,
    status: 'active',
    statusNote: null,
    countries: [country],
    subnational: null,
    online: false,
    languages: ['en'],
    tags: {
      jrc_category: ['may_offend'],
      target_group: ['fear_may_offend', 'csam_users'],
      prevention_stage: ['secondary'],
      contact_channel: ['web_form'],
    },
    inferred: [],
    free: true,
    costNotes: null,
    anonymous: true,
    confidentiality: null,
    website: 'https://example.org/',
    aboutPage: null,
    aboutPageBy: null,
    contacts: [
      { channel: 'web_form', value: `https://example.org/${country.toLowerCase()}`, hours: 'Mon–Fri 9–17', languages: ['en'], notes: null },
    ],
    sources: [{ url: 'https://example.org/about', date: '2026-11-01', supports: 'everything (test data)' }],
    ownWords: [],
    lastChecked: '2026-11-20',
    checkedBy: 'Test research',
    confidence: 'high',
  }
}
const NEW = [fictional('MT', 'Malta test service'), fictional('CY', 'Cyprus test service'), fictional('LU', 'Luxembourg test service')]

const count = (table: string) => {
  const db = new Database(server.databaseFile, { readonly: true })
  try {
    return (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n
  } finally {
    db.close()
  }
}

function upload(csrf: string, name: string, text: string, mode = 'upsert') {
  const form = new FormData()
  form.set('csrf', csrf)
  form.set('mode', mode)
  form.set('file', new File([text], name, { type: name.endsWith('.csv') ? 'text/csv' : 'application/json' }))
  return form
}

beforeAll(async () => {
  server = await startNodeServer()
  await addCurators(server.databaseFile, [
    { login: 'anna', displayName: 'Anna', role: 'admin', password: PASSWORD },
    { login: 'lena', displayName: 'Lena', role: 'editor', country: 'DE', password: PASSWORD },
  ])
}, 60_000)
afterAll(() => server.stop())

describe('import and export in the curator console', () => {
  it('a broken file is previewed with every failing row and why, offers no apply, and changes nothing', async () => {
    const client = consoleClient(server.base)
    await client.login('anna', PASSWORD)
    const csrf = await client.csrf()
    const before = await (await client.get('/admin/export/initiatives.json')).text()
    const audit = count('audit_entries')
    const [first, second] = NEW as [Initiative, Initiative]
    const csv = initiativesToCsv([first, { ...second, website: 'http://insecure.example' }, { ...first }], taxonomy)
    const preview = await client.post('/admin/import', upload(csrf, 'broken.csv', csv))
    expect(preview.status).toBe(422)
    const html = await preview.text()
    expect(html).toContain('nothing has been changed')
    expect(html).toContain('must be an https:// URL')
    expect(html).toContain('duplicate id')
    expect(html).not.toContain('action="/admin/import/apply"')
    // Forcing an apply of the broken text anyway changes nothing either.
    const forced = await client.post('/admin/import/apply', {
      csrf,
      text: csv,
      format: 'csv',
      fileName: 'broken.csv',
      mode: 'upsert',
      promised: '[]',
    })
    expect(forced.status).toBe(422)
    expect(await (await client.get('/admin/export/initiatives.json')).text()).toBe(before)
    expect(count('audit_entries')).toBe(audit)
  }, 60_000)

  it('refuses a file that is not CSV or JSON, with a way on', async () => {
    const client = consoleClient(server.base)
    await client.login('anna', PASSWORD)
    const refused = await client.post('/admin/import', upload(await client.csrf(), 'sheet.xlsx', 'PK…'))
    expect(refused.status).toBe(400)
    expect(await refused.text()).toContain('expected a .csv or .json file')
  }, 30_000)

  it('refuses a row that gives lastChecked without checkedBy, or checkedBy without lastChecked, naming the row and the field', async () => {
    const client = consoleClient(server.base)
    await client.login('anna', PASSWORD)
    const before = await (await client.get('/admin/export/initiatives.json')).text()
    const [first, second] = NEW as [Initiative, Initiative]
    const csv = initiativesToCsv(
      [
        { ...first, id: 'test-day-only', checkedBy: null },
        { ...second, id: 'test-name-only', lastChecked: null },
      ],
      taxonomy,
    )
    const preview = await client.post('/admin/import', upload(await client.csrf(), 'checks.csv', csv))
    expect(preview.status).toBe(422)
    const html = await preview.text()
    const rowOf = (id: string) => html.slice(html.indexOf(`<td>${id}</td>`) - 20, html.indexOf('</tr>', html.indexOf(`<td>${id}</td>`)))
    expect(rowOf('test-day-only')).toContain('<td>2</td>')
    expect(rowOf('test-day-only')).toContain(
      'checkedBy: lastChecked is 2026-11-20 but checkedBy is empty: a check needs a day and a checker',
    )
    expect(rowOf('test-name-only')).toContain('<td>3</td>')
    expect(rowOf('test-name-only')).toContain('lastChecked: checkedBy is &quot;Test research&quot; but lastChecked is empty')
    expect(html).not.toContain('action="/admin/import/apply"')
    expect(await (await client.get('/admin/export/initiatives.json')).text()).toBe(before)
  }, 60_000)

  it('imports a spreadsheet of three new services after a preview; the public results show them at once', async () => {
    const client = consoleClient(server.base)
    await client.login('anna', PASSWORD)
    const csrf = await client.csrf()
    const preview = await client.post('/admin/import', upload(csrf, 'three.csv', initiativesToCsv(NEW, taxonomy)))
    expect(preview.status).toBe(200)
    const html = await preview.text()
    expect(html).toContain('All 3 row(s) can be imported: 3 new')
    const hidden = Object.fromEntries(
      [...html.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)"/g)].map((match) => [match[1], decode(match[2] ?? '')]),
    )
    expect(hidden.format).toBe('csv')
    const applied = await client.post('/admin/import/apply', hidden)
    expect(applied.status).toBe(303)
    expect(new URL(applied.headers.get('location') ?? '', server.base).searchParams.get('added')).toBe(
      'test-cy-service, test-lu-service, test-mt-service',
    )
    const done = await (await client.get(applied.headers.get('location') ?? '')).text()
    expect(done).toContain('Imported.')

    for (const country of ['MT', 'CY', 'LU']) {
      const pages = await answerAll(server.base, ['self', 'adult', country, 'en', 'nothing_happened', ['any'], 'not_needed'])
      const results = pages.at(-1)?.html ?? ''
      expect(servicesOf(results), country).toContain(`test-${country.toLowerCase()}-service`)
      expect(results).toContain('Mon–Fri 9–17')
    }
    const history = await (await client.get('/admin/records/test-mt-service/history')).text()
    expect(history).toContain('Anna')
    expect(history).toContain('imported')
    // The file said who checked and when: the check is kept, in both columns of the export.
    const exported = await (await client.get('/admin/export/initiatives.csv')).text()
    const header = exported.split('\r\n')[0]?.split(',') ?? []
    expect(header.indexOf('checkedBy')).toBe(header.indexOf('lastChecked') + 1)
    expect(exported).toMatch(/\r\ntest-mt-service,[^\r]*,2026-11-20,Test research,high,/)
  }, 60_000)

  it('an editor cannot import records outside their country; the preview says which', async () => {
    const client = consoleClient(server.base)
    await client.login('lena', PASSWORD)
    const text = JSON.stringify({ initiatives: [fictional('SI', 'Slovenia test service')] })
    const preview = await client.post('/admin/import', upload(await client.csrf(), 'si.json', text))
    expect(preview.status).toBe(422)
    expect(await preview.text()).toContain('your account may not change this record')
    expect(count("initiatives where id = 'test-si-service'")).toBe(0)
  }, 30_000)

  it('exports what the database holds, in the formats the import reads', async () => {
    const client = consoleClient(server.base)
    await client.login('anna', PASSWORD)
    const csv = await client.get('/admin/export/initiatives.csv')
    expect(csv.headers.get('content-type')).toContain('text/csv')
    expect(csv.headers.get('content-disposition')).toContain('initiatives.csv')
    const text = await csv.text()
    expect(text).toContain('test-mt-service')
    // Re-importing the export changes nothing.
    const preview = await (await client.post('/admin/import', upload(await client.csrf(), 'initiatives.csv', text))).text()
    expect(preview).toMatch(/0 new, 0 changed, \d+ unchanged/)
  }, 60_000)
})

function decode(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}
