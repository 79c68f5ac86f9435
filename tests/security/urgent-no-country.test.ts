import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as z from 'zod'
import { urgentCard } from '../../src/channels/botframework/urgentCard'
import { urgentView } from '../../src/channels/shared/urgentView'
import { indexDirectory } from '../../src/core/directory/indexDirectory'
import { generateKeyring } from '../../src/core/state/keyring'
import { createTranslator } from '../../src/i18n/createTranslator'
import { resources, type UiLanguage } from '../../src/i18n/resources'
import { createNodeApp } from '../../src/runtime/createNodeApp'
import { loadBundledData } from '../../src/storage/bundledData'
import { postForm, stateOf } from '../support/formConversation'
import { langOf, telLinksOf } from '../support/pageFacts'

// The finding: a browser that sends only a language (Accept-Language: fr, pl, sv, ar, en) got an
// urgent page with no tap-to-call number, a country list sitting on its first entry (Australia;
// Iceland in Arabic), and after "A child is in danger now" an empty "Call … now" line. The 404
// page's urgent panel had no tel: links and ignored the region; /urgent/ was a 404.
const data = loadBundledData()
const digitsOf = (number: string) => number.replace(/\s+/g, '')
const linesOf = (country: string) => data.urgent.find((entry) => entry.country === country)?.lines ?? []
const emergencyOf = (country: string) => linesOf(country).find((line) => line.kind === 'emergency')?.number ?? ''

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" }
const unescapeHtml = (html: string) => html.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (entity) => ENTITIES[entity] ?? entity)
const UrgentWords = z.object({ translation: z.object({ urgent: z.object({ call_first: z.string(), country_placeholder: z.string() }) }) })
const wordsOf = (ui: string) => UrgentWords.parse(Reflect.get(resources, ui)).translation.urgent
const callFirstIn = (ui: string, number: string) => wordsOf(ui).call_first.replace('{{number}}', number)

/** The urgent panel's country select: every option, and the one the browser would submit. */
function countrySelect(html: string) {
  const select = /<select id="urgent-country" name="urgent_country">([\s\S]*?)<\/select>/.exec(html)?.[1] ?? ''
  const options = [...select.matchAll(/<option value="([^"]*)"( selected="")?>([^<]*)<\/option>/g)].map((match) => ({
    value: match[1] ?? '',
    selected: match[2] !== undefined,
    label: unescapeHtml(match[3] ?? ''),
  }))
  // With no selected attribute a browser submits the first option: that was the unsafe default.
  const submitted = options.find((option) => option.selected) ?? options[0]
  return { options, submitted }
}

// A long header whose only region comes after the first 8 entries.
const LONG = 'en, fr;q=0.95, pl;q=0.9, sv;q=0.9, ar;q=0.8, it;q=0.8, es;q=0.7, nl;q=0.7, da;q=0.6, de-AT;q=0.5'
const CASES: { header: string | undefined; region: string | undefined }[] = [
  { header: 'fr', region: undefined },
  { header: 'pl', region: undefined },
  { header: 'sv', region: undefined },
  { header: 'ar', region: undefined },
  { header: 'en', region: undefined },
  { header: undefined, region: undefined },
  { header: 'de-AT,de;q=0.9', region: 'AT' },
  { header: LONG, region: 'AT' },
]
const label = (header: string | undefined) =>
  header === undefined ? '(none)' : header.length > 20 ? `${header.slice(0, 20)}… (${header.split(',').length} entries)` : header

const folder = mkdtempSync(join(tmpdir(), 'helpfinder-'))
let base = ''
let stopServer: () => Promise<void> = async () => {}

beforeAll(async () => {
  const { app, close } = await createNodeApp({
    databaseFile: join(folder, 'helpfinder.sqlite'),
    keyring: await generateKeyring(),
    log: () => {},
    console: false,
  })
  // A fault injected on purpose: the last-resort 500 page must carry the same panel.
  app.get('/__fault', () => {
    throw new Error('injected fault')
  })
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started))
  })
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  stopServer = async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()))
    close()
  }
})
afterAll(async () => {
  await stopServer()
  rmSync(folder, { recursive: true, force: true })
})

const headersOf = (header: string | undefined): Record<string, string> => (header === undefined ? {} : { 'accept-language': header })

async function get(path: string, header: string | undefined) {
  const response = await fetch(`${base}${path}`, { headers: headersOf(header), redirect: 'manual' })
  return { status: response.status, html: await response.text(), headers: response.headers }
}

describe.each(CASES)('Accept-Language $header', ({ header, region }) => {
  const expectedNumber = region ? emergencyOf(region) : '112'

  it(`GET /urgent offers tap-to-call numbers and starts the country list on ${region ?? '"Choose your country"'} (${label(header)})`, async () => {
    const page = await get('/urgent', header)
    expect(page.status).toBe(200)
    const tels = telLinksOf(page.html)
    expect(tels.length).toBeGreaterThan(0)
    expect(tels[0]).toBe(digitsOf(expectedNumber))
    const ui = langOf(page.html) ?? 'en'
    const { options, submitted } = countrySelect(page.html)
    expect(options.length).toBeGreaterThan(30)
    if (region) {
      expect(submitted?.value).toBe(region)
    } else {
      expect(submitted).toEqual({ value: '', selected: true, label: wordsOf(ui).country_placeholder })
      // Without a country, the numbers many countries share: 112, 116 111, 116 123 and 116 000.
      expect(tels).toEqual(['112', '116111', '116123', '116000'])
    }
  })

  it(`answering "A child is in danger now" says "call ${expectedNumber} now" (${label(header)})`, async () => {
    const page = await get('/urgent', header)
    const ui = langOf(page.html) ?? 'en'
    // The question form as the page has it: its state and, when a country is shown, its hidden field.
    const question = /<form[^>]*class="urgent-question"[^>]*>([\s\S]*?)<\/form>/.exec(page.html)?.[1] ?? ''
    const country = /name="urgent_country" value="([^"]*)"/.exec(question)?.[1]
    const answered = await postForm(
      base,
      { state: stateOf(page.html), action: 'urgent', urgent_reason: 'child_danger', ...(country ? { urgent_country: country } : {}) },
      headersOf(header),
    )
    expect(answered.status).toBe(200)
    // The sentence's number is isolated left to right (for right-to-left pages), so its text is read without tags.
    const callFirstHtml = /<p class="call-first" role="alert"><strong>([\s\S]*?)<\/strong>/.exec(answered.html)?.[1] ?? ''
    expect(callFirstHtml).toContain(`<bdi class="digits" dir="ltr">${expectedNumber}</bdi>`)
    const callFirst = callFirstHtml.replace(/<[^>]+>/g, '')
    expect(unescapeHtml(callFirst).trim()).not.toBe('')
    expect(unescapeHtml(callFirst)).toBe(callFirstIn(ui, expectedNumber))
    expect(telLinksOf(answered.html)[0]).toBe(digitsOf(expectedNumber))
  })

  it(`the 404 page carries the same panel with tel: links (${label(header)})`, async () => {
    const page = await get('/no-such-page', header)
    expect(page.status).toBe(404)
    const tels = telLinksOf(page.html)
    expect(tels[0]).toBe(digitsOf(expectedNumber))
    expect(tels).toEqual(region ? linesOf(region).map((line) => digitsOf(line.number)) : ['112', '116111', '116123', '116000'])
    expect(countrySelect(page.html).submitted?.value).toBe(region ?? '')
  })
})

describe('the panel is the same on every page', () => {
  it('the 404 page for de-AT shows Austria’s own numbers', async () => {
    const page = await get('/no-such-page', 'de-AT,de;q=0.9')
    expect(telLinksOf(page.html)).toEqual(['112', '147', '142', '116000'])
    expect(page.html).toContain('Dringende Hilfe · Österreich')
  })

  it('the last-resort 500 page shows tel: links too, with the region’s numbers', async () => {
    const plain = await get('/__fault', 'fr')
    expect(plain.status).toBe(500)
    expect(telLinksOf(plain.html)).toEqual(['112', '116111', '116123', '116000'])
    expect(plain.html).not.toContain('injected fault')
    const austria = await get('/__fault', 'de-AT')
    expect(telLinksOf(austria.html)).toEqual(['112', '147', '142', '116000'])
  })

  it('choosing "Choose your country" again keeps the shared numbers: no 400, no crash', async () => {
    const page = await get('/urgent', 'fr')
    const chosen = await postForm(base, { state: stateOf(page.html), action: 'urgent', urgent_country: '' }, { 'accept-language': 'fr' })
    expect(chosen.status).toBe(200)
    expect(telLinksOf(chosen.html)).toEqual(['112', '116111', '116123', '116000'])
    expect(countrySelect(chosen.html).submitted).toMatchObject({ value: '', selected: true })
    const bare = await get('/urgent?country=', 'fr')
    expect(bare.status).toBe(200)
    expect(telLinksOf(bare.html)).toEqual(['112', '116111', '116123', '116000'])
  })

  it('each shared number says where it is on file and links a source', async () => {
    const page = await get('/urgent', 'en')
    expect(page.html).toContain('Countries on our list with this number (31)')
    expect(page.html).toMatch(/<details class="where"><summary>[^<]+<\/summary><p class="muted">[^<]*Austria[^<]*<\/p><\/details>/)
    expect(page.html).not.toContain('Australia, ')
    const sources = [...page.html.matchAll(/<a href="(https:[^"]+)" rel="noreferrer">Source<\/a>/g)]
    // One per shared number: 112, 116 111, 116 123, 116 000.
    expect(sources).toHaveLength(4)
  })
})

describe('a trailing slash is not a dead end', () => {
  it.each(['/urgent', '/privacy', '/safety', '/demo'])(
    'a trailing slash on %s redirects to the address without it, keeping the query',
    async (path) => {
      const plain = await get(`${path}/`, 'en')
      expect(plain.status).toBe(301)
      expect(plain.headers.get('location')).toBe(path)
      const query = await get(`${path}/?lang=de&country=AT`, 'en')
      expect(query.headers.get('location')).toBe(`${path}?lang=de&country=AT`)
    },
  )

  it('GET /urgent/ followed ends on the urgent page with numbers', async () => {
    const response = await fetch(`${base}/urgent/`, { headers: { 'accept-language': 'pl' } })
    expect(response.status).toBe(200)
    expect(new URL(response.url).pathname).toBe('/urgent')
    expect(telLinksOf(await response.text())).toContain('112')
  })

  it('never redirects anywhere else: other paths with a slash stay 404s on this site', async () => {
    for (const path of ['//evil.example/', '/urgent//', '/nothing/']) {
      const page = await get(path, 'en')
      expect(page.status, path).toBe(404)
      expect(page.headers.get('location'), path).toBeNull()
    }
  })
})

const ApiUrgent = z.object({
  urgent: z.object({
    country: z.string().nullish(),
    shared: z.boolean(),
    callFirst: z.string().nullish(),
    lines: z.array(
      z.object({
        kind: z.string(),
        number: z.string(),
        tel: z.string(),
        source: z.string().nullish(),
        where: z.object({ codes: z.array(z.string()) }).nullish(),
      }),
    ),
  }),
})

describe('the JSON API and the bot', () => {
  it('the API’s urgent view with no country has tap-to-call lines, 112 first, each saying where', async () => {
    const response = await fetch(`${base}/api/v1/turn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'sv' },
      body: JSON.stringify({ action: 'urgent', urgentReason: 'child_danger' }),
    })
    expect(response.status).toBe(200)
    const { urgent } = ApiUrgent.parse(await response.json())
    expect(urgent.country ?? undefined).toBeUndefined()
    expect(urgent.shared).toBe(true)
    expect(urgent.lines.map((line) => line.tel)).toEqual(['tel:112', 'tel:116111', 'tel:116000', 'tel:116123'])
    expect(urgent.callFirst).toBe(callFirstIn('sv', '112'))
    for (const line of urgent.lines) {
      expect(line.source).toMatch(/^https:\/\//)
      expect(line.where?.codes.length).toBeGreaterThanOrEqual(3)
    }
  })

  it('"I might hurt myself" with no country puts the crisis number first and keeps the others', async () => {
    const response = await fetch(`${base}/api/v1/turn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'ar' },
      body: JSON.stringify({ action: 'urgent', urgentReason: 'self_harm' }),
    })
    const { urgent } = ApiUrgent.parse(await response.json())
    expect(urgent.lines.map((line) => line.number)).toEqual(['116 123', '112', '116 111', '116 000'])
    expect(urgent.callFirst).toBe(callFirstIn('ar', '116 123'))
  })

  it('the bot’s urgent card with no country has call buttons, 112 first', async () => {
    const translator = await createTranslator()
    const ui: UiLanguage = 'fr'
    const card = urgentCard(urgentView(indexDirectory(data), undefined, translator.t(ui), ui, 'child_danger'), 'ltr')
    const Card = z.object({ content: z.object({ text: z.string(), buttons: z.array(z.object({ type: z.string(), value: z.string() })) }) })
    const { content } = Card.parse(card)
    expect(content.buttons.filter((button) => button.type === 'call').map((button) => button.value)).toEqual([
      'tel:112',
      'tel:116111',
      'tel:116000',
      'tel:116123',
    ])
    expect(content.text).toContain(callFirstIn('fr', '112'))
  })
})
