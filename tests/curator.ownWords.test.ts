import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as z from 'zod'
import type { Initiative } from '../src/core/directory/initiativeSchema'
import { loadBundledData } from '../src/storage/bundledData'
import { ABOUT_ONLY, OWN_WORDS, SWEDISH_WORDS, withOnlyFixtures } from './support/aboutPageFixtures'
import type { consoleClient } from './support/consoleClient'
import { fieldError, recordFormFields } from './support/recordFormFields'
import type { startNodeServer } from './support/startNodeServer'
import { postConsoleForm } from './support/postConsoleForm'
import { storedRecord } from './support/storedRecord'
import { startConsoleWithCurators } from './support/startConsoleWithCurators'

// The console's fields for a page about the service and the service's own words: shown as stored,
// saved, and refused beside the control the curator must correct. A real server on a real SQLite file.
let server: Awaited<ReturnType<typeof startNodeServer>>
let anna: ReturnType<typeof consoleClient>

beforeAll(async () => {
  ;({ server, admin: anna } = await startConsoleWithCurators({ seed: withOnlyFixtures(loadBundledData()) }))
}, 60_000)
afterAll(async () => server.stop())

async function stored(id: string): Promise<Initiative | undefined> {
  return storedRecord(server.databaseFile, id)
}

async function submit(path: string, fields: Record<string, string | string[]>) {
  return postConsoleForm(anna, server.base, path, fields)
}

async function openForm(id: string) {
  const response = await anna.get(`/admin/records/${id}`)
  expect(response.status).toBe(200)
  const html = await response.text()
  return { html, fields: recordFormFields(html, `/admin/records/${id}`) }
}

/** The control with this id carries aria-invalid and names its error, and the error says `text`. */
function expectErrorBeside(html: string, id: string, text: RegExp) {
  const tag = new RegExp(`<(input|textarea|select)[^>]*\\sid="${id}"[^>]*>`).exec(html)?.[0] ?? ''
  expect(tag, id).toContain('aria-invalid="true"')
  expect(tag, id).toContain(`${id}-error`)
  expect(fieldError(html, id), id).toMatch(text)
}

describe('the record form', () => {
  it('shows the page about the service, who published it, and each own-words row as stored, plus an empty row', async () => {
    const { html, fields } = await openForm(OWN_WORDS.id)
    expect(fields).toMatchObject({
      aboutPage: OWN_WORDS.aboutPage,
      aboutPageBy: 'official',
      'ownWords-0-language': 'sv',
      'ownWords-0-text': SWEDISH_WORDS,
      'ownWords-0-source': 'https://own-words.example/om-oss',
      'ownWords-1-language': 'ar',
      'ownWords-2-language': '',
      'ownWords-2-text': '',
    })
    // The sources are offered as suggestions for the fields that must name one of them.
    expect(html).toMatch(
      /<datalist id="source-urls"><option value="https:\/\/ministry.example\/press\/test-line"><\/option><option value="https:\/\/own-words.example\/om-oss"><\/option><\/datalist>/,
    )
    expect(html).toContain('list="source-urls"')
  })

  it('saves a new own-words row and a changed publisher, and the public API shows the words to a German interface', async () => {
    const { fields } = await openForm(OWN_WORDS.id)
    const german = 'Anonymes Telefon für Menschen, die sich wegen ihrer Gedanken sorgen (Testtext).'
    const response = await submit(`/admin/records/${OWN_WORDS.id}`, {
      ...fields,
      aboutPageBy: 'operator',
      'ownWords-2-language': 'de',
      'ownWords-2-text': german,
      'ownWords-2-source': 'https://own-words.example/om-oss',
    })
    expect(response.status).toBe(303)
    const record = await stored(OWN_WORDS.id)
    expect(record?.aboutPageBy).toBe('operator')
    expect(record?.ownWords).toEqual([...OWN_WORDS.ownWords, { language: 'de', text: german, source: 'https://own-words.example/om-oss' }])
    const history = await (await anna.get(`/admin/records/${OWN_WORDS.id}/history`)).text()
    expect(history).toContain('<th scope="row">ownWords</th>')

    const View = z.object({
      state: z.string(),
      results: z
        .object({
          services: z.array(
            z.object({
              id: z.string(),
              description: z
                .object({ text: z.string(), lang: z.string(), dir: z.string(), sourceUrl: z.string().optional(), ownWords: z.boolean() })
                .optional(),
            }),
          ),
        })
        .nullish(),
    })
    let view: z.infer<typeof View> | undefined
    for (const reply of [undefined, ['self'], ['adult'], ['SE'], ['sv'], ['nothing_happened'], ['phone'], ['not_needed']]) {
      const request = reply ? { state: view?.state, action: 'answer', reply } : { action: 'start', ui: 'de' }
      view = View.parse(
        await (
          await fetch(`${server.base}/api/v1/turn`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(request),
          })
        ).json(),
      )
    }
    expect(view?.results?.services.find((service) => service.id === OWN_WORDS.id)?.description).toEqual({
      text: german,
      lang: 'de',
      dir: 'ltr',
      sourceUrl: 'https://own-words.example/om-oss',
      ownWords: true,
    })
  })

  it('removes an own-words row with its box', async () => {
    const { fields } = await openForm(OWN_WORDS.id)
    expect(fields['ownWords-1-language']).toBe('ar')
    expect((await submit(`/admin/records/${OWN_WORDS.id}`, { ...fields, 'ownWords-1-remove': '1' })).status).toBe(303)
    expect((await stored(OWN_WORDS.id))?.ownWords.map((words) => words.language)).toEqual(['sv', 'de'])
  })

  it("refuses own words whose source is not one of the record's sources, beside that source box, and keeps what was typed", async () => {
    const { fields } = await openForm(OWN_WORDS.id)
    const response = await submit(`/admin/records/${OWN_WORDS.id}`, { ...fields, 'ownWords-0-source': 'https://elsewhere.example/quote' })
    expect(response.status).toBe(422)
    const html = await response.text()
    expectErrorBeside(html, 'ownWords-0-source', /one of the sources/)
    expect(html).toContain('href="#ownWords-0-source"')
    expect(html).toContain('Own words 1: Taken from (source URL)')
    expect(recordFormFields(html, `/admin/records/${OWN_WORDS.id}`)['ownWords-0-source']).toBe('https://elsewhere.example/quote')
    expect((await stored(OWN_WORDS.id))?.ownWords[0]?.source).toBe('https://own-words.example/om-oss')
  })

  it('refuses a page about the service that is not a source, a page without its publisher, a second text in one language, and a bad language code, each beside its control', async () => {
    const { fields } = await openForm(OWN_WORDS.id)
    const notSource = await submit(`/admin/records/${OWN_WORDS.id}`, { ...fields, aboutPage: 'https://elsewhere.example/about' })
    expect(notSource.status).toBe(422)
    expectErrorBeside(await notSource.text(), 'aboutPage', /one of the sources/)

    const noPublisher = await submit(`/admin/records/${OWN_WORDS.id}`, { ...fields, aboutPageBy: '' })
    expect(noPublisher.status).toBe(422)
    expectErrorBeside(await noPublisher.text(), 'aboutPageBy', /go together/)

    const tampered = await submit(`/admin/records/${OWN_WORDS.id}`, { ...fields, aboutPageBy: 'somebody' })
    expect(tampered.status).toBe(422)
    expectErrorBeside(await tampered.text(), 'aboutPageBy', /Choose one of the options/)

    const twice = await submit(`/admin/records/${OWN_WORDS.id}`, {
      ...fields,
      'ownWords-2-language': 'sv',
      'ownWords-2-text': 'En andra svensk text.',
      'ownWords-2-source': 'https://own-words.example/om-oss',
    })
    expect(twice.status).toBe(422)
    expectErrorBeside(await twice.text(), 'ownWords-2-language', /one per language/)

    const badCode = await submit(`/admin/records/${OWN_WORDS.id}`, { ...fields, 'ownWords-0-language': 'xx' })
    expect(badCode.status).toBe(422)
    expectErrorBeside(await badCode.text(), 'ownWords-0-language', /"xx" is not an ISO 639-1 language code/)

    const tooLong = await submit(`/admin/records/${OWN_WORDS.id}`, { ...fields, 'ownWords-0-text': 'ord '.repeat(200) })
    expect(tooLong.status).toBe(422)
    expectErrorBeside(await tooLong.text(), 'ownWords-0-text', /at most 600 characters/)

    expect((await stored(OWN_WORDS.id))?.aboutPage).toBe(OWN_WORDS.aboutPage)
  })

  it('a record with only a page about the service can be created from the form and is then offered to people', async () => {
    const fields = recordFormFields(await (await anna.get('/admin/records/new')).text(), '/admin/records/new')
    const response = await submit('/admin/records/new', {
      ...fields,
      id: 'test-created-about-only',
      name: 'Created with only an about page',
      countries: 'SE',
      languages: 'sv',
      'tags-target_group': 'fear_may_offend',
      aboutPage: 'https://created.example/about',
      aboutPageBy: 'operator',
      'sources-0-url': 'https://created.example/about',
      'sources-0-date': '2025-01',
      'sources-0-supports': 'service',
    })
    expect(response.status).toBe(303)
    expect(await stored('test-created-about-only')).toMatchObject({
      website: null,
      contacts: [],
      aboutPage: 'https://created.example/about',
      aboutPageBy: 'operator',
      ownWords: [],
    })
    const View = z.object({ state: z.string(), results: z.object({ services: z.array(z.object({ id: z.string() })) }).nullish() })
    let view: z.infer<typeof View> | undefined
    for (const reply of [undefined, ['self'], ['adult'], ['SE'], ['sv'], ['nothing_happened'], ['phone'], ['not_needed']]) {
      const request = reply ? { state: view?.state, action: 'answer', reply } : { action: 'start', ui: 'en' }
      view = View.parse(
        await (
          await fetch(`${server.base}/api/v1/turn`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(request),
          })
        ).json(),
      )
    }
    expect(view?.results?.services.map((service) => service.id)).toEqual(expect.arrayContaining(['test-created-about-only', ABOUT_ONLY.id]))
  })
})
