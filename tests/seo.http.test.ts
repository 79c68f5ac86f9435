import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { uiLanguages } from '../src/i18n/resources'
import { launchChromium } from './support/chromium'
import { openStart, postForm } from './support/formConversation'
import { startNodeServer } from './support/startNodeServer'
import { NEUTRAL_SITE } from '../src/channels/web/neutralSite'

// Issue 23: people who search for help find it. The landing page in every interface language at its
// own address, indexable, with a description, a canonical link and alternates; every other page
// noindex; robots.txt, sitemap.xml and an icon; and nothing that tracks. Real servers on loopback,
// one with PUBLIC_ORIGIN (absolute addresses) and one without (paths).
const ORIGIN = 'https://help.example.org'
const RTL = new Set(['ar'])

let configured: Awaited<ReturnType<typeof startNodeServer>>
let bare: Awaited<ReturnType<typeof startNodeServer>>
let browser: Browser
beforeAll(async () => {
  ;[configured, bare, browser] = await Promise.all([startNodeServer({ publicOrigin: ORIGIN }), startNodeServer(), launchChromium()])
}, 60_000)
afterAll(async () => {
  await browser?.close()
  await Promise.all([configured?.stop(), bare?.stop()])
})

const decode = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

/** The page's `<head>`, which the tests read tag by tag. */
const headOf = (html: string) => html.slice(html.indexOf('<head>'), html.indexOf('</head>'))
const robotsOf = (html: string) => /<meta name="robots" content="([^"]*)"/.exec(headOf(html))?.[1]
const descriptionOf = (html: string) => /<meta name="description" content="([^"]*)"/.exec(headOf(html))?.[1]
const canonicalOf = (html: string) => /<link rel="canonical" href="([^"]*)"/.exec(headOf(html))?.[1]
const alternatesOf = (html: string) =>
  [...headOf(html).matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)].map(([, hreflang, href]) => ({
    hreflang,
    href,
  }))
/** Every address the page names in a src or href attribute. */
const addressesOf = (html: string) => [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map(([, address]) => decode(address ?? ''))

async function get(base: string, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${path}`, { headers, redirect: 'manual' })
  return { status: response.status, headers: response.headers, body: await response.text() }
}

/** Translated descriptions, read from the locale files the app loads. */
async function descriptionIn(language: string): Promise<string> {
  const { default: locale } = await import(`../locales/${language}/translation.json`)
  return locale.app.meta_description
}

describe('landing pages, one per interface language', () => {
  it.each(uiLanguages)(
    '/%s/ is the first question in that language, indexable, with description, canonical and 31 alternates',
    async (language) => {
      const page = await get(configured.base, `/${language}/`, { 'accept-language': 'en-GB' })
      expect(page.status).toBe(200)
      expect(page.body).toMatch(new RegExp(`^<!DOCTYPE html><html lang="${language}" dir="${RTL.has(language) ? 'rtl' : 'ltr'}">`))
      expect(page.body).toContain('name="state"')
      expect(page.body).not.toContain('noindex')
      expect(page.headers.get('x-robots-tag')).toBeNull()
      expect(robotsOf(page.body)).toBeUndefined()
      const description = await descriptionIn(language)
      expect(description.length).toBeGreaterThan(50)
      expect(decode(descriptionOf(page.body) ?? '')).toBe(description)
      expect(canonicalOf(page.body)).toBe(`${ORIGIN}/${language}/`)
      const alternates = alternatesOf(page.body)
      expect(alternates).toHaveLength(31)
      expect(alternates).toEqual([
        ...uiLanguages.map((code) => ({ hreflang: code, href: `${ORIGIN}/${code}/` })),
        { hreflang: 'x-default', href: `${ORIGIN}/` },
      ])
      expect(page.headers.get('set-cookie')).toBeNull()
    },
  )

  it('every description is its own, not the English one', async () => {
    const english = await descriptionIn('en')
    for (const language of uiLanguages.filter((code) => code !== 'en')) expect(await descriptionIn(language), language).not.toBe(english)
  })

  it('/ stays the page in the browser language, the x-default, indexable and canonical to itself', async () => {
    const page = await get(configured.base, '/', { 'accept-language': 'sv-SE,sv;q=0.9' })
    expect(page.status).toBe(200)
    expect(page.body).toContain('<html lang="sv" dir="ltr">')
    expect(robotsOf(page.body)).toBeUndefined()
    expect(decode(descriptionOf(page.body) ?? '')).toBe(await descriptionIn('sv'))
    expect(canonicalOf(page.body)).toBe(`${ORIGIN}/`)
    expect(alternatesOf(page.body)).toHaveLength(31)
  })

  it('a landing page without its trailing slash is sent to it, by path', async () => {
    const page = await get(configured.base, '/de')
    expect(page.status).toBe(301)
    expect(page.headers.get('location')).toBe('/de/')
  })

  it('without PUBLIC_ORIGIN, canonical and alternates are paths (never built from the Host header)', async () => {
    const page = await get(bare.base, '/ar/', { host: 'evil.example' })
    expect(page.status).toBe(200)
    expect(page.body).toContain('<html lang="ar" dir="rtl">')
    expect(canonicalOf(page.body)).toBe('/ar/')
    const alternates = alternatesOf(page.body)
    expect(alternates).toHaveLength(31)
    expect(alternates.every(({ href }) => href?.startsWith('/'))).toBe(true)
    expect(page.body).not.toContain('evil.example')
  })

  it('a posted step after a landing page is noindex, with no description or alternates', async () => {
    const start = await openStart(configured.base, {}, '/de/')
    const next = await postForm(configured.base, { state: start.state, action: 'answer', answer: 'self' })
    expect(next.status).toBe(200)
    expect(robotsOf(next.html)).toBe('noindex')
    expect(descriptionOf(next.html)).toBeUndefined()
    expect(canonicalOf(next.html)).toBeUndefined()
    expect(alternatesOf(next.html)).toHaveLength(0)
    // The start posted (a language change) is the same step as a landing page, and still noindex.
    const changed = await postForm(configured.base, { state: start.state, action: 'language', ui: 'fr' })
    expect(changed.html).toContain('<html lang="fr"')
    expect(robotsOf(changed.html)).toBe('noindex')
  })
})

describe('everything else stays noindex', () => {
  it.each([
    ['/urgent', 200],
    ['/privacy', 200],
    ['/safety', 200],
    ['/no-such-page', 404],
    ['/de/unknown', 404],
  ])('GET %s', async (path, status) => {
    const page = await get(configured.base, path)
    expect(page.status).toBe(status)
    expect(robotsOf(page.body)).toBe('noindex')
    expect(alternatesOf(page.body)).toHaveLength(0)
  })

  it('the widget panel', async () => {
    const page = await get(configured.base, '/widget/panel')
    expect(robotsOf(page.body)).toBe('noindex')
  })

  it('the console login page says noindex in its head and its headers', async () => {
    const page = await get(configured.base, '/admin/login')
    expect(page.status).toBe(200)
    expect(page.headers.get('x-robots-tag')).toBe('noindex, nofollow')
    expect(robotsOf(page.body)).toBe('noindex, nofollow')
  })
})

describe('robots.txt and sitemap.xml', () => {
  it('robots.txt allows the landing pages, keeps crawlers from the conversation, widget, console and API, and names the sitemap', async () => {
    const robots = await get(configured.base, '/robots.txt')
    expect(robots.status).toBe(200)
    expect(robots.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(robots.headers.get('cache-control')).toBe('public, max-age=3600')
    const lines = robots.body.split('\n')
    expect(lines).toEqual(
      expect.arrayContaining([
        'User-agent: *',
        'Allow: /',
        'Disallow: /turn',
        'Disallow: /widget/',
        'Disallow: /admin',
        'Disallow: /api/',
        `Sitemap: ${ORIGIN}/sitemap.xml`,
      ]),
    )
    expect(lines.some((line) => /^Disallow: \/$/.test(line))).toBe(false)
  })

  it('without PUBLIC_ORIGIN, robots.txt has no Sitemap line and says why', async () => {
    const robots = await get(bare.base, '/robots.txt')
    expect(robots.body).not.toMatch(/^Sitemap:/m)
    expect(robots.body).toMatch(/^# .*PUBLIC_ORIGIN/m)
  })

  it('sitemap.xml parses and lists all 30 landing pages, each with alternates in every language and x-default', async () => {
    const sitemap = await get(configured.base, '/sitemap.xml')
    expect(sitemap.status).toBe(200)
    expect(sitemap.headers.get('content-type')).toBe('application/xml; charset=utf-8')
    expect(sitemap.headers.get('cache-control')).toBe('public, max-age=3600')
    const page = await browser.newPage()
    try {
      // A real XML parser (the browser's), namespaces and all.
      const parsed = await page.evaluate((xml) => {
        const document = new DOMParser().parseFromString(xml, 'application/xml')
        if (document.getElementsByTagName('parsererror').length > 0) return { error: true, urls: [] }
        const urls = [...document.getElementsByTagNameNS('http://www.sitemaps.org/schemas/sitemap/0.9', 'url')].map((url) => ({
          loc: url.getElementsByTagNameNS('http://www.sitemaps.org/schemas/sitemap/0.9', 'loc')[0]?.textContent,
          alternates: [...url.getElementsByTagNameNS('http://www.w3.org/1999/xhtml', 'link')].map((link) => ({
            rel: link.getAttribute('rel'),
            hreflang: link.getAttribute('hreflang'),
            href: link.getAttribute('href'),
          })),
        }))
        return { error: false, urls }
      }, sitemap.body)
      expect(parsed.error).toBe(false)
      expect(parsed.urls.map((url) => url.loc)).toEqual(uiLanguages.map((code) => `${ORIGIN}/${code}/`))
      const expected = [
        ...uiLanguages.map((code) => ({ rel: 'alternate', hreflang: code, href: `${ORIGIN}/${code}/` })),
        { rel: 'alternate', hreflang: 'x-default', href: `${ORIGIN}/` },
      ]
      for (const url of parsed.urls) expect(url.alternates).toEqual(expected)
    } finally {
      await page.close()
    }
  })

  it('without PUBLIC_ORIGIN, the sitemap says in a comment that its addresses need it', async () => {
    const sitemap = await get(bare.base, '/sitemap.xml')
    expect(sitemap.body).toContain('<!-- PUBLIC_ORIGIN is not set')
    expect(sitemap.body).toContain('<loc>/de/</loc>')
  })
})

describe('the icon', () => {
  it.each(['/favicon.svg', '/favicon.ico'])('%s is a plain SVG, kept an hour', async (path) => {
    const icon = await get(configured.base, path)
    expect(icon.status).toBe(200)
    expect(icon.headers.get('content-type')).toBe('image/svg+xml')
    expect(icon.headers.get('cache-control')).toBe('public, max-age=3600')
    expect(icon.body).toMatch(/^<svg [^>]*>.*<\/svg>$/)
    expect(icon.body).not.toMatch(/<text/)
  })
})

describe('nothing that tracks', () => {
  it.each(['/', '/de/', '/ar/', '/robots.txt', '/sitemap.xml', '/favicon.svg', '/favicon.ico', '/de'])(
    '%s sets no cookie',
    async (path) => {
      const response = await get(configured.base, path)
      expect(response.status).toBeLessThan(400)
      expect(response.headers.get('set-cookie')).toBeNull()
    },
  )

  it('a landing page loads nothing from another origin and names none, but the quick exit and its own links on the configured one', async () => {
    const page = await get(configured.base, '/de/')
    const addresses = addressesOf(page.body)
    expect(addresses.length).toBeGreaterThan(33)
    // The quick exit's link is a way out, followed only when the person leaves; it loads nothing.
    const foreign = addresses.filter((address) => !address.startsWith('/') && !address.startsWith('#') && !address.startsWith(`${ORIGIN}/`))
    expect(foreign).toEqual([NEUTRAL_SITE])
    expect(page.body).toContain(`<a id="exit" class="exit" href="${NEUTRAL_SITE}"`)
    expect(addresses.filter((address) => address.startsWith(ORIGIN))).toHaveLength(32)
    // What the page loads (scripts, images, stylesheets, icons): its own origin only.
    const loaded = [...page.body.matchAll(/<(?:script|img|iframe|link)\s[^>]*?(?:src|href)="([^"]*)"[^>]*>/g)]
      .filter(([tag]) => !/rel="(?:canonical|alternate)"/.test(tag))
      .map(([, address]) => address)
    expect(loaded).toContain('/favicon.svg')
    expect(loaded.filter((address) => !address?.startsWith('/'))).toEqual([])
  })

  it('in a browser, a landing page asks nothing of another origin, finds its icon, and logs no error', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const requests: string[] = []
    const problems: string[] = []
    page.on('request', (request) => requests.push(request.url()))
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text())
    })
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`)
    })
    try {
      await page.goto(`${configured.base}/ar/`)
      await page.waitForLoadState('networkidle')
      const icon = await page.evaluate(async () => {
        const link = document.querySelector('link[rel="icon"]')
        const href = link?.getAttribute('href') ?? ''
        return { href, status: (await fetch(href)).status }
      })
      expect(icon).toEqual({ href: '/favicon.svg', status: 200 })
      expect(requests.length).toBeGreaterThan(0)
      expect(requests.filter((url) => new URL(url).origin !== configured.base)).toEqual([])
      expect(problems).toEqual([])
      expect(await context.cookies()).toEqual([])
    } finally {
      await context.close()
    }
  })
})
