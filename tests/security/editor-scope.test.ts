import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Initiative } from '../../src/core/directory/initiativeSchema'
import { initiativesToCsv } from '../../src/curation/initiativesToCsv'
import { loadBundledData } from '../../src/storage/bundledData'
import { createDirectoryRepository } from '../../src/storage/directoryRepository'
import * as schema from '../../src/storage/schema'
import type { consoleClient } from '../support/consoleClient'
import { fieldError, formBody, recordFormFields } from '../support/recordFormFields'
import { startConsoleWithCurators } from '../support/startConsoleWithCurators'
import type { startNodeServer } from '../support/startNodeServer'

// Security review, Medium 2: an editor for DE saved a record with countries "DE FR US", created a
// record "FR DE" that then ranked first for people in France, and `online: true` reaches every
// country. Replayed as found, through the console's own forms on a real server and SQLite file:
// an editor stays within their country; only an admin adds countries or turns `online` on.

let server: Awaited<ReturnType<typeof startNodeServer>>
let admin: ReturnType<typeof consoleClient>
let editor: ReturnType<typeof consoleClient>

beforeAll(async () => {
  ;({ server, admin, editor } = await startConsoleWithCurators())
}, 60_000)
afterAll(async () => {
  await server.stop()
})

/** Every record as stored, read straight from the SQLite file (not through the server). */
async function storedAll(): Promise<Initiative[]> {
  const sqlite = new Database(server.databaseFile, { readonly: true })
  try {
    return (await createDirectoryRepository(drizzle(sqlite, { schema })).load()).initiatives
  } finally {
    sqlite.close()
  }
}
const stored = async (id: string) => (await storedAll()).find((record) => record.id === id)

function auditCount(): number {
  const sqlite = new Database(server.databaseFile, { readonly: true })
  try {
    return (sqlite.prepare('select count(*) as n from audit_entries').get() as { n: number }).n
  } finally {
    sqlite.close()
  }
}

async function openForm(client: ReturnType<typeof consoleClient>, id: string) {
  const response = await client.get(`/admin/records/${id}`)
  expect(response.status).toBe(200)
  return recordFormFields(await response.text(), `/admin/records/${id}`)
}

/** The record form of `id`, as `client` sees it, with `changes` typed in, posted. */
async function saveWith(
  client: ReturnType<typeof consoleClient>,
  id: string,
  changes: Record<string, string | string[]>,
  remove: string[] = [],
) {
  const fields = { ...(await openForm(client, id)), ...changes }
  for (const name of remove) delete fields[name]
  return client.post(`/admin/records/${id}`, formBody(fields))
}

/** The new-record form filled in: a copy of `template`'s fields with a new id and `changes`. */
async function createWith(client: ReturnType<typeof consoleClient>, template: string, id: string, changes: Record<string, string>) {
  const fields: Record<string, string | string[]> = {
    ...(await openForm(admin, template)),
    csrf: await client.csrf(),
    id,
    name: `Test service ${id} (fictional)`,
    ...changes,
  }
  // A new record has no version to edit from.
  delete fields.baseVersion
  return client.post('/admin/records/new', formBody(fields))
}

function upload(csrf: string, name: string, text: string) {
  const form = new FormData()
  form.set('csrf', csrf)
  form.set('mode', 'upsert')
  form.set('file', new File([text], name, { type: 'text/csv' }))
  return form
}

const decode = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
const hidden = (html: string, name: string) => decode(new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '')

/** A CSV of one stored record with `change` applied, in the export's own format. */
async function csvOf(id: string, change: Partial<Initiative>): Promise<string> {
  const record = await stored(id)
  if (!record) throw new Error(`no record ${id}`)
  return initiativesToCsv([{ ...record, ...change }], loadBundledData().taxonomy)
}

describe('a country-scoped editor (DE)', () => {
  it('saving a DE record with countries "DE FR US" is refused beside the countries field, and nothing is saved', async () => {
    const before = await stored('kein-taeter-werden')
    const audits = auditCount()
    const response = await saveWith(editor, 'kein-taeter-werden', { countries: 'DE FR US' })
    expect(response.status).toBe(403)
    const html = await response.text()
    expect(html).toContain('Nothing was saved: your account may not change kein-taeter-werden like this')
    expect(fieldError(html, 'countries')).toMatch(
      /^FR, US: outside your account's scope\. .*DE only; an administrator can add countries\.$/,
    )
    expect(html).toContain('href="#countries"')
    // Everything typed is still in the form.
    expect(html).toMatch(/<input[^>]*id="countries"[^>]*value="DE FR US"/)
    expect(await stored('kein-taeter-werden')).toEqual(before)
    expect(auditCount()).toBe(audits)
  })

  it('creating a record "FR DE" is refused, and no such record exists', async () => {
    const audits = auditCount()
    const response = await createWith(editor, 'kein-taeter-werden', 'test-fr-de-by-editor', { countries: 'FR DE' })
    expect(response.status).toBe(403)
    expect(fieldError(await response.text(), 'countries')).toMatch(/^FR: outside your account's scope/)
    expect(await stored('test-fr-de-by-editor')).toBeUndefined()
    expect(auditCount()).toBe(audits)
  })

  it('turning `online` on for a DE record is refused beside the checkbox, and nothing is saved', async () => {
    const before = await stored('ktw-muenchen-lmu')
    expect(before?.online).toBe(false)
    const response = await saveWith(editor, 'ktw-muenchen-lmu', { online: '1' })
    expect(response.status).toBe(403)
    const html = await response.text()
    expect(fieldError(html, 'online')).toMatch(/^Only an administrator can make a record reachable online from anywhere/)
    expect(html).toMatch(/<input type="checkbox" id="online"[^>]*aria-invalid="true"/)
    expect(await stored('ktw-muenchen-lmu')).toEqual(before)
  })

  it('a new record with `online` on is refused too', async () => {
    const response = await createWith(editor, 'kein-taeter-werden', 'test-online-by-editor', { countries: 'DE', online: '1' })
    expect(response.status).toBe(403)
    expect(fieldError(await response.text(), 'online')).toMatch(/^Only an administrator/)
    expect(await stored('test-online-by-editor')).toBeUndefined()
  })

  it('an import row that adds a country, or turns `online` on, is refused in the preview, and applying it changes nothing', async () => {
    const before = await storedAll()
    const attempts: [string, Partial<Initiative>, string][] = [
      ['countries.csv', { countries: ['DE', 'FR'] }, 'countries'],
      ['online.csv', { online: true }, 'online'],
    ]
    for (const [name, change, field] of attempts) {
      const text = await csvOf('ppj-du-traeumst-von-ihnen', change)
      const preview = await editor.post('/admin/import', upload(await editor.csrf(), name, text))
      expect(preview.status, name).toBe(422)
      const html = decode(await preview.text())
      expect(html, name).toContain(`your account may not change this record like this: ${field}: `)
      expect(html, name).not.toContain('Apply all of it')
      // The apply step re-plans on its own: a forged apply form is refused the same way.
      const forged = await editor.post('/admin/import/apply', {
        csrf: await editor.csrf(),
        text,
        format: 'csv',
        fileName: name,
        mode: 'upsert',
        promised: JSON.stringify([['ppj-du-traeumst-von-ihnen:changed'], []]),
      })
      expect(forged.status, name).toBe(422)
    }
    expect(await storedAll()).toEqual(before)
  }, 30_000)

  it("cannot confirm or retire a record that serves DE and another country (it is an admin's)", async () => {
    expect((await createWith(admin, 'kein-taeter-werden', 'test-de-at-service', { countries: 'DE AT' })).status).toBe(303)
    const before = await stored('test-de-at-service')
    const confirm = await editor.post('/admin/records/test-de-at-service/confirm', { csrf: await editor.csrf(), back: '/admin/records' })
    expect(confirm.status).toBe(422)
    expect(await confirm.text()).toContain('your account may not change test-de-at-service')
    const retire = await editor.post('/admin/records/test-de-at-service/retire', {
      csrf: await editor.csrf(),
      note: 'Closed, says the editor.',
    })
    expect(retire.status).toBe(422)
    expect(await stored('test-de-at-service')).toEqual(before)
    // Shown read-only, with the reason.
    expect(await (await editor.get('/admin/records/test-de-at-service')).text()).toContain('You can read this record but not change it')
  }, 30_000)

  it('can still edit, confirm and retire a DE-only record, and keep `online` where it already was', async () => {
    const saved = await saveWith(editor, 'nummer-gegen-kummer', { statusNote: 'Phoned the line: still answered.' })
    expect(saved.status).toBe(303)
    expect((await stored('nummer-gegen-kummer'))?.statusNote).toBe('Phoned the line: still answered.')
    // troubled-desire serves DE and is online (an admin's decision): the editor keeps it online.
    const kept = await saveWith(editor, 'troubled-desire', { statusNote: 'Checked the website.' })
    expect(kept.status).toBe(303)
    expect(await stored('troubled-desire')).toMatchObject({ online: true, statusNote: 'Checked the website.' })
    const confirmed = await editor.post('/admin/records/troubled-desire/confirm', { csrf: await editor.csrf(), back: '/admin/records' })
    expect(confirmed.status).toBe(303)
    const retired = await editor.post('/admin/records/ktw-hamburg-uke/retire', {
      csrf: await editor.csrf(),
      note: 'The clinic closed this service.',
    })
    expect(retired.status).toBe(303)
    expect((await stored('ktw-hamburg-uke'))?.status).toBe('closed')
  }, 30_000)
})

describe('an admin', () => {
  it('may widen: add countries, create a record for FR and DE, turn `online` on, import a widening row', async () => {
    expect((await saveWith(admin, 'kein-taeter-werden', { countries: 'DE FR US' })).status).toBe(303)
    expect((await stored('kein-taeter-werden'))?.countries).toEqual(['DE', 'FR', 'US'])
    expect((await createWith(admin, 'kein-taeter-werden', 'test-fr-de-by-admin', { countries: 'FR DE' })).status).toBe(303)
    expect((await stored('test-fr-de-by-admin'))?.countries).toEqual(['FR', 'DE'])
    expect((await saveWith(admin, 'ktw-muenchen-lmu', { online: '1' })).status).toBe(303)
    expect((await stored('ktw-muenchen-lmu'))?.online).toBe(true)
    const preview = await admin.post(
      '/admin/import',
      upload(await admin.csrf(), 'widen.csv', await csvOf('ppj-du-traeumst-von-ihnen', { countries: ['DE', 'AT'], online: true })),
    )
    expect(preview.status).toBe(200)
    const html = await preview.text()
    const applied = await admin.post('/admin/import/apply', {
      csrf: await admin.csrf(),
      text: hidden(html, 'text'),
      format: 'csv',
      fileName: 'widen.csv',
      mode: 'upsert',
      promised: hidden(html, 'promised'),
    })
    expect(applied.status).toBe(303)
    expect(await stored('ppj-du-traeumst-von-ihnen')).toMatchObject({ countries: ['DE', 'AT'], online: true })
  }, 30_000)
})
