import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadBundledData } from '../src/storage/bundledData'
import { openStart, postForm, type FormPage } from './support/formConversation'
import { servicesOf, stepOf, telLinksOf } from './support/pageFacts'
import { startNodeServer } from './support/startNodeServer'
import { testPartner } from './support/testPartner'
import { answerPath, jsonReplies } from './support/answerPaths'

const ANY_CHANNEL = answerPath({ channels: ['any'], anonymity: 'not_needed' })

// The widget's routes over real HTTP: who may frame the panel, presets, the partner's own
// services first, and bad input that never costs the person their place.

let server: Awaited<ReturnType<typeof startNodeServer>>
beforeAll(async () => {
  const data = loadBundledData()
  const partners = [
    ...data.partners,
    testPartner({
      id: 'two-sites',
      origins: ['https://www.helpline.example', 'https://help.example:8443'],
      featured: ['stop-it-now-nl', 'kein-taeter-werden'],
      defaultCountry: 'NL',
      defaultLanguage: 'nl',
    }),
    testPartner({ id: 'nowhere', origins: [] }),
  ]
  server = await startNodeServer({ seed: { ...data, partners } })
})
afterAll(async () => server.stop())

const panel = (query: string) => openStart(server.base, {}, `/widget/panel?${query}`)
const post = (fields: Record<string, string | string[]>) => postForm(server.base, fields, {}, '/widget/turn')
const frameAncestors = (page: FormPage) => /frame-ancestors ([^;]+)$/.exec(page.headers.get('content-security-policy') ?? '')?.[1]

/** Answers through the panel's forms, carrying the hidden fields each page holds (as a browser would). */
async function answer(page: FormPage, reply: string[]): Promise<FormPage> {
  const hidden = Object.fromEntries(
    [...page.html.matchAll(/<input type="hidden" name="(w_[a-z]+)" value="([^"]*)"/g)].map((match) => [match[1] ?? '', match[2] ?? '']),
  )
  return post({ ...hidden, state: page.state, action: 'answer', answer: reply })
}

describe('the widget over HTTP', () => {
  it('widget.js is JavaScript any site may load, and sets no cookie', async () => {
    const response = await fetch(`${server.base}/widget.js`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/)
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    expect(response.headers.get('set-cookie')).toBeNull()
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  it.each([
    ['no partner: any site', '', '*'],
    ['a partner: only its origins', 'partner=two-sites', 'https://www.helpline.example https://help.example:8443'],
    ['a partner with no origins: nowhere', 'partner=nowhere', "'none'"],
    ['the demo partner: Helpfinder itself', 'partner=demo-helpline', "'self'"],
    ['an unknown partner: the default widget', 'partner=nobody', '*'],
  ])('frame-ancestors for %s', async (_name, query, expected) => {
    const page = await panel(query)
    expect(page.status).toBe(200)
    expect(frameAncestors(page)).toBe(expected)
    expect(page.headers.get('x-frame-options')).toBeNull()
  })

  it('an unknown partner id is named in a console line for the host page developer', async () => {
    const page = await panel('partner=nobody')
    expect(page.html).toContain('data-console-note="Helpfinder widget: unknown partner id &quot;nobody&quot;')
    expect((await panel('partner=two-sites')).html).not.toContain('data-console-note="')
  })

  it("uses the partner's default language and country, and shows its own service first, labelled", async () => {
    let page = await panel('partner=two-sites')
    expect(page.html).toContain('lang="nl"')
    page = await answer(page, ['self'])
    expect(stepOf(page.html)).toBe('country')
    expect(page.html).toMatch(/<option value="NL" selected/)
    page = await answer(page, ['NL'])
    page = await answer(page, ['nl'])
    page = await answer(page, ['nothing_happened'])
    page = await answer(page, ['any'])
    page = await answer(page, ['not_needed'])
    expect(servicesOf(page.html)).toEqual(['stop-it-now-nl'])
    expect(page.html).toContain('Test Helpline')
  })

  it("moves the partner's own services first only when they fit, and never adds one that does not", async () => {
    let page = await panel('partner=two-sites&country=DE&lang=de')
    for (const reply of jsonReplies(ANY_CHANNEL)) page = await answer(page, reply)
    const services = servicesOf(page.html)
    expect(services[0]).toBe('kein-taeter-werden')
    expect(services).toContain('troubled-desire')
    // Stop it Now! Nederland is featured too, but does not serve Germany in German.
    expect(services).not.toContain('stop-it-now-nl')
    const plain = await panel('country=DE&lang=de')
    let unfeatured = plain
    for (const reply of jsonReplies(ANY_CHANNEL)) unfeatured = await answer(unfeatured, reply)
    expect(servicesOf(unfeatured.html)[0]).not.toBe('kein-taeter-werden')
    expect(unfeatured.html).not.toContain('class="featured"')
  })

  it('the embed’s presets win over the partner’s defaults, and urgent help knows the country at once', async () => {
    const page = await panel('partner=two-sites&country=DE&lang=de')
    expect(page.html).toContain('lang="de"')
    const urgent = await post({ state: page.state, w_partner: 'two-sites', w_country: 'DE', action: 'urgent' })
    expect(telLinksOf(urgent.html)).toContain('112')
  })

  it('settings that do not parse are ignored, never an error', async () => {
    const page = await panel(
      `partner=${encodeURIComponent('<script>')}&country=XYZ&lang=${encodeURIComponent('"><b>')}&accent=${encodeURIComponent('red;}body{display:none')}`,
    )
    expect(page.status).toBe(200)
    expect(frameAncestors(page)).toBe('*')
    expect(page.html).not.toContain('<b>')
    expect(page.html).not.toContain('display:none')
    expect(page.html).toContain('--accent:#1f5f8b')
  })

  it('a colour too light to read is darkened in the panel', async () => {
    const page = await panel(`accent=${encodeURIComponent('#ffee00')}`)
    const accent = /--accent:(#[0-9a-f]{6})/.exec(page.html)?.[1]
    expect(accent).toBeDefined()
    expect(accent).not.toBe('#ffee00')
  })

  it('a broken post keeps the place and the widget settings, with a clear message and urgent help', async () => {
    const start = await panel('partner=two-sites')
    const next = await answer(start, ['self'])
    const broken = await post({ state: next.state, w_partner: 'two-sites', action: 'not-an-action' })
    expect(broken.status).toBe(400)
    expect(stepOf(broken.html)).toBe('country')
    expect(broken.html).toContain('name="w_partner" value="two-sites"')
    expect(broken.html).toMatch(/class="urgent"/)
  })
})
