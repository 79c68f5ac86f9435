import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as z from 'zod'
import type { Initiative } from '../src/core/directory/initiativeSchema'
import { addCurators, consoleClient } from './support/consoleClient'
import { startNodeServer } from './support/startNodeServer'
import { recordFormFields } from './support/recordFormFields'
import { postConsoleForm } from './support/postConsoleForm'
import { storedRecord } from './support/storedRecord'

const decode = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
const attr = (tag: string, name: string) => {
  const value = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1]
  return value === undefined ? undefined : decode(value)
}

// The record editor over HTTP: a real server, a real SQLite file, forms posted as a browser would
// post them (the page's own fields, one changed), and the public JSON API read back.
let server: Awaited<ReturnType<typeof startNodeServer>>
let anna: ReturnType<typeof consoleClient>
const PASSWORD = 'a long pass phrase'
const today = () => new Date().toISOString().slice(0, 10)

beforeAll(async () => {
  server = await startNodeServer()
  await addCurators(server.databaseFile, [
    { login: 'anna', displayName: 'Anna Admin', role: 'admin', password: PASSWORD },
    { login: 'emil', displayName: 'Emil Editor', role: 'editor', country: 'DE', password: PASSWORD },
  ])
  anna = consoleClient(server.base)
  expect((await anna.login('anna', PASSWORD)).status).toBe(303)
}, 60_000)
afterAll(async () => {
  await server.stop()
})

/** The record as stored, read straight from the SQLite file (not through the server). */
async function stored(id: string): Promise<Initiative | undefined> {
  return storedRecord(server.databaseFile, id)
}

/** Posts a form body (repeated names allowed) with the client's cookies, as the console's page would. */
async function submit(client: ReturnType<typeof consoleClient>, path: string, fields: Record<string, string | string[]>) {
  return postConsoleForm(client, server.base, path, fields)
}

async function openForm(client: ReturnType<typeof consoleClient>, id: string) {
  const response = await client.get(`/admin/records/${id}`)
  expect(response.status).toBe(200)
  return recordFormFields(await response.text(), `/admin/records/${id}`)
}

/** The input (or textarea/select) with this id, as HTML. */
function control(html: string, id: string): string {
  const tag = new RegExp(`<(input|textarea|select)[^>]*\\sid="${id}"[^>]*>`).exec(html)?.[0]
  if (!tag) throw new Error(`no control #${id}`)
  return tag
}

function expectErrorBeside(html: string, id: string, text: string | RegExp) {
  const tag = control(html, id)
  expect(tag, id).toContain('aria-invalid="true"')
  expect(attr(tag, 'aria-describedby')?.split(' '), id).toContain(`${id}-error`)
  const error = new RegExp(`<p class="field-error" id="${id}-error">([^<]*)</p>`).exec(html)?.[1]
  expect(decode(error ?? ''), id).toMatch(text)
  expect(html, `summary link to ${id}`).toContain(`href="#${id}"`)
}

const ApiView = z.object({
  state: z.string(),
  step: z.object({ outcome: z.string().nullish() }),
  results: z
    .object({
      services: z.array(
        z.object({ id: z.string(), contacts: z.array(z.object({ text: z.string().optional(), hours: z.string().optional() })) }),
      ),
    })
    .nullish(),
})

/** The public JSON API's results for a whole conversation (start, then one reply per question). */
async function publicResults(replies: string[][]) {
  let state: string | undefined
  let view: z.infer<typeof ApiView> | undefined
  for (const reply of [undefined, ...replies]) {
    const request = reply ? { state, action: 'answer', reply } : { action: 'start', ui: 'en' }
    const response = await fetch(`${server.base}/api/v1/turn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    })
    expect(response.status).toBe(200)
    view = ApiView.parse(await response.json())
    state = view.state
  }
  expect(view?.step.outcome).toBe('results')
  return view?.results?.services ?? []
}

const LUXEMBOURG = [['self'], ['adult'], ['LU'], ['fr'], ['nothing_happened'], ['any'], ['not_needed']]
const YOUNG_IN_GERMANY = [['young'], ['DE'], ['de'], ['young_behaviour'], ['any'], ['not_needed']]

describe('creating a record', () => {
  it('the new-record form has the few defaults and nothing else filled in', async () => {
    const html = await (await anna.get('/admin/records/new')).text()
    const fields = recordFormFields(html, '/admin/records/new')
    expect(fields).toMatchObject({
      id: '',
      name: '',
      kind: 'prevention',
      status: 'active',
      confidence: 'medium',
      countries: '',
      website: '',
      free: 'unknown',
      anonymous: 'unknown',
    })
    // A check is the curator's statement, never a default: no day to type, the box unticked.
    expect(fields.lastChecked).toBeUndefined()
    expect(fields.checkedToday).toBeUndefined()
    expect(html).toContain('Never checked against its sources')
    expect(fields['contacts-0-channel']).toBe('')
    expect(fields['contacts-1-channel']).toBe('')
    expect(fields['sources-0-url']).toBe('')
    expect(fields.online).toBeUndefined()
    expect(html).toContain('values inferred rather than stated by a source')
    expect(html).toContain('What the service says about confidentiality and when it passes information on')
  })

  it('a new active prevention record is created, listed, and matched publicly at once', async () => {
    expect((await publicResults(LUXEMBOURG)).map((service) => service.id)).not.toContain('lu-test-prevention')
    const fields = recordFormFields(await (await anna.get('/admin/records/new')).text(), '/admin/records/new')
    const response = await submit(anna, '/admin/records/new', {
      ...fields,
      id: 'lu-test-prevention',
      name: 'Test prevention service Luxembourg',
      countries: 'lu',
      languages: 'fr, de',
      'tags-jrc_category': 'may_offend',
      'tags-target_group': ['fear_may_offend', 'csam_users'],
      'tags-contact_channel': 'phone',
      free: 'yes',
      anonymous: 'yes',
      'contacts-0-channel': 'phone',
      'contacts-0-value': '+352 2786 2710',
      'contacts-0-hours': 'Tue 10:00-12:00',
      'sources-0-url': 'https://example.org/lu-test',
      'sources-0-date': '2024-05-01',
      'sources-0-supports': 'phone number, hours',
    })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/admin/records/lu-test-prevention?done=created')
    const page = await (await anna.get('/admin/records/lu-test-prevention?done=created')).text()
    expect(page).toMatch(/<p class="ok" role="status">Test prevention service Luxembourg: created\.<\/p>/)

    const record = await stored('lu-test-prevention')
    expect(record).toMatchObject({
      countries: ['LU'],
      languages: ['fr', 'de'],
      status: 'active',
      kind: 'prevention',
      confidence: 'medium',
      lastChecked: null,
      checkedBy: null,
      free: true,
      anonymous: true,
      website: null,
      summary: null,
      nameLocal: null,
    })
    expect(record?.contacts).toEqual([
      { channel: 'phone', value: '+352 2786 2710', hours: 'Tue 10:00-12:00', languages: null, notes: null },
    ])
    expect(record?.sources).toEqual([{ url: 'https://example.org/lu-test', date: '2024-05-01', supports: 'phone number, hours' }])

    expect(await (await anna.get('/admin/records?q=lu-test-prevention')).text()).toContain('href="/admin/records/lu-test-prevention"')
    const services = await publicResults(LUXEMBOURG)
    const service = services.find((candidate) => candidate.id === 'lu-test-prevention')
    expect(service?.contacts).toContainEqual(expect.objectContaining({ text: '+352 2786 2710', hours: 'Tue 10:00-12:00' }))
  })

  it('an id that exists already is refused beside the id field, with the form kept', async () => {
    const fields = recordFormFields(await (await anna.get('/admin/records/new')).text(), '/admin/records/new')
    const response = await submit(anna, '/admin/records/new', {
      ...fields,
      id: 'troubled-desire',
      name: 'A second one',
      'sources-0-url': 'https://example.org/x',
      'sources-0-date': 'undated',
      'sources-0-supports': 'name',
    })
    expect(response.status).toBe(422)
    const html = await response.text()
    expectErrorBeside(html, 'id', /already exists/)
    expect(attr(control(html, 'name'), 'value')).toBe('A second one')
    expect((await stored('troubled-desire'))?.name).not.toBe('A second one')
  })
})

describe('editing a record', () => {
  it('new phone hours reach the public results, and the history shows before, after and who', async () => {
    const fields = await openForm(anna, 'ppj-du-traeumst-von-ihnen')
    expect(fields['contacts-0-channel']).toBe('phone')
    const oldHours = fields['contacts-0-hours']
    expect(oldHours).toContain('Mon-Wed 15:00-17:00')
    const response = await submit(anna, '/admin/records/ppj-du-traeumst-von-ihnen', {
      ...fields,
      'contacts-0-hours': 'Mon-Fri 10:00-18:00 (edit test)',
    })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/admin/records/ppj-du-traeumst-von-ihnen?done=saved')
    expect(await (await anna.get('/admin/records/ppj-du-traeumst-von-ihnen?done=saved')).text()).toContain('role="status"')

    const service = (await publicResults(YOUNG_IN_GERMANY)).find((candidate) => candidate.id === 'ppj-du-traeumst-von-ihnen')
    expect(service?.contacts).toContainEqual(
      expect.objectContaining({ text: '+49 30 450 529 529', hours: 'Mon-Fri 10:00-18:00 (edit test)' }),
    )

    const history = decode(await (await anna.get('/admin/records/ppj-du-traeumst-von-ihnen/history')).text())
    expect(history).toMatch(/<\/time> · Anna Admin · edited/)
    expect(history).toContain('Mon-Wed 15:00-17:00')
    expect(history).toContain('Mon-Fri 10:00-18:00 (edit test)')
    // Only the contacts changed: the form keeps every other field exactly as stored.
    expect(history.match(/<th scope="row">[^<]+<\/th>/g)).toEqual(['<th scope="row">contacts</th>'])
  })

  it('a contact is removed with its box, a new one added in an empty box, the other empty box ignored', async () => {
    const fields = await openForm(anna, 'ktw-hamburg-uke')
    expect([
      fields['contacts-0-channel'],
      fields['contacts-1-channel'],
      fields['contacts-2-channel'],
      fields['contacts-3-channel'],
    ]).toEqual(['phone', 'face_to_face', '', ''])
    const response = await submit(anna, '/admin/records/ktw-hamburg-uke', {
      ...fields,
      'contacts-0-remove': '1',
      'contacts-2-channel': 'email',
      'contacts-2-value': 'info@example.org',
      'contacts-2-languages': 'DE, en',
    })
    expect(response.status).toBe(303)
    expect((await stored('ktw-hamburg-uke'))?.contacts).toEqual([
      { channel: 'face_to_face', value: null, hours: null, languages: null, notes: null },
      { channel: 'email', value: 'info@example.org', hours: null, languages: ['de', 'en'], notes: null },
    ])
  })

  it('the countries a contact works from are shown, kept by an unchanged save, changed when typed, refused when not a code', async () => {
    const id = 'stop-it-now-uk-ireland'
    const before = await stored(id)
    const fields = await openForm(anna, id)
    expect([fields['contacts-0-value'], fields['contacts-0-countries'], fields['contacts-1-countries']]).toEqual([
      '0808 1000 900',
      'GB',
      '',
    ])
    const unchanged = await submit(anna, `/admin/records/${id}`, fields)
    expect(unchanged.headers.get('location')).toBe(`/admin/records/${id}?done=unchanged`)
    expect(await stored(id)).toEqual(before)

    const refused = await submit(anna, `/admin/records/${id}`, { ...fields, 'contacts-1-countries': 'Ireland' })
    expect(refused.status).toBe(422)
    expectErrorBeside(await refused.text(), 'contacts-1-countries', /is not an ISO 3166-1 alpha-2 country code/)

    const changed = await submit(anna, `/admin/records/${id}`, { ...fields, 'contacts-1-countries': 'ie' })
    expect(changed.status).toBe(303)
    const after = await stored(id)
    expect(after?.contacts.slice(0, 2).map((contact) => contact.countries)).toEqual([['GB'], ['IE']])
    expect(after?.contacts.slice(2)).toEqual(before?.contacts.slice(2))
    // Put it back for the other tests: an empty box means "wherever the service works" again.
    const restored = await submit(anna, `/admin/records/${id}`, { ...(await openForm(anna, id)), 'contacts-1-countries': '' })
    expect(restored.status).toBe(303)
    expect(Object.hasOwn((await stored(id))?.contacts[1] ?? {}, 'countries')).toBe(false)
  })

  it('saving the form unchanged writes nothing', async () => {
    const before = await stored('troubled-desire')
    const response = await submit(anna, '/admin/records/troubled-desire', await openForm(anna, 'troubled-desire'))
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/admin/records/troubled-desire?done=unchanged')
    expect(await stored('troubled-desire')).toEqual(before)
    expect(await (await anna.get('/admin/records/troubled-desire/history')).text()).not.toContain('<time')
  })

  it('a website "http://x" and an empty name: 422, both errors beside their fields, everything typed kept, nothing saved', async () => {
    const before = await stored('kein-taeter-werden')
    const fields = await openForm(anna, 'kein-taeter-werden')
    const response = await submit(anna, '/admin/records/kein-taeter-werden', {
      ...fields,
      website: 'http://x',
      name: '',
      summary: 'A summary typed <by> the curator & kept',
      countries: 'de, at',
      'contacts-3-channel': 'email',
      'contacts-3-value': 'typed@example.org',
    })
    expect(response.status).toBe(422)
    const html = await response.text()
    expect(html).toMatch(/<div class="error summary" role="alert"/)
    expectErrorBeside(html, 'website', /https:\/\//)
    expectErrorBeside(html, 'name', /name/)
    const kept = recordFormFields(html, '/admin/records/kein-taeter-werden')
    expect(kept).toMatchObject({
      website: 'http://x',
      name: '',
      summary: 'A summary typed <by> the curator & kept',
      countries: 'de, at',
      'contacts-3-channel': 'email',
      'contacts-3-value': 'typed@example.org',
      baseVersion: fields.baseVersion,
    })
    expect(kept['tags-target_group']).toEqual(fields['tags-target_group'])
    expect(await stored('kein-taeter-werden')).toEqual(before)
  })

  it("a phone number data:check calls implausible: 422 with the problem beside that contact's number", async () => {
    const before = await stored('ktw-muenchen-lmu')
    const fields = await openForm(anna, 'ktw-muenchen-lmu')
    expect(fields['contacts-0-channel']).toBe('face_to_face')
    expect(fields['contacts-1-channel']).toBe('')
    const response = await submit(anna, '/admin/records/ktw-muenchen-lmu', {
      ...fields,
      'contacts-1-channel': 'phone',
      'contacts-1-value': '0800 123',
      'contacts-1-hours': 'Mon 9-12',
    })
    expect(response.status).toBe(422)
    const html = await response.text()
    expectErrorBeside(html, 'contacts-1-value', 'phone number 0800 123 is not a valid number for DE')
    expect(attr(control(html, 'contacts-1-hours'), 'value')).toBe('Mon 9-12')
    expect(await stored('ktw-muenchen-lmu')).toEqual(before)
  })

  it('a form opened before someone else saved is refused with the conflict text, and nothing of it is saved', async () => {
    const first = await openForm(anna, 'stop-it-now-nl')
    const second = await openForm(anna, 'stop-it-now-nl')
    expect((await submit(anna, '/admin/records/stop-it-now-nl', { ...first, costNotes: 'Checked by the first curator.' })).status).toBe(303)
    const afterFirst = await stored('stop-it-now-nl')
    const response = await submit(anna, '/admin/records/stop-it-now-nl', { ...second, name: 'Overwritten name' })
    expect(response.status).toBe(409)
    const html = decode(await response.text())
    expect(html).toContain('someone changed this record after you opened it')
    expect(html).toContain('<a href="/admin/records/stop-it-now-nl">Open the current version</a>')
    expect(attr(control(html, 'name'), 'value')).toBe('Overwritten name')
    expect(await stored('stop-it-now-nl')).toEqual(afterFirst)
    expect(afterFirst?.costNotes).toBe('Checked by the first curator.')
  })

  it('"confirm checked today" on the record page comes back to it with a notice', async () => {
    const html = await (await anna.get('/admin/records/troubled-desire')).text()
    expect(html).toContain('action="/admin/records/troubled-desire/confirm"')
    expect(html).toContain('href="/admin/records/troubled-desire/history"')
    expect(html).toContain('href="/admin/records/troubled-desire/retire"')
    const response = await anna.post('/admin/records/troubled-desire/confirm', {
      csrf: await anna.csrf(),
      back: '/admin/records/troubled-desire',
    })
    expect(response.status).toBe(303)
    const location = response.headers.get('location') ?? ''
    expect(location).toMatch(/^\/admin\/records\/troubled-desire\?done=confirmed&id=troubled-desire/)
    expect(await (await anna.get(location)).text()).toMatch(/role="status">[^<]*confirmed as checked today/)
    expect((await stored('troubled-desire'))?.lastChecked).toBe(today())
    expect((await stored('troubled-desire'))?.checkedBy).toBe('Anna Admin')
  })
})

describe('who may change what', () => {
  it("an editor for DE sees another country's record read-only, and a POST to it is refused", async () => {
    const emil = consoleClient(server.base)
    expect((await emil.login('emil', PASSWORD)).status).toBe(303)
    const before = await stored('stop-it-now-uk-ireland')
    const response = await emil.get('/admin/records/stop-it-now-uk-ireland')
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('You can read this record but not change it')
    expect(html).toContain('<fieldset disabled="" class="record-form">')
    expect(html).not.toContain('action="/admin/records/stop-it-now-uk-ireland"')
    expect(html).not.toContain('/confirm"')
    const fields = await openForm(anna, 'stop-it-now-uk-ireland')
    const refused = await submit(emil, '/admin/records/stop-it-now-uk-ireland', {
      ...fields,
      csrf: await emil.csrf(),
      name: 'Changed by an editor',
    })
    expect(refused.status).toBe(403)
    expect(await stored('stop-it-now-uk-ireland')).toEqual(before)
  })

  it('an editor for DE can edit a DE record, and cannot move it out of DE', async () => {
    const emil = consoleClient(server.base)
    expect((await emil.login('emil', PASSWORD)).status).toBe(303)
    const fields = await openForm(emil, 'ktw-regensburg')
    const moved = await submit(emil, '/admin/records/ktw-regensburg', { ...fields, countries: 'AT' })
    expect(moved.status).toBe(403)
    expect(await moved.text()).toContain('your account may not change ktw-regensburg')
    expect((await stored('ktw-regensburg'))?.countries).toEqual(['DE'])
    const saved = await submit(emil, '/admin/records/ktw-regensburg', {
      ...fields,
      statusNote: 'Phoned the clinic: number still answered.',
    })
    expect(saved.status).toBe(303)
    expect((await stored('ktw-regensburg'))?.statusNote).toBe('Phoned the clinic: number still answered.')
    expect(await (await emil.get('/admin/records/ktw-regensburg/history')).text()).toMatch(/<\/time> · Emil Editor · edited/)
  })
})

describe('forms from elsewhere', () => {
  it('a POST without the csrf field is refused with 403 and changes nothing', async () => {
    const before = await stored('kein-taeter-werden')
    const { csrf: _csrf, ...fields } = await openForm(anna, 'kein-taeter-werden')
    const edit = await submit(anna, '/admin/records/kein-taeter-werden', { ...fields, name: 'Changed without csrf' })
    expect(edit.status).toBe(403)
    expect(await stored('kein-taeter-werden')).toEqual(before)
    const { csrf: _newCsrf, ...blank } = recordFormFields(await (await anna.get('/admin/records/new')).text(), '/admin/records/new')
    const create = await submit(anna, '/admin/records/new', {
      ...blank,
      id: 'made-without-csrf',
      name: 'x',
      'sources-0-url': 'https://example.org',
      'sources-0-date': 'undated',
      'sources-0-supports': 'x',
    })
    expect(create.status).toBe(403)
    expect(await stored('made-without-csrf')).toBeUndefined()
  })
})
