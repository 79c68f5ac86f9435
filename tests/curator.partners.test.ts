import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isContactable } from '../src/core/directory/isContactable'
import { loadBundledData } from '../src/storage/bundledData'
import { addCurators, consoleClient } from './support/consoleClient'
import { startNodeServer } from './support/startNodeServer'

// Partners through the console, over real HTTP against a real SQLite file: what an admin saves
// is what the widget enforces at once (frame-ancestors), bad input changes nothing, editors are
// refused, and every change is in the partner's history.
const PASSWORD = 'a long pass phrase'
const data = loadBundledData()
const featurable = data.initiatives.find((record) => record.status === 'active' && isContactable(record))
const doubtful = data.initiatives.find((record) => record.status === 'doubtful')
const ID = 'example-helpline'

let server: Awaited<ReturnType<typeof startNodeServer>>
let admin: ReturnType<typeof consoleClient>
let editor: ReturnType<typeof consoleClient>

beforeAll(async () => {
  server = await startNodeServer({ console: { now: () => new Date('2026-11-23T12:00:00Z') } })
  await addCurators(server.databaseFile, [
    { login: 'anna', displayName: 'Anna', role: 'admin', password: PASSWORD },
    { login: 'lena', displayName: 'Lena', role: 'editor', country: 'DE', password: PASSWORD },
  ])
  admin = consoleClient(server.base)
  editor = consoleClient(server.base)
  expect((await admin.login('anna', PASSWORD)).status).toBe(303)
  expect((await editor.login('lena', PASSWORD)).status).toBe(303)
}, 60_000)
afterAll(() => server.stop())

/** The frame-ancestors the widget panel of a partner sends. */
async function frameAncestors(partner: string): Promise<string | undefined> {
  const response = await fetch(`${server.base}/widget/panel?partner=${partner}`)
  expect(response.status).toBe(200)
  return /frame-ancestors ([^;]+)(?:;|$)/.exec(response.headers.get('content-security-policy') ?? '')?.[1]
}

/** A complete partner form, as the page would post it. */
function form(csrf: string, fields: Record<string, string> = {}): Record<string, string> {
  return {
    csrf,
    id: ID,
    name: 'Example Helpline',
    fictional: 'on',
    origins: 'https://helpline.example',
    featured: featurable?.id ?? '',
    defaultCountry: 'DE',
    defaultLanguage: 'de',
    lastChecked: '2026-11-20',
    notes: '',
    baseVersion: '',
    ...fields,
  }
}

const baseVersionOf = (html: string) => /name="baseVersion" value="([^"]*)"/.exec(html)?.[1] ?? ''
const historyCount = async () => ((await (await admin.get(`/admin/partners/${ID}/history`)).text()).match(/<li>/g) ?? []).length

describe('partners in the console', () => {
  it('an admin adds a partner, and its widget may be framed by its origin at once', async () => {
    expect(featurable).toBeDefined()
    expect(await frameAncestors(ID)).toBe('*')
    const csrf = await admin.csrf()
    const response = await admin.post('/admin/partners/new', form(csrf))
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(`/admin/partners/${ID}?done=created`)
    expect(await frameAncestors(ID)).toBe('https://helpline.example')

    const page = await (await admin.get(`/admin/partners/${ID}?done=created`)).text()
    expect(page).toMatch(/<p class="ok" role="status">example-helpline: added\./)
    expect(page).toContain(`data-partner=&quot;${ID}&quot;`)
    expect(page).toContain(`/widget/panel?partner=${ID}`)
    const list = await (await admin.get('/admin/partners')).text()
    const row = new RegExp(`<tr id="partner-${ID}">[\\s\\S]*?</tr>`).exec(list)?.[0] ?? ''
    expect(row).toContain('https://helpline.example')
    expect(row).toContain('<td class="num">1</td>')
    expect(row).toContain('<span class="tag">fictional</span>')
    expect(await historyCount()).toBe(1)
  }, 30_000)

  it.each([['ftp://x'], ['https://x/path']])(
    'refuses the origin %s beside the field, keeping the input, and changes nothing',
    async (origin) => {
      const page = await (await admin.get(`/admin/partners/${ID}`)).text()
      const csrf = await admin.csrf()
      const response = await admin.post(
        `/admin/partners/${ID}`,
        form(csrf, { origins: `https://www.helpline.example\n${origin}`, name: 'Renamed Helpline', baseVersion: baseVersionOf(page) }),
      )
      expect(response.status).toBe(422)
      const html = await response.text()
      expect(html).toMatch(/<div class="error" role="alert"[^>]*>[\s\S]*href="#origins"/)
      expect(html).toMatch(/<p class="field-error" id="origins-error">Not an origin the widget can allow: &quot;[^<]*<\/p>/)
      expect(html).toContain(`&quot;${origin}&quot;`)
      expect(html).toMatch(
        /<textarea id="origins" name="origins"[^>]*aria-describedby="origins-hint origins-error" aria-invalid="true">https:\/\/www.helpline.example\n/,
      )
      expect(html).toContain('value="Renamed Helpline"')
      expect(await frameAncestors(ID)).toBe('https://helpline.example')
      expect(await historyCount()).toBe(1)

      const fresh = await admin.post('/admin/partners/new', form(csrf, { id: 'never-added', origins: origin }))
      expect(fresh.status).toBe(422)
      expect(await fresh.text()).toContain('id="origins-error"')
      expect((await admin.get('/admin/partners/never-added')).status).toBe(404)
    },
    30_000,
  )

  it('refuses a featured service that does not exist, or is not active, beside the featured field', async () => {
    const csrf = await admin.csrf()
    const missing = await admin.post('/admin/partners/new', form(csrf, { id: 'featuring-nothing', featured: 'no-such-service' }))
    expect(missing.status).toBe(422)
    const html = await missing.text()
    expect(html).toMatch(/<p class="field-error" id="featured-error">Featured no-such-service is not in the directory\.<\/p>/)
    expect(html).toContain('Nothing was saved: the change breaks the directory rules listed below.')
    expect(html).toMatch(/<textarea id="featured" name="featured"[^>]*aria-invalid="true">no-such-service<\/textarea>/)
    expect((await admin.get('/admin/partners/featuring-nothing')).status).toBe(404)

    const page = await (await admin.get(`/admin/partners/${ID}`)).text()
    const closed = await admin.post(`/admin/partners/${ID}`, form(csrf, { featured: doubtful?.id ?? '', baseVersion: baseVersionOf(page) }))
    expect(closed.status).toBe(422)
    expect(await closed.text()).toContain(
      `<p class="field-error" id="featured-error">Featured ${doubtful?.id} is doubtful; only active services are offered.</p>`,
    )
    expect(await historyCount()).toBe(1)
  }, 30_000)

  it('refuses an edit made on a form opened before someone else saved', async () => {
    const page = await (await admin.get(`/admin/partners/${ID}`)).text()
    const csrf = await admin.csrf()
    const stale = await admin.post(`/admin/partners/${ID}`, form(csrf, { name: 'Nobody saw this', baseVersion: 'not-the-version' }))
    expect(stale.status).toBe(422)
    expect(await stale.text()).toContain('someone changed this record after you opened it')
    expect(baseVersionOf(page)).not.toBe('')
  }, 30_000)

  it('records an edit in the partner history, and the widget follows it at once', async () => {
    const page = await (await admin.get(`/admin/partners/${ID}`)).text()
    const csrf = await admin.csrf()
    const response = await admin.post(
      `/admin/partners/${ID}`,
      form(csrf, { origins: 'https://helpline.example\nhttps://www.helpline.example:8443', baseVersion: baseVersionOf(page) }),
    )
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(`/admin/partners/${ID}?done=saved`)
    expect(await frameAncestors(ID)).toBe('https://helpline.example https://www.helpline.example:8443')
    const history = await (await admin.get(`/admin/partners/${ID}/history`)).text()
    expect((history.match(/<li>/g) ?? []).length).toBe(2)
    expect(history).toContain('Anna · edited')
    expect(history).toContain('Anna · created')
    expect(history).toMatch(/<th scope="row">origins<\/th>[\s\S]*?<ins><pre>[^<]*https:\/\/www.helpline.example:8443/)
  }, 30_000)

  it('gives an editor a 403 page on every partner route, GET and POST, and changes nothing', async () => {
    for (const path of ['/admin/partners', '/admin/partners/new', `/admin/partners/${ID}`, `/admin/partners/${ID}/history`]) {
      const response = await editor.get(path)
      expect(response.status, path).toBe(403)
      expect(await response.text(), path).toContain('Only an administrator may see or change the partners')
    }
    const csrf = await editor.csrf()
    for (const [path, fields] of [
      ['/admin/partners/new', { id: 'editor-partner' }],
      [`/admin/partners/${ID}`, { origins: 'https://elsewhere.example' }],
    ] as const) {
      const response = await editor.post(path, form(csrf, fields))
      expect(response.status, path).toBe(403)
      // Refused for the role, not for the form: the CSRF token was the editor's own.
      expect(await response.text(), path).toContain('Only an administrator may see or change the partners')
    }
    expect((await admin.get('/admin/partners/editor-partner')).status).toBe(404)
    expect(await frameAncestors(ID)).toBe('https://helpline.example https://www.helpline.example:8443')
    expect(await (await editor.get('/admin/records')).text()).not.toContain('href="/admin/partners"')
  }, 30_000)
})
