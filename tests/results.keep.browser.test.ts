import Database from 'better-sqlite3'
import * as z from 'zod'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContextOptions, Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import ar from '../locales/ar/translation.json'
import de from '../locales/de/translation.json'
import en from '../locales/en/translation.json'
import { answerPath, formAnswers } from './support/answerPaths'
import { axe } from './support/axe'
import { useServerAndBrowser } from './support/useServerAndBrowser'
import { answerAll } from './support/formConversation'

// Issue 20, the results as a person meets them in a real Chromium on a phone (390×844): the first
// card's way in on the first screen, headings in order (axe with best-practice rules), a printout
// with only the results and the numbers written out, and "Copy these details" giving plain text.
// The two-service German result (Troubled Desire, Kein Täter werden) is the typical page.

const PHONE = { width: 390, height: 844 }
const GERMANY = formAnswers(answerPath({ channels: ['any'] }))
/** Malta: services online in English and a general helpline, so the helplines' section (h2, cards h3) shows. */
const MALTA = formAnswers(answerPath({ country: 'MT', language: 'mt', channels: ['any'], anonymity: 'not_needed' }))

const env = useServerAndBrowser()

const contexts: { close(): Promise<void> }[] = []
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()))
})

/**
 * The results page as the browser gets it: the answers up to the last by fetch, then the last
 * answer posted from a page of the app, as its form would (so the page is the server's response to
 * a real POST, with or without JavaScript).
 */
async function resultsIn(ui: string, options: BrowserContextOptions, answers = GERMANY, init?: () => void): Promise<Page> {
  const pages = await answerAll(env.server.base, answers.slice(0, -1), { 'accept-language': ui })
  const state = pages.at(-1)?.state ?? ''
  const context = await env.browser.newContext({ viewport: PHONE, locale: ui, ...options })
  contexts.push(context)
  if (init) await context.addInitScript(init)
  const page = await context.newPage()
  await page.goto(`${env.server.base}/?lang=${ui}`)
  const last = answers.at(-1)
  await page.evaluate(
    ({ state, replies }) => {
      const form = document.createElement('form')
      form.method = 'post'
      form.action = '/turn'
      for (const [name, value] of [['state', state], ['action', 'answer'], ...replies.map((reply) => ['answer', reply])]) {
        const input = document.createElement('input')
        input.type = 'hidden'
        input.name = name ?? ''
        input.value = value ?? ''
        form.append(input)
      }
      document.body.append(form)
      HTMLFormElement.prototype.submit.call(form)
    },
    { state, replies: Array.isArray(last) ? last : [last ?? ''] },
  )
  await page.locator('article.card').first().waitFor()
  return page
}

/** Where the first card's first way in (its link) is on the page, in CSS pixels from the top. */
const firstContact = (page: Page) =>
  page
    .locator('article.card')
    .first()
    .locator('.reach a')
    .first()
    .evaluate((link) => {
      const box = link.getBoundingClientRect()
      return { top: box.top + window.scrollY, bottom: box.bottom + window.scrollY }
    })

describe('the first card on a phone', () => {
  it.each([
    ['en', false],
    ['en', true],
    ['de', false],
    ['ar', false],
    ['ar', true],
  ])(
    'in %s (JavaScript %s): its first way in is within the first 844 px, the number or address itself',
    async (ui, javaScriptEnabled) => {
      const page = await resultsIn(ui, { javaScriptEnabled })
      const contact = await firstContact(page)
      expect(contact.bottom).toBeLessThanOrEqual(PHONE.height)
      // Nothing in the card comes between the name and the way in.
      const card = page.locator('article.card').first()
      expect(await card.locator(':scope > *').evaluateAll((children) => children.slice(0, 2).map((child) => child.tagName))).toEqual([
        'H2',
        'UL',
      ])
      expect(await card.locator('.reach a').first().textContent()).toBe('troubled-desire.com')
      await page.screenshot({ path: join(tmpdir(), `helpfinder-results-phone-${ui}-${javaScriptEnabled ? 'js' : 'nojs'}.png`) })
    },
    60_000,
  )
})

// axe runs as a script in the page, so these pages have JavaScript on; the markup is the same without.
describe('headings and landmarks', () => {
  it.each(['en', 'de', 'ar'])(
    'in %s, the results h1, the cards h2, and axe (best practice included) finds nothing',
    async (ui) => {
      const page = await resultsIn(ui, { javaScriptEnabled: true })
      expect(await page.locator('#results h1').count()).toBe(1)
      expect(await page.locator('#results article.card > h2').count()).toBe(2)
      // The whole page, frame included: heading-order and region are among the rules.
      expect(await axe(page, { bestPractice: true })).toEqual([])
    },
    60_000,
  )

  it('puts the helplines under their own h2, with h3 cards, and no heading level skipped', async () => {
    const page = await resultsIn('en', { javaScriptEnabled: true }, MALTA)
    expect(await page.locator('#results section h2#helplines-title').textContent()).toBe(en.results.helplines_title)
    expect(await page.locator('#results section article.card > h3').count()).toBeGreaterThan(0)
    const levels = await page.locator('main :is(h1,h2,h3,h4)').evaluateAll((headings) => headings.map((h) => Number(h.tagName[1])))
    for (const [at, level] of levels.entries()) if (at > 0) expect(level - (levels[at - 1] ?? 1)).toBeLessThanOrEqual(1)
    expect(await axe(page, { bestPractice: true })).toEqual([])
  }, 60_000)
})

describe('printing', () => {
  it('keeps only the results and the urgent numbers, addresses written out, on fewer pages', async () => {
    const page = await resultsIn('en', { javaScriptEnabled: false })
    await page.emulateMedia({ media: 'print' })
    const shown = (selector: string) => page.locator(selector).first().isVisible()
    // Nothing of the exit bar, the header, the footer or any button or form.
    for (const selector of ['#exit', 'header', 'footer', 'main form', 'main button']) expect(await shown(selector), selector).toBe(false)
    expect(await page.locator('#exit').evaluate((exit) => getComputedStyle(exit).display)).toBe('none')
    // The results, and the urgent numbers (safety information), with the numbers as text.
    expect(await shown('article.card')).toBe(true)
    expect(await page.locator('.urgent-panel a[href="tel:112"]').first().isVisible()).toBe(true)
    // A link whose text is not its address gets the address after it: the own-words or source link's ::after, or the markup's.
    const written = await page
      .locator('article.card .reach a')
      .evaluateAll((links) =>
        links.map((link) => `${link.textContent}${link.parentElement?.querySelector('.print-only')?.textContent ?? ''}`),
      )
    expect(written).toContain('www.kein-taeter-werden.de')
    expect(
      await page
        .locator('a[href^="http"]:not(.addr)')
        .first()
        .evaluate((link) => getComputedStyle(link, '::after').content),
    ).toMatch(/^" \(" attr\(href\) "\)"$|^" \(https:/)
    // No backgrounds.
    expect(
      await page
        .locator('article.card')
        .first()
        .evaluate((card) => getComputedStyle(card).backgroundColor),
    ).toBe('rgba(0, 0, 0, 0)')
    const pdf = await page.pdf({ format: 'A4' })
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length
    // Before issue 20 the same results printed on 4 A4 pages, with the exit bar and the buttons.
    expect(pages).toBeGreaterThan(0)
    expect(pages).toBeLessThanOrEqual(3)
  }, 60_000)
})

describe('"Copy these details"', () => {
  it('is not offered without JavaScript, where the plain text version is', async () => {
    const page = await resultsIn('en', { javaScriptEnabled: false })
    expect(await page.getByRole('button', { name: en.results.copy }).count()).toBe(0)
    expect(await page.getByRole('button', { name: en.results.plain_text }).isVisible()).toBe(true)
  }, 60_000)

  it.each([
    ['en', en],
    ['de', de],
    ['ar', ar],
  ])(
    'in %s, copies the results as plain text to the clipboard and says so',
    async (ui, words) => {
      const page = await resultsIn(ui, { javaScriptEnabled: true, permissions: ['clipboard-read', 'clipboard-write'] })
      await page.getByRole('button', { name: words.results.copy }).click()
      await expect.poll(() => page.locator('[data-copy-status]').textContent()).toBe(words.results.copied)
      const copied = await page.evaluate(() => navigator.clipboard.readText())
      expect(copied).toBe(
        await page.locator('template[data-copy-text]').evaluate((template) => (template as HTMLTemplateElement).content.textContent),
      )
      expect(copied).not.toMatch(/<[a-z/]/i)
      expect(copied).toContain('Troubled Desire')
      expect(copied).toContain('https://www.kein-taeter-werden.de')
      // Right to left, each number travels isolated left to right (U+2066 … U+2069), so a pasted note keeps it in order.
      const [open, close] = ui === 'ar' ? ['\u2066', '\u2069'] : ['', '']
      expect(copied).toContain(`: ${open}112${close}`)
      expect(copied).toContain(`${open}116 111${close}`)
      if (ui !== 'ar') expect(copied).not.toMatch(/[\u2066-\u2069]/)
    },
    60_000,
  )

  it('falls back to selecting the text and copying it where the Clipboard API refuses', async () => {
    // Refused as an insecure page or an old browser would; reading back still works for the test.
    const refuse = () => {
      Object.defineProperty(Clipboard.prototype, 'writeText', { value: () => Promise.reject(new Error('refused')) })
    }
    const page = await resultsIn('en', { javaScriptEnabled: true, permissions: ['clipboard-read', 'clipboard-write'] }, GERMANY, refuse)
    await page.getByRole('button', { name: en.results.copy }).click()
    await expect.poll(() => page.locator('[data-copy-status]').textContent()).toBe(en.results.copied)
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('https://www.kein-taeter-werden.de')
    // The selection's textarea is gone again, and focus is back on the button.
    expect(await page.locator('textarea').count()).toBe(0)
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-copy'))).toBe(true)
  }, 60_000)
})

// Issue 21: a followed contact link is counted with one same-origin beacon, the link untouched.
describe('counting a followed contact link', () => {
  const contacts = () => {
    const db = new Database(env.server.databaseFile, { readonly: true })
    try {
      const row = db.prepare("SELECT coalesce(sum(count), 0) AS n FROM figures_partner_week WHERE event = 'contact'").get()
      return z.object({ n: z.number() }).parse(row).n
    } finally {
      db.close()
    }
  }

  it.each([true, false])(
    'JavaScript %s: the service’s own address opens as it is, counted only with JavaScript',
    async (javaScriptEnabled) => {
      env.server.flushFigures()
      const before = contacts()
      const page = await resultsIn('en', { javaScriptEnabled })
      const link = page.locator('article.card').first().locator('.reach a.addr').first()
      const href = await link.getAttribute('href')
      const beacons: string[] = []
      page.on('request', (request) => {
        if (request.url().endsWith('/figures/contact')) beacons.push(request.postData() ?? '')
      })
      // The service's site, answered here (no internet): what matters is the address the browser asks for.
      const visited: string[] = []
      await page.context().route('https://**', (route) => {
        visited.push(route.request().url())
        return route.fulfill({ status: 200, contentType: 'text/html', body: '<title>service</title>' })
      })
      await link.click()
      await page.waitForURL((url) => url.protocol === 'https:')
      expect(visited[0]).toBe(new URL(href ?? '').href)
      await new Promise((resolve) => setTimeout(resolve, 300))
      env.server.flushFigures()
      expect(contacts() - before).toBe(javaScriptEnabled ? 1 : 0)
      // The beacon carries the page's sealed state and where it came from, nothing else.
      if (javaScriptEnabled) expect(beacons.map((body) => [...new URLSearchParams(body).keys()].sort())).toEqual([['from', 'state']])
    },
    60_000,
  )
})
