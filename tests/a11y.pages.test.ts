import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import ar from '../locales/ar/translation.json'
import de from '../locales/de/translation.json'
import en from '../locales/en/translation.json'
import { useServerAndBrowser } from './support/useServerAndBrowser'
import { axe } from './support/axe'

// Every page a person can reach, in a real Chromium against the real app on loopback, in English,
// German (long words) and Arabic (right to left): axe's WCAG and best-practice rules find nothing,
// the quick exit and the header leave the question room on a phone (also at 200% zoom), the tab's
// title names the step and never the person's words, and numbers read left to right in Arabic.

const WORDS = { en, de, ar }
type Language = keyof typeof WORDS
const LANGUAGES: Language[] = ['en', 'de', 'ar']
const PHONE = { width: 390, height: 844 }
const DESKTOP = { width: 1280, height: 800 }
/** A 390×844 phone at 200% zoom: half the CSS pixels each way. */
const PHONE_AT_200 = { width: 195, height: 422 }
/** The most the quick exit and the header together may take on a phone. */
const FRAME_LIMIT = 110
/** Someone worried about themselves, adult, in Germany, nothing has happened, any way in, anonymity matters. */
const ANSWERS: Record<string, string> = { asker: 'self', age: 'adult', stage: 'nothing_happened', channels: 'any', anonymity: 'matters' }

const env = useServerAndBrowser()
const open: BrowserContext[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((context) => context.close()))
})

async function newPage(language: Language, viewport: { width: number; height: number }, javaScriptEnabled: boolean): Promise<Page> {
  const phone = viewport.width < 600
  const context = await env.browser.newContext({ locale: language, viewport, javaScriptEnabled, isMobile: phone, hasTouch: phone })
  open.push(context)
  return context.newPage()
}

/**
 * axe on the page as it is. With JavaScript off axe cannot run in the page itself, so the same
 * markup (the server's, scripts left out as they are with JavaScript off) is audited in a page of
 * the same size on the same origin.
 */
async function audit(page: Page, javaScriptEnabled: boolean): Promise<string[]> {
  if (javaScriptEnabled) return axe(page, { bestPractice: true })
  const html = (await page.content()).replace(/<script[\s\S]*?<\/script>/g, '')
  const context = await env.browser.newContext({ bypassCSP: true, viewport: page.viewportSize() ?? PHONE })
  open.push(context)
  const auditor = await context.newPage()
  await auditor.goto(`${env.server.base}/privacy`)
  await auditor.setContent(html)
  return axe(auditor, { bestPractice: true })
}

/** What a test reads off any page. */
function facts(page: Page) {
  return page.evaluate(() => ({
    title: document.title,
    headingsOne: document.querySelectorAll('h1').length,
    frameBottom: Math.round(document.querySelector('header')?.getBoundingClientRect().bottom ?? Number.POSITIVE_INFINITY),
    h1Top: Math.round(document.querySelector('h1')?.getBoundingClientRect().top ?? Number.POSITIVE_INFINITY),
    stepCount: document.querySelector('form#turn .step-count')?.textContent ?? undefined,
    step: document.querySelector('form#turn')?.getAttribute('data-step') ?? undefined,
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    // Tap targets in the header on this screen (visible ones), by height.
    smallTargets: [...document.querySelectorAll('header a, header button, header summary')]
      .filter((element) => element.getClientRects().length > 0 && !element.closest('details:not([open]) form'))
      .filter((element) => element.getBoundingClientRect().height < 44)
      .map((element) => element.outerHTML.slice(0, 60)),
  }))
}

/** "Question 3 of 7" in the page's language, read back into its two numbers. */
function stepCountOf(language: Language, text: string | undefined): { number: number; total: number } | undefined {
  const template = WORDS[language].nav.step_count
  const pattern = new RegExp(
    `^${template
      .replace(/[.*+?^$()|[\]\\/]/g, '\\$&')
      .replace('{{number}}', '(\\d+)')
      .replace('{{total}}', '(\\d+)')}$`,
  )
  const match = text === undefined ? null : pattern.exec(text)
  const numbers = template.indexOf('{{number}}') < template.indexOf('{{total}}') ? [match?.[1], match?.[2]] : [match?.[2], match?.[1]]
  return match ? { number: Number(numbers[0]), total: Number(numbers[1]) } : undefined
}

const titled = (language: Language, where: string) => `${where} – ${WORDS[language].app.title}`

/** Waits until the tab's title is no longer `before` (every step's title differs) and the page has loaded. */
async function nextPage(page: Page, before: string) {
  await expect.poll(() => page.title().catch(() => before), { timeout: 15_000 }).not.toBe(before)
  await page.waitForLoadState('load')
}

/** Answers the question on screen as the path says (the language question keeps its preset) and presses Continue. */
async function answer(page: Page, language: Language, step: string) {
  if (step === 'country') {
    await page.locator('#answer-text').fill(new Intl.DisplayNames([language], { type: 'region' }).of('DE') ?? 'DE')
  } else if (step !== 'language') {
    const value = ANSWERS[step]
    if (!value) throw new Error(`the path has no answer for the question "${step}"`)
    await page.locator(`form#turn input[name="answer"][value="${value}"]`).check()
  }
  const before = await page.title()
  await page.locator('form#turn .actions button[value="answer"]').click()
  await nextPage(page, before)
}

/** Checks one page; returns what is wrong, labelled, so one run lists every problem at once. */
async function checkPage(page: Page, language: Language, label: string, expectedTitle: string | undefined, javaScriptEnabled: boolean) {
  const problems: string[] = []
  const seen = await facts(page)
  const phone = (page.viewportSize()?.width ?? 0) < 600
  for (const violation of await audit(page, javaScriptEnabled)) problems.push(`${label}: axe ${violation}`)
  if (seen.headingsOne !== 1) problems.push(`${label}: ${seen.headingsOne} h1 elements`)
  if (phone && seen.frameBottom > FRAME_LIMIT) problems.push(`${label}: exit and header take ${seen.frameBottom} px`)
  if (seen.smallTargets.length > 0) problems.push(`${label}: header targets under 44 px: ${seen.smallTargets.join(', ')}`)
  if (seen.overflow > 0) problems.push(`${label}: scrolls sideways by ${seen.overflow} px`)
  if (expectedTitle !== undefined && seen.title !== expectedTitle)
    problems.push(`${label}: title "${seen.title}", expected "${expectedTitle}"`)
  if (seen.step) {
    const count = stepCountOf(language, seen.stepCount)
    if (!count) problems.push(`${label}: no step count ("${seen.stepCount}")`)
    else if (seen.title !== titled(language, seen.stepCount ?? '')) problems.push(`${label}: title "${seen.title}" does not name the step`)
  }
  return { problems, seen }
}

/**
 * Walks the conversation from the start page to the results, checking every page on the way;
 * returns the problems and the step counts seen ("Question n of m"), in order.
 */
async function walkToResults(page: Page, language: Language, javaScriptEnabled: boolean, checkEvery = true) {
  const problems: string[] = []
  const counts: { number: number; total: number }[] = []
  await page.goto(`${env.server.base}/?lang=${language}`)
  for (let turn = 0; turn < 12; turn++) {
    const seen = await facts(page)
    if (!seen.step) break
    const count = stepCountOf(language, seen.stepCount)
    if (count) counts.push(count)
    if (checkEvery || turn === 0)
      problems.push(...(await checkPage(page, language, `${language} ${seen.step}`, undefined, javaScriptEnabled)).problems)
    await answer(page, language, seen.step)
  }
  problems.push(
    ...(await checkPage(page, language, `${language} results`, titled(language, WORDS[language].results.page_title), javaScriptEnabled))
      .problems,
  )
  expect(await page.locator('article.card').count(), 'the path reaches a results page with services').toBeGreaterThan(0)
  return { problems, counts }
}

/** The step counts go 1, 2, 3… with the last question "n of n"; the total may grow by one when an answer opens a question. */
function expectCountsInOrder(counts: { number: number; total: number }[]) {
  expect(counts.length).toBeGreaterThanOrEqual(6)
  expect(counts.map((count) => count.number)).toEqual(counts.map((_, index) => index + 1))
  for (const count of counts) expect(count.total).toBeGreaterThanOrEqual(count.number)
  expect(counts.at(-1)?.number).toBe(counts.at(-1)?.total)
}

describe('every page, JavaScript off, on a phone', () => {
  it.each(LANGUAGES)(
    '%s: axe finds nothing, the frame leaves room, every title names its step',
    async (language) => {
      const words = WORDS[language]
      const page = await newPage(language, PHONE, false)
      const { problems, counts } = await walkToResults(page, language, false)
      expectCountsInOrder(counts)

      // Urgent help from the header keeps the person's place; the urgent page by its address too.
      await page.locator('header button.urgent').click()
      await page.locator('h1#urgent-title').waitFor()
      problems.push(
        ...(await checkPage(page, language, `${language} urgent (from results)`, titled(language, words.urgent.title), false)).problems,
      )
      await page.goto(`${env.server.base}/urgent?lang=${language}`)
      problems.push(...(await checkPage(page, language, `${language} /urgent`, titled(language, words.urgent.title), false)).problems)
      for (const info of ['privacy', 'safety'] as const) {
        await page.goto(`${env.server.base}/${info}?lang=${language}`)
        problems.push(...(await checkPage(page, language, `${language} /${info}`, titled(language, words[info].title), false)).problems)
      }
      // A page that does not exist (the error page, with urgent numbers) and a malformed post (a 400 that keeps the place).
      const missing = await page.goto(`${env.server.base}/no-such-page`)
      expect(missing?.status()).toBe(404)
      problems.push(...(await checkPage(page, language, `${language} 404`, titled(language, words.error.title), false)).problems)
      await page.goto(`${env.server.base}/?lang=${language}`)
      await page.route(
        `${env.server.base}/turn`,
        (route) => route.continue({ postData: (route.request().postData() ?? '').replace('action=answer', 'action=oops') }),
        {
          times: 1,
        },
      )
      const bad = page.waitForResponse(`${env.server.base}/turn`)
      await page.locator('form#turn .actions button[value="answer"]').click()
      expect((await bad).status()).toBe(400)
      await page.waitForLoadState('load')
      await page.locator('form#turn').waitFor()
      problems.push(...(await checkPage(page, language, `${language} 400`, undefined, false)).problems)
      expect(await page.locator('p.notice').textContent()).toBe(words.error.bad_request)

      expect(problems).toEqual([])
    },
    180_000,
  )

  it('typed words that suggest urgent help put the panel above the question, headings still in order', async () => {
    const page = await newPage('en', PHONE, false)
    await page.goto(`${env.server.base}/?lang=en`)
    await answer(page, 'en', 'asker')
    await answer(page, 'en', 'age')
    await page.locator('#answer-text').fill('a child is in danger')
    await page.locator('form#turn .actions button[value="answer"]').click()
    await page.locator('.urgent-panel h2#urgent-title').waitFor()
    const { problems, seen } = await checkPage(page, 'en', 'en urgent suggested', undefined, false)
    expect(seen.step).toBe('country')
    expect(problems).toEqual([])
  })
})

describe('a phone at 200% zoom (195×422 CSS pixels), JavaScript off', () => {
  it.each(LANGUAGES)('%s: the first question starts on the first screen, nothing scrolls sideways', async (language) => {
    const page = await newPage(language, PHONE_AT_200, false)
    await page.goto(`${env.server.base}/?lang=${language}`)
    const start = await facts(page)
    expect(start.h1Top).toBeLessThan(PHONE_AT_200.height - 24)
    expect(start.overflow).toBe(0)
    expect(start.smallTargets).toEqual([])
    await answer(page, language, 'asker')
    const next = await facts(page)
    expect(next.h1Top).toBeLessThan(PHONE_AT_200.height / 2)
    expect(next.overflow).toBe(0)

    // The folded language switch opens inside the screen, here and on the phone at 100%.
    await page.locator('details.language summary').click()
    for (const viewport of [PHONE_AT_200, PHONE]) {
      await page.setViewportSize(viewport)
      const box = await page.locator('details.language form').boundingBox()
      expect(box?.x).toBeGreaterThanOrEqual(0)
      expect((box?.x ?? 0) + (box?.width ?? Number.POSITIVE_INFINITY)).toBeLessThanOrEqual(viewport.width)
      expect(await page.locator('#ui-select').isVisible()).toBe(true)
      expect((await facts(page)).overflow).toBe(0)
    }
  })
})

describe('JavaScript on', () => {
  it.each([
    ['ar', PHONE],
    ['de', PHONE],
    ['en', DESKTOP],
  ] as const)(
    '%s, %o: the conversation, results and urgent help pass axe; titles follow the steps',
    async (language, viewport) => {
      const page = await newPage(language, viewport, true)
      const { problems, counts } = await walkToResults(page, language, true, false)
      expectCountsInOrder(counts)
      const before = await page.title()
      await page.locator('header button.urgent').click()
      await nextPage(page, before)
      await page.locator('h1#urgent-title').waitFor()
      problems.push(
        ...(await checkPage(page, language, `${language} urgent`, titled(language, WORDS[language].urgent.title), true)).problems,
      )
      // The language switch opens in place and changes the page's language (keyboard: Enter on the summary).
      await page.locator('details.language summary').focus()
      await page.keyboard.press('Enter')
      await page.locator('#ui-select').selectOption('sv')
      const swedish = await page.title()
      await page.locator('details.language button[value="language"]').click()
      await nextPage(page, swedish)
      expect(await page.locator('html').getAttribute('lang')).toBe('sv')
      expect(problems).toEqual([])
    },
    120_000,
  )

  it('desktop, JavaScript off, German: the results and the privacy page pass axe', async () => {
    const page = await newPage('de', DESKTOP, false)
    const { problems } = await walkToResults(page, 'de', false, false)
    await page.goto(`${env.server.base}/privacy?lang=de`)
    problems.push(...(await checkPage(page, 'de', 'de desktop /privacy', titled('de', de.privacy.title), false)).problems)
    expect(problems).toEqual([])
  }, 120_000)
})

describe('Arabic on a phone: numbers and English names read in order', () => {
  /** Each digit group's left edge, in the order the text holds them: left to right means ascending. */
  const groupEdges = (page: Page, selector: string) =>
    page.locator(selector).evaluateAll((elements) =>
      elements.map((element) => {
        const edges: number[] = []
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (const match of (node.textContent ?? '').matchAll(/\d+/g)) {
            const range = document.createRange()
            range.setStart(node, match.index)
            range.setEnd(node, match.index + match[0].length)
            edges.push(range.getBoundingClientRect().left)
          }
        }
        return { text: element.textContent ?? '', edges }
      }),
    )
  const ascending = (edges: number[]) => edges.every((edge, index) => index === 0 || edge > (edges[index - 1] ?? 0))

  it('the urgent page for Germany after "I might hurt myself": "0800 111 0 111" in order everywhere', async () => {
    const page = await newPage('ar', PHONE, false)
    await page.goto(`${env.server.base}/urgent?lang=ar&country=DE`)
    await page.locator('button[name="urgent_reason"][value="self_harm"]').click()
    await page.locator('.call-first').waitFor()
    const screenshot = join(tmpdir(), 'helpfinder-a11y-ar-urgent.png')
    await page.screenshot({ path: screenshot, fullPage: true })
    console.log(`Arabic urgent page: ${screenshot}`)

    // The sentence "call … now" holds the whole number, isolated, its groups left to right.
    const callFirst = await groupEdges(page, '.call-first bdi[dir="ltr"]')
    expect(callFirst.map((part) => part.text)).toEqual(['0800 111 0 111'])
    expect(callFirst[0]?.edges).toHaveLength(4)
    expect(ascending(callFirst[0]?.edges ?? [])).toBe(true)
    // Every big number and every number in the sentences below (112, 116 111, 116 123).
    const numbers = await groupEdges(page, '.urgent-panel a.number, .urgent-panel p bdi[dir="ltr"]')
    expect(numbers.length).toBeGreaterThanOrEqual(6)
    for (const number of numbers) expect(ascending(number.edges), number.text).toBe(true)
    expect(numbers.map((number) => number.text)).toEqual(expect.arrayContaining(['0800 111 0 111', '116 111', '116 123']))
    // Issue 24: every number written in groups anywhere in the panel (headings, notes, sentences), not only those above.
    const grouped = await page.locator('.urgent-panel').evaluate((panel) => {
      const found: { text: string; edges: number[] }[] = []
      const walker = document.createTreeWalker(panel, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const number of (node.textContent ?? '').matchAll(/\d+(?: \d+)+/g)) {
          const edges = [...number[0].matchAll(/\d+/g)].map((group) => {
            const range = document.createRange()
            range.setStart(node, number.index + group.index)
            range.setEnd(node, number.index + group.index + group[0].length)
            return range.getBoundingClientRect().left
          })
          found.push({ text: number[0], edges })
        }
      }
      return found
    })
    expect(grouped.length).toBeGreaterThanOrEqual(5)
    for (const number of grouped) expect(ascending(number.edges), number.text).toBe(true)

    // The directory's English (line names, hours) carries its language and direction; the rest is Arabic.
    const marks = await page.locator('.urgent-panel li').evaluateAll((items) =>
      items.map((item) => ({
        name: item.querySelector('bdi[lang="en"][dir="ltr"]')?.textContent ?? null,
        hours: item.querySelector('span[lang="en"][dir="ltr"]')?.textContent ?? null,
      })),
    )
    expect(marks.length).toBeGreaterThanOrEqual(3)
    for (const mark of marks) expect(mark.name).toBeTruthy()
    expect(marks.map((mark) => mark.hours)).toContain('24/7')
    expect(marks.map((mark) => mark.name)).toContain('European emergency number 112')
    expect(await audit(page, false)).toEqual([])
  })

  it('the results page is kept as a screenshot, its numbers in order', async () => {
    const page = await newPage('ar', PHONE, false)
    const { problems } = await walkToResults(page, 'ar', false, false)
    const screenshot = join(tmpdir(), 'helpfinder-a11y-ar-results.png')
    await page.screenshot({ path: screenshot, fullPage: true })
    console.log(`Arabic results page: ${screenshot}`)
    const numbers = await groupEdges(page, '.urgent-panel a.number')
    expect(numbers.length).toBeGreaterThan(0)
    for (const number of numbers) expect(ascending(number.edges), number.text).toBe(true)
    expect(problems).toEqual([])
  }, 120_000)
})
