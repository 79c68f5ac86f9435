import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import { enhancementScript } from '../src/channels/web/enhancementScript'
import { afterEach, describe, expect, it } from 'vitest'
import { useServerAndBrowser } from './support/useServerAndBrowser'
import { NEUTRAL_SITE } from '../src/channels/web/neutralSite'

// The browser's own Back and Forward, in a real Chromium against the real app on loopback.
// JavaScript on: the whole visit is one document, each step a history entry (src/channels/web/historyScript.ts),
// and the quick exit leaves no way back (exitScript.ts). JavaScript off: Back to a posted step shows
// Chrome's "Confirm Form Resubmission" page, and confirming it shows the same step again.

/** A stand-in for wherever the person came from, so history before and after Helpfinder can be checked. */
const PREVIOUS_SITE = 'https://search.example/results'
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } }
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 }
/** The language each walk switches to midway: another script and, for Arabic, the other direction. */
const SWITCH_TO = { en: 'ar', de: 'en', ar: 'de' } as const

const env = useServerAndBrowser()

const open: BrowserContext[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((context) => context.close()))
})

interface Visit {
  context: BrowserContext
  page: Page
  /** Console errors, page errors, CSP violations, requests that tried to leave loopback. */
  problems: string[]
  /** Every address the page's frame was on, in order (an error page would show as chrome-error://). */
  addresses: string[]
  /** Requests to the neutral exit site. */
  exits: string[]
}

/** One isolated browser profile; with `route`, nothing leaves the machine (the neutral and previous sites are answered locally). */
async function visit(options: BrowserContextOptions & { route?: boolean }): Promise<Visit> {
  const { route = true, ...contextOptions } = options
  const context = await env.browser.newContext({ locale: 'en-GB', ...contextOptions })
  open.push(context)
  const problems: string[] = []
  const exits: string[] = []
  if (route) {
    await context.route('**/*', async (route) => {
      const url = route.request().url()
      if (url.startsWith(`${env.server.base}/`)) return route.continue()
      if (url.startsWith(NEUTRAL_SITE)) {
        exits.push(url)
        return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Weather</title><h1>Weather</h1>' })
      }
      if (url.startsWith(PREVIOUS_SITE))
        return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Search</title><h1>Results</h1>' })
      problems.push(`left loopback: ${url}`)
      return route.abort('blockedbyclient')
    })
  }
  if (contextOptions.javaScriptEnabled !== false) {
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`)
      })
    })
  }
  const page = await context.newPage()
  const addresses: string[] = []
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) addresses.push(frame.url())
  })
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  return { context, page, problems, addresses, exits }
}

// ---- reading and driving the page -----------------------------------------------------------

const headingOf = async (page: Page) => (await page.locator('main h1').first().textContent())?.trim() ?? ''
const langOf = (page: Page) => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir].join('|'))

/** Waits until the page's heading is `heading` (a swap is a fetch away). */
async function expectHeading(page: Page, heading: string) {
  await expect.poll(() => headingOf(page), { timeout: 10_000 }).toBe(heading)
}

/** Answers whatever question is shown: "self", "adult" or the first option; a country or language typed. Returns the next heading. */
async function answerShown(page: Page): Promise<string> {
  const before = await headingOf(page)
  const form = page.locator('form#turn')
  const step = await form.getAttribute('data-step')
  const text = form.locator('#answer-text')
  if ((await text.count()) > 0) await text.fill(step === 'language' ? 'Deutsch' : 'Deutschland')
  else {
    const preferred = form.locator('input[name="answer"][value="self"], input[name="answer"][value="adult"]')
    const option = (await preferred.count()) > 0 ? preferred.first() : form.locator('input[name="answer"]').first()
    await option.check()
  }
  await form.locator('.actions button[value="answer"]').click()
  await expect.poll(() => headingOf(page), { timeout: 10_000 }).not.toBe(before)
  return headingOf(page)
}

/** The question shown has an answer chosen or typed (kept from before). */
const answerKept = (page: Page) =>
  page.evaluate(
    () =>
      document.querySelectorAll('form#turn input[name="answer"]:checked').length > 0 ||
      Boolean(document.querySelector<HTMLInputElement>('#answer-text')?.value),
  )

/** A mark on this document's window: still there means no page load happened since. */
const markDocument = (page: Page) => page.evaluate(() => Object.assign(window, { helpfinderTestMark: 1 }))
const sameDocument = (page: Page) => page.evaluate(() => 'helpfinderTestMark' in window)

/** Focus is on the page's h1, and the polite live region says it. */
async function expectFocusAndAnnouncement(page: Page, heading: string) {
  expect(await page.evaluate(() => document.activeElement?.matches('main h1'))).toBe(true)
  await expect
    .poll(() => page.evaluate(() => [...document.querySelectorAll('[aria-live="polite"]')].map((region) => region.textContent).join(' ')))
    .toContain(heading)
}

// ---- JavaScript on --------------------------------------------------------------------------

const WALKS = (['en', 'de', 'ar'] as const).flatMap((ui) =>
  (['desktop', 'phone'] as const).map((device) => ({ ui, device, other: SWITCH_TO[ui] })),
)

describe.each(WALKS)('JavaScript on, $ui, $device', ({ ui, device, other }) => {
  it('Back ×3 and Forward ×2 step through the questions; the language change and urgent help are entries too', async () => {
    const { page, context, problems, addresses } = await visit({ ...(device === 'phone' ? PHONE : DESKTOP), locale: ui })
    await page.goto(PREVIOUS_SITE)
    await page.goto(`${env.server.base}/?lang=${ui}`)
    expect(await langOf(page)).toBe(`${ui}|${ui === 'ar' ? 'rtl' : 'ltr'}`)
    await markDocument(page)
    const headings = [await headingOf(page)]
    for (let answer = 0; answer < 3; answer += 1) {
      headings.push(await answerShown(page))
      expect(page.url()).toBe(`${env.server.base}/turn`)
      await expectFocusAndAnnouncement(page, headings.at(-1) ?? '')
    }
    expect(new Set(headings).size).toBe(4)

    // Back three times: the questions in reverse, the first one at "/".
    for (const index of [2, 1, 0]) {
      await page.goBack()
      await expectHeading(page, headings[index] ?? '')
      expect(page.url()).toBe(index === 0 ? `${env.server.base}/?lang=${ui}` : `${env.server.base}/turn`)
      // As the page's own Back button does: the answer given is still chosen.
      expect(await answerKept(page)).toBe(true)
    }
    await expectFocusAndAnnouncement(page, headings[0] ?? '')
    // Forward twice: the same questions again.
    for (const index of [1, 2]) {
      await page.goForward()
      await expectHeading(page, headings[index] ?? '')
    }
    const step = await page.locator('form#turn').getAttribute('data-step')

    // A language change is an entry: the same question in the other language.
    await page.locator('header details.language summary').click()
    await page.locator('#ui-select').selectOption(other)
    await page.locator('header button[value="language"]').click()
    await expect.poll(() => langOf(page)).toBe(`${other}|${other === 'ar' ? 'rtl' : 'ltr'}`)
    expect(await page.locator('form#turn').getAttribute('data-step')).toBe(step)
    const translated = await headingOf(page)
    expect(translated).not.toBe(headings[2])

    // Urgent help is an entry.
    await page.locator('header button[value="urgent"]').click()
    await page.locator('h1#urgent-title').waitFor()
    const urgent = await headingOf(page)
    await expectFocusAndAnnouncement(page, urgent)

    await page.goBack()
    await expectHeading(page, translated)
    await page.goBack()
    await expectHeading(page, headings[2] ?? '')
    expect(await langOf(page)).toBe(`${ui}|${ui === 'ar' ? 'rtl' : 'ltr'}`)
    await page.goForward()
    await expectHeading(page, translated)
    await page.goForward()
    await expectHeading(page, urgent)
    expect(await page.locator('.urgent-panel a.number[href^="tel:"]').first().isVisible()).toBe(true)

    // All of it in one document: no page load, no error page, nothing stored, no script error or CSP report.
    expect(await sameDocument(page)).toBe(true)
    expect(addresses.filter((address) => !address.startsWith(env.server.base) && address !== PREVIOUS_SITE)).toEqual([])
    expect(page.url()).toBe(`${env.server.base}/turn`)
    expect(await page.locator('main').count()).toBe(1)
    expect(problems).toEqual([])
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie])).toEqual([0, 0, ''])
    expect(await context.cookies()).toEqual([])
    // history.state holds only the entry's number; the token stays in the page's memory.
    expect(await page.evaluate(() => JSON.stringify(history.state))).toMatch(/^\{"hf":\d+\}$/)
    // The first page's two scripts, with the nonce (the exit inline, then the enhancement file): the
    // swapped-in pages' own scripts are not added.
    expect(
      await page
        .locator('script')
        .evaluateAll((scripts) => scripts.map((script) => [script.hasAttribute('nonce'), script.getAttribute('src') ?? ''])),
    ).toEqual([
      [true, ''],
      [true, enhancementScript.path],
    ])
  }, 60_000)
})

describe('JavaScript on: the quick exit leaves no way back', () => {
  /** From the previous site into Helpfinder, three answers, then Back once (so a later entry waits ahead). */
  async function midConversation(options: BrowserContextOptions) {
    const opened = await visit({ ...options, javaScriptEnabled: true })
    const { page } = opened
    await page.goto(PREVIOUS_SITE)
    await page.goto(`${env.server.base}/`)
    const headings = [await headingOf(page)]
    for (let answer = 0; answer < 3; answer += 1) headings.push(await answerShown(page))
    await page.goBack()
    await expectHeading(page, headings[2] ?? '')
    return opened
  }

  /** After the exit: Back reaches the previous site, never Helpfinder; Forward only the neutral site again. */
  async function expectNoWayBack({ page, exits, addresses }: Visit) {
    await page.waitForURL(NEUTRAL_SITE)
    expect(exits).toEqual([NEUTRAL_SITE])
    const seenBefore = addresses.length
    await page.goBack()
    expect(page.url()).toBe(PREVIOUS_SITE)
    expect(await page.title()).toBe('Search')
    // Back once more leaves the tab's first page (about:blank), still not Helpfinder.
    await page.goForward()
    expect(page.url()).toBe(NEUTRAL_SITE)
    // Forward again opens the exit's marker entry: it leaves for the neutral site at once.
    await page.goForward().catch(() => undefined)
    await page.waitForURL(NEUTRAL_SITE)
    await page.waitForTimeout(300)
    expect(page.url()).toBe(NEUTRAL_SITE)
    expect(await page.title()).toBe('Weather')
    const later = addresses.slice(seenBefore)
    // No Helpfinder question ever came back: any Helpfinder address after the exit is the marker, "/", left at once.
    expect(later.filter((address) => address.startsWith(env.server.base) && address !== `${env.server.base}/`)).toEqual([])
    expect(later.at(-1)).toBe(NEUTRAL_SITE)
    expect(await page.evaluate(() => history.length)).toBeLessThanOrEqual(4)
  }

  it('Shift three times on a desktop, mid-conversation: Back shows the previous site, Forward the neutral one', async () => {
    const opened = await midConversation(DESKTOP)
    for (let press = 0; press < 3; press += 1) await opened.page.keyboard.press('Shift')
    await expectNoWayBack(opened)
    expect(opened.problems).toEqual([])
  }, 60_000)

  it('the exit link tapped on a phone, mid-conversation: the same', async () => {
    const opened = await midConversation(PHONE)
    await opened.page.locator('#exit').tap()
    await expectNoWayBack(opened)
    expect(opened.problems).toEqual([])
  }, 60_000)

  it('after the skip link (a #main entry of its own) and urgent help, the exit still goes all the way back', async () => {
    const opened = await visit({ ...DESKTOP, javaScriptEnabled: true })
    const { page } = opened
    await page.goto(PREVIOUS_SITE)
    await page.goto(`${env.server.base}/`)
    await page.locator('a.skip').focus()
    await page.keyboard.press('Enter')
    await page.waitForURL(`${env.server.base}/#main`)
    await answerShown(page)
    await page.locator('header button[value="urgent"]').click()
    await page.locator('h1#urgent-title').waitFor()
    await page.locator('#exit').click()
    await expectNoWayBack(opened)
    expect(opened.problems).toEqual([])
  }, 60_000)

  it('links to Helpfinder pages are entries too; the plain-text version (another address) is left to the browser', async () => {
    const { page, problems } = await visit({ ...DESKTOP, javaScriptEnabled: true })
    await page.goto(`${env.server.base}/`)
    await markDocument(page)
    const question = await answerShown(page)
    await page.locator('footer a[href^="/privacy"]').click()
    await page.waitForURL(`${env.server.base}/privacy?lang=en`)
    const privacy = await headingOf(page)
    expect(privacy).not.toBe(question)
    await page.goBack()
    await expectHeading(page, question)
    expect(page.url()).toBe(`${env.server.base}/turn`)
    await page.goForward()
    await expectHeading(page, privacy)
    expect(page.url()).toBe(`${env.server.base}/privacy?lang=en`)
    expect(await sameDocument(page)).toBe(true)

    // To the results, then the plain-text version: the browser posts that form itself.
    await page.goBack()
    await expectHeading(page, question)
    while ((await page.locator('form#turn').count()) > 0) await answerShown(page)
    await page.locator('article.card').first().waitFor()
    // The swapped-in results keep what the copy button reads (a <template>'s content moves with it).
    expect(await page.evaluate(() => document.querySelector('template')?.content.textContent?.trim().length ?? 0)).toBeGreaterThan(0)
    const plainText = page.locator('button[formaction="/results.txt"]')
    expect(await plainText.count()).toBe(1)
    const [response] = await Promise.all([page.waitForResponse(`${env.server.base}/results.txt`), plainText.click()])
    expect(response.request().isNavigationRequest()).toBe(true)
    expect(await response.headerValue('content-type')).toMatch(/^text\/plain/)
    await page.waitForURL(`${env.server.base}/results.txt`)
    expect(problems).toEqual([])
  }, 60_000)

  it('a reload mid-conversation starts again at the first question (the token was only in memory), with no error', async () => {
    const { page, problems } = await visit({ ...DESKTOP, javaScriptEnabled: true })
    await page.goto(`${env.server.base}/`)
    const first = await headingOf(page)
    await answerShown(page)
    await answerShown(page)
    const response = await page.reload()
    expect(response?.status()).toBe(200)
    expect(page.url()).toBe(`${env.server.base}/`)
    expect(await headingOf(page)).toBe(first)
    // And the conversation goes on from there as before.
    await markDocument(page)
    const next = await answerShown(page)
    await page.goBack()
    await expectHeading(page, first)
    await page.goForward()
    await expectHeading(page, next)
    expect(await sameDocument(page)).toBe(true)
    expect(problems).toEqual([])
  }, 60_000)
})

// ---- JavaScript off -------------------------------------------------------------------------

/**
 * Runs a history step on a page that may be showing Chrome's error page: Chromium may still be
 * swapping that page's process in, and Playwright then answers "Not attached": try again.
 */
async function retried<T>(page: Page, step: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await step()
    } catch (error) {
      if (attempt >= 5 || !String(error).includes('Not attached')) throw error
      await page.waitForTimeout(200)
    }
  }
}

/** What "Confirm Form Resubmission" does: headless Chromium shows no dialog, and a reload of the error page posts again. */
const confirmResubmission = (page: Page) => retried(page, () => page.reload())

describe('JavaScript off', () => {
  it("Back after a post shows Chrome's resubmission page; confirming it (a reload re-posts) shows the same step, 200", async () => {
    // No request routing here: Playwright's interception would let Chromium post again silently.
    const { page } = await visit({ ...DESKTOP, javaScriptEnabled: false, route: false })
    await page.goto(`${env.server.base}/`)
    const headings = [await headingOf(page)]
    for (let answer = 0; answer < 2; answer += 1) headings.push(await answerShown(page))

    // The page before was a POST response kept nowhere (no-store): Chrome will not post again on its own.
    await expect(retried(page, () => page.goBack())).rejects.toThrow(/ERR_CACHE_MISS/)
    expect(await page.locator('form#turn').count()).toBe(0)
    const reposted = await confirmResubmission(page)
    expect(reposted?.status()).toBe(200)
    expect(reposted?.request().method()).toBe('POST')
    expect(await headingOf(page)).toBe(headings[1])
    expect(await page.locator('.notice, #answer-error').count()).toBe(0)

    await expect(retried(page, () => page.goForward())).rejects.toThrow(/ERR_CACHE_MISS/)
    expect((await confirmResubmission(page))?.status()).toBe(200)
    expect(await headingOf(page)).toBe(headings[2])

    // Back to the first page, which was a GET: no question asked, it simply loads.
    await expect(retried(page, () => page.goBack())).rejects.toThrow(/ERR_CACHE_MISS/)
    await retried(page, () => page.goBack())
    await page.waitForURL(`${env.server.base}/`)
    expect(await headingOf(page)).toBe(headings[0])
  }, 60_000)

  it('the exit link adds a history entry: Back returns to Helpfinder (the docs say to close the tab)', async () => {
    const { page, exits } = await visit({ ...DESKTOP, javaScriptEnabled: false })
    await page.goto(`${env.server.base}/`)
    const first = await headingOf(page)
    await page.locator('#exit').click()
    await page.waitForURL(NEUTRAL_SITE)
    expect(exits).toEqual([NEUTRAL_SITE])
    await page.goBack()
    expect(page.url()).toBe(`${env.server.base}/`)
    expect(await headingOf(page)).toBe(first)
  })
})

// ---- the Shift hint -------------------------------------------------------------------------

describe('the "press Shift three times" hint', () => {
  const hint = (page: Page) => page.locator('#exit small')

  it('is hidden with JavaScript off, even with a keyboard', async () => {
    const { page } = await visit({ ...DESKTOP, javaScriptEnabled: false })
    await page.goto(`${env.server.base}/`)
    expect(await hint(page).count()).toBe(1)
    expect(await hint(page).isVisible()).toBe(false)
  })

  it('is hidden on a phone (touch, no fine pointer), even with JavaScript', async () => {
    const { page } = await visit({ ...PHONE, javaScriptEnabled: true })
    await page.goto(`${env.server.base}/`)
    expect(await page.evaluate(() => matchMedia('(any-hover: hover) and (any-pointer: fine)').matches)).toBe(false)
    expect(await hint(page).isVisible()).toBe(false)
    await answerShown(page)
    expect(await hint(page).isVisible()).toBe(false)
  })

  it('shows on a desktop with JavaScript, and still after each step is swapped in', async () => {
    const { page } = await visit({ ...DESKTOP, javaScriptEnabled: true })
    await page.goto(`${env.server.base}/`)
    expect(await hint(page).isVisible()).toBe(true)
    await answerShown(page)
    expect(await hint(page).isVisible()).toBe(true)
    await page.goBack()
    await expect.poll(() => hint(page).isVisible()).toBe(true)
  })
})
