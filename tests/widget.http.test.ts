import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import de from '../locales/de/translation.json'
import en from '../locales/en/translation.json'
import nl from '../locales/nl/translation.json'
import sv from '../locales/sv/translation.json'
import { loaderScript, loaderVersion } from '../src/channels/widget/widgetAssets.generated'
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
  })

  it('widget.js at its stable address is kept five minutes, then revalidated cheaply (304)', async () => {
    const response = await fetch(`${server.base}/widget.js`, { headers: { 'accept-encoding': 'identity' } })
    expect(response.headers.get('cache-control')).toBe('public, max-age=300')
    expect(response.headers.get('vary')).toMatch(/accept-encoding/i)
    const etag = response.headers.get('etag')
    expect(etag).toBe(`W/"${loaderVersion}"`)
    expect(await response.text()).toBe(loaderScript)
    for (const ifNoneMatch of [etag ?? '', `"${loaderVersion}"`, `"other", W/"${loaderVersion}"`]) {
      const again = await fetch(`${server.base}/widget.js`, { headers: { 'if-none-match': ifNoneMatch } })
      expect(again.status).toBe(304)
      expect(await again.text()).toBe('')
      expect(again.headers.get('cache-control')).toBe('public, max-age=300')
      expect(again.headers.get('etag')).toBe(etag)
    }
    const changed = await fetch(`${server.base}/widget.js`, { headers: { 'if-none-match': 'W/"an-older-version"' } })
    expect(changed.status).toBe(200)
    expect(await changed.text()).toBe(loaderScript)
  })

  it('widget.js at its versioned address is the same loader, kept for a year; an old version is not', async () => {
    const versioned = await fetch(`${server.base}/widget.js?v=${loaderVersion}`)
    expect(versioned.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(await versioned.text()).toBe(loaderScript)
    const old = await fetch(`${server.base}/widget.js?v=0000000000000000`)
    expect(old.headers.get('cache-control')).toBe('public, max-age=300')
    expect(await old.text()).toBe(loaderScript)
  })

  it('nothing but widget.js may be kept: the pages and turns stay no-store', async () => {
    const page = await panel('partner=two-sites')
    expect(page.headers.get('cache-control')).toBe('no-store')
    expect((await fetch(`${server.base}/`)).headers.get('cache-control')).toBe('no-store')
    expect((await fetch(`${server.base}/demo`)).headers.get('cache-control')).toBe('no-store')
    const next = await answer(page, ['self'])
    expect(next.headers.get('cache-control')).toBe('no-store')
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

  describe("a site the partner has not registered (the loader's host=)", () => {
    const notSetUp = (page: { html: string }) => page.html.includes('id="open-helpfinder"')
    /** The panel's address as the loader opens it; the not-set-up page has no state, so not openStart. */
    const open = async (query: string, headers: Record<string, string> = {}) => {
      const response = await fetch(`${server.base}/widget/panel?${query}`, { headers })
      return { status: response.status, headers: response.headers, html: await response.text(), state: '' }
    }

    it('gets a page any site may frame, saying so in the partner’s language, that holds no conversation', async () => {
      const page = await open(`partner=two-sites&host=${encodeURIComponent('https://elsewhere.example')}`)
      expect(page.status).toBe(200)
      expect(frameAncestors(page)).toBe('*')
      expect(page.headers.get('x-frame-options')).toBeNull()
      expect(page.headers.get('cache-control')).toBe('no-store')
      expect(page.html).toContain('lang="nl"')
      expect(page.html).toContain(nl.widget.unregistered_title)
      // Nothing to act on and nothing of a conversation: no form, no state, no partner branding.
      expect(page.html).not.toMatch(/<form|name="state"|<button|Test Helpline/)
      const links = [...page.html.matchAll(/<a [^>]*>/g)].map((match) => match[0])
      expect(links).toEqual([
        expect.stringMatching(/id="exit".*target="_top"/),
        expect.stringMatching(/id="open-helpfinder" href="\/\?lang=nl" target="_blank" rel="noopener noreferrer"/),
        expect.stringMatching(/id="open-urgent" href="\/urgent\?lang=nl&amp;country=NL" target="_blank" rel="noopener noreferrer"/),
      ])
      expect(page.html).toContain(
        'data-console-note="Helpfinder widget: partner id &quot;two-sites&quot; is not set up for https://elsewhere.example',
      )
    })

    it.each([
      ['the embed’s language first', 'lang=de', {}, de.widget.unregistered_title],
      ['else the browser’s, when the partner has none', '', { 'accept-language': 'sv-SE,sv;q=0.9' }, sv.widget.unregistered_title],
    ])('is in %s', async (_name, query, headers, title) => {
      const partner = query === '' ? 'nowhere' : 'two-sites'
      const page = await open(`partner=${partner}&${query}&host=${encodeURIComponent('https://elsewhere.example')}`, headers)
      expect(page.html).toContain(title)
    })

    it.each([
      ['a listed origin', 'https://www.helpline.example'],
      ['a listed origin with its port', 'https://help.example:8443'],
      ['not an origin (a path)', 'https://elsewhere.example/page'],
      ['not an origin at all', 'javascript:alert(1)'],
    ])('is the panel itself for %s', async (_name, host) => {
      const page = await panel(`partner=two-sites&host=${encodeURIComponent(host)}`)
      expect(notSetUp(page)).toBe(false)
      expect(page.html).toContain('id="question"')
      expect(frameAncestors(page)).toBe('https://www.helpline.example https://help.example:8443')
    })

    it('is offered for another port of a listed host and for a partner with no origins; never without a partner', async () => {
      expect(notSetUp(await open(`partner=two-sites&host=${encodeURIComponent('https://help.example:9999')}`))).toBe(true)
      expect(notSetUp(await open(`partner=nowhere&host=${encodeURIComponent('https://www.helpline.example')}`))).toBe(true)
      // No partner, or an unknown one: the default widget, which any site may frame anyway.
      expect(notSetUp(await panel(`host=${encodeURIComponent('https://elsewhere.example')}`))).toBe(false)
      expect(notSetUp(await panel(`partner=nobody&host=${encodeURIComponent('https://elsewhere.example')}`))).toBe(false)
    })
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
    expect(stepOf(page.html)).toBe('age')
    page = await answer(page, ['adult'])
    expect(stepOf(page.html)).toBe('country')
    expect(page.html).toMatch(/<input id="answer-text"[^>]*value="Nederland"/)
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
    expect(page.html).not.toContain('body{display:none')
    expect(page.html).toContain('--accent:#1f5f8b')
  })

  it('a colour too light to read is darkened in the panel', async () => {
    const page = await panel(`accent=${encodeURIComponent('#ffee00')}`)
    const accent = /--accent:(#[0-9a-f]{6})/.exec(page.html)?.[1]
    expect(accent).toBeDefined()
    expect(accent).not.toBe('#ffee00')
  })

  it('the panel says, only to a browser without script, to use its own Back button', async () => {
    const page = await panel('partner=two-sites&lang=en')
    expect(page.html).toContain(`<noscript><p class="muted">${en.widget.no_script_back.replace("'", '&#39;')}</p></noscript>`)
  })

  it('a reload of the posting address (GET /widget/turn) is sent to the panel’s start, not an error', async () => {
    const response = await fetch(`${server.base}/widget/turn`, { redirect: 'manual' })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/widget/panel')
  })

  it('a broken post keeps the place and the widget settings, with a clear message and urgent help', async () => {
    const start = await panel('partner=two-sites')
    const next = await answer(start, ['someone'])
    const broken = await post({ state: next.state, w_partner: 'two-sites', action: 'not-an-action' })
    expect(broken.status).toBe(400)
    expect(stepOf(broken.html)).toBe('country')
    expect(broken.html).toContain('name="w_partner" value="two-sites"')
    expect(broken.html).toMatch(/class="urgent"/)
  })
})
