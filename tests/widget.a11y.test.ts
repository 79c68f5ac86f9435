import type { BrowserContext, Frame, Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import ar from '../locales/ar/translation.json'
import de from '../locales/de/translation.json'
import en from '../locales/en/translation.json'
import { NEUTRAL_SITE } from '../src/channels/web/neutralSite'
import { axe } from './support/axe'
import { useWidgetHost } from './support/useWidgetHost'

// The widget panel as a person meets it, in English, German (long words) and Arabic (right to
// left): every page of it — each question, the results, urgent help, a malformed post's 400 and
// the not-set-up page — passes axe's WCAG and best-practice rules, with JavaScript off (the panel
// loaded as it is) and on (inside the host page's frame on another origin, every view swapped in).

const WORDS = { en, de, ar }
type Language = keyof typeof WORDS
const LANGUAGES: Language[] = ['en', 'de', 'ar']
/** Someone worried about themselves, adult, nothing has happened, any way in, anonymity matters; country and language are the embed's presets. */
const ANSWERS: Record<string, string> = { asker: 'self', age: 'adult', stage: 'nothing_happened', channels: 'any', anonymity: 'matters' }

const env = useWidgetHost()
const open: BrowserContext[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((context) => context.close()))
})

async function newContext(language: Language, javaScriptEnabled: boolean) {
  const context = await env.browser.newContext({ locale: language, viewport: { width: 400, height: 700 }, javaScriptEnabled })
  open.push(context)
  return context
}

/**
 * axe on the panel's markup as the server sent it, scripts left out as they are with JavaScript
 * off: axe cannot run in a page without script, so the copy is audited in a page of the same
 * size on the same origin.
 */
async function auditCopy(page: Page): Promise<string[]> {
  const html = (await page.content()).replace(/<script[\s\S]*?<\/script>/g, '')
  const context = await env.browser.newContext({ bypassCSP: true, viewport: page.viewportSize() ?? { width: 400, height: 700 } })
  open.push(context)
  const auditor = await context.newPage()
  await auditor.goto(`${env.server.base}/privacy`)
  await auditor.setContent(html)
  return axe(auditor, { bestPractice: true })
}

/** Which view the document shows: the question's step, "results", urgent help, the not-set-up page, or "" while it changes. */
const viewOf = (target: Page | Frame) =>
  target
    .evaluate(() => {
      const step = document.querySelector('form#turn')?.getAttribute('data-step')
      if (step) return step
      if (document.querySelector('#results')) return 'results'
      if (document.querySelector('h1#urgent-title')) return 'urgent'
      if (document.querySelector('#open-helpfinder')) return 'not set up'
      return ''
    })
    .catch(() => '')

/** Waits until the view is another than `before` (a navigation without script, a swap with it). */
async function nextView(target: Page | Frame, before: string): Promise<string> {
  let view = ''
  await expect
    .poll(
      async () => {
        view = await viewOf(target)
        return view !== '' && view !== before
      },
      { timeout: 15_000 },
    )
    .toBe(true)
  return view
}

/** Answers the question on screen (presets kept for country and language) and presses Continue; returns the next view. */
async function answer(target: Page | Frame, step: string): Promise<string> {
  const value = ANSWERS[step]
  if (value) await target.locator(`form#turn input[name="answer"][value="${value}"]`).check()
  else if (step !== 'country' && step !== 'language') throw new Error(`the path has no answer for the question "${step}"`)
  await target.locator('form#turn .actions button[value="answer"]').click()
  return nextView(target, step)
}

/**
 * Walks the panel from its first question (posted once malformed: the 400 that keeps the place)
 * to the results and urgent help, auditing each view; returns the violations, labelled by view,
 * and the views seen.
 */
async function walkPanel(page: Page, target: Page | Frame, audit: () => Promise<string[]>, language: Language) {
  const problems: string[] = []
  const views: string[] = []
  const check = async (label: string) => {
    views.push(label)
    for (const violation of await audit()) problems.push(`${language} ${label}: ${violation}`)
  }
  let view = await nextView(target, '')
  await check(view)

  // An action that does not exist: the same question again, with the localised notice, as a 400.
  await page.route(
    `${env.server.base}/widget/turn`,
    (route) => route.continue({ postData: (route.request().postData() ?? '').replace('action=answer', 'action=oops') }),
    { times: 1 },
  )
  const bad = page.waitForResponse(`${env.server.base}/widget/turn`)
  await target.locator('form#turn .actions button[value="answer"]').click()
  expect((await bad).status()).toBe(400)
  await expect
    .poll(() =>
      target
        .locator('p.notice')
        .textContent()
        .catch(() => ''),
    )
    .toBe(WORDS[language].error.bad_request)
  expect(await viewOf(target)).toBe(view)
  await check(`${view} (400)`)

  for (let turn = 0; turn < 12; turn++) {
    view = await answer(target, view)
    if (view === 'results') break
    await check(view)
  }
  expect(await target.locator('[data-service]').count(), 'the path reaches results with services').toBeGreaterThan(0)
  await check('results')
  await target.locator('header button.urgent').click()
  await check(await nextView(target, 'results'))
  return { problems, views }
}

/** Every view the walk must reach: the questions of the path, the 400, results, urgent help. */
const EXPECTED_VIEWS = ['asker', 'asker (400)', 'age', 'country', 'language', 'stage', 'channels', 'anonymity', 'results', 'urgent']

describe('the widget panel passes axe with best-practice rules', () => {
  it.each(LANGUAGES)(
    '%s, JavaScript off, the panel loaded as it is: every question, results, urgent help, a 400, the not-set-up page',
    async (language) => {
      const context = await newContext(language, false)
      const page = await context.newPage()
      await page.goto(`${env.server.base}/widget/panel?lang=${language}&country=DE&partner=test-helpline`)
      const { problems, views } = await walkPanel(page, page, () => auditCopy(page), language)
      expect(views).toEqual(EXPECTED_VIEWS)

      await page.goto(
        `${env.server.base}/widget/panel?lang=${language}&partner=elsewhere-helpline&host=${encodeURIComponent('http://localhost:1234')}`,
      )
      expect(await viewOf(page)).toBe('not set up')
      for (const violation of await auditCopy(page)) problems.push(`${language} not set up: ${violation}`)
      expect(problems).toEqual([])
    },
    180_000,
  )

  it.each(LANGUAGES)(
    '%s, JavaScript on, inside the host page’s frame: every view swapped in, and the not-set-up page',
    async (language) => {
      const context = await newContext(language, true)
      const page = await context.newPage()
      await page.goto(
        `${env.host.base}/page?attrs=${encodeURIComponent(`data-partner="test-helpline" data-country="DE" data-lang="${language}" data-open="true"`)}`,
      )
      const frame = await panelFrame(page)
      const { problems, views } = await walkPanel(page, frame, () => axe(frame, { bestPractice: true }), language)
      expect(views).toEqual(EXPECTED_VIEWS)
      for (const violation of await axe(page, { bestPractice: true })) problems.push(`${language} host page: ${violation}`)

      await page.goto(
        `${env.host.base}/page?attrs=${encodeURIComponent(`data-partner="elsewhere-helpline" data-lang="${language}" data-open="true"`)}`,
      )
      const refused = await panelFrame(page)
      await nextView(refused, '')
      expect(await viewOf(refused)).toBe('not set up')
      for (const violation of await axe(refused, { bestPractice: true })) problems.push(`${language} not set up: ${violation}`)
      expect(problems).toEqual([])
    },
    180_000,
  )
})

describe('the quick exit in the panel', () => {
  const hint = (target: Page | Frame) => target.locator('#exit small')
  const embed = (page: Page) =>
    page.goto(`${env.host.base}/page?attrs=${encodeURIComponent('data-partner="test-helpline" data-open="true"')}`)

  it('shows "press Shift three times" with JavaScript and a keyboard, after each swap too, and leaves from a swapped view by replacing the host page', async () => {
    const context = await newContext('en', true)
    await context.route(`${NEUTRAL_SITE}**`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Weather</title>' }),
    )
    const page = await context.newPage()
    await embed(page)
    const frame = await panelFrame(page)
    expect(await page.evaluate(() => matchMedia('(any-hover: hover) and (any-pointer: fine)').matches)).toBe(true)
    await expect.poll(() => hint(frame).isVisible()).toBe(true)
    expect(await hint(frame).textContent()).toBe(en.nav.exit_hint)
    expect(await answer(frame, 'asker')).toBe('age')
    expect(await hint(frame).isVisible()).toBe(true)
    // The exit swapped in with the view still runs the script's exit: the host page is replaced, not
    // followed by a new history entry (which a plain link to _top would add), so Back skips it.
    const entries = await page.evaluate(() => history.length)
    await frame.locator('#exit').click()
    await page.waitForURL(`${NEUTRAL_SITE}**`)
    expect(await page.evaluate(() => history.length)).toBe(entries)
  })

  it('keeps the hint hidden on a phone (touch, no fine pointer) and with JavaScript off', async () => {
    const phone = await env.browser.newContext({ locale: 'en', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    open.push(phone)
    const page = await phone.newPage()
    await embed(page)
    const frame = await panelFrame(page)
    await nextView(frame, '')
    expect(await hint(frame).count()).toBe(1)
    expect(await hint(frame).isVisible()).toBe(false)

    const scriptless = await (await newContext('en', false)).newPage()
    await scriptless.goto(`${env.server.base}/widget/panel?lang=en`)
    expect(await hint(scriptless).count()).toBe(1)
    expect(await hint(scriptless).isVisible()).toBe(false)
  })
})

async function panelFrame(page: Page): Promise<Frame> {
  const handle = await page.locator('[data-helpfinder] iframe').elementHandle()
  const frame = await handle?.contentFrame()
  if (!frame) throw new Error('no panel frame')
  await frame.waitForLoadState()
  return frame
}
