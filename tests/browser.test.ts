import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import ar from '../locales/ar/translation.json'
import de from '../locales/de/translation.json'
import en from '../locales/en/translation.json'
import nl from '../locales/nl/translation.json'
import { useServerAndBrowser } from './support/useServerAndBrowser'
import { NEUTRAL_SITE } from '../src/channels/web/neutralSite'

// A real Chromium against the real app on loopback: JavaScript off (Tor "Safest"), JavaScript on,
// keyboard only. Nothing leaves the machine: every request that is not to the loopback server is
// answered locally (the neutral exit site, a stand-in "previous site") or aborted and recorded.

/** A stand-in for wherever the person came from, so history after the quick exit can be checked. */
const PREVIOUS_SITE = 'https://search.example/results'
/** Words a neutral tab title must never contain, in the interface languages. */
const GIVEAWAY = /abuse|child|sexual|paedo|pedo|offend|missbrauch|kind|sexuell|täter|misbruik|seksueel/i

const env = useServerAndBrowser()

/** One isolated browser profile with the network sealed off, and what it saw. */
interface Sandbox {
  context: BrowserContext
  page: Page
  /** Requests that tried to leave loopback (other than the neutral and previous sites). */
  blocked: string[]
  /** Requests to the neutral exit site, with their Referer header. */
  exits: { url: string; referer: string | undefined }[]
  /** Console errors, page errors and CSP violations. */
  problems: string[]
  /** Set-Cookie headers seen on any response. */
  setCookies: string[]
  /** Hold the neutral site's answer until this resolves (to look at the page mid-exit). */
  holdExit: Promise<void> | undefined
}

const open: BrowserContext[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((context) => context.close()))
})

async function sandbox(options: BrowserContextOptions): Promise<Sandbox> {
  const context = await env.browser.newContext({ locale: 'en-GB', ...options })
  open.push(context)
  const box: Omit<Sandbox, 'page'> = { context, blocked: [], exits: [], problems: [], setCookies: [], holdExit: undefined }
  await context.route('**/*', async (route) => {
    const request = route.request()
    const url = request.url()
    if (url.startsWith(`${env.server.base}/`)) return route.continue()
    if (url.startsWith(NEUTRAL_SITE)) {
      box.exits.push({ url, referer: (await request.allHeaders()).referer })
      await box.holdExit
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Weather</title><h1>Weather</h1>' })
    }
    if (url.startsWith(PREVIOUS_SITE))
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Search</title><h1>Results</h1>' })
    box.blocked.push(url)
    return route.abort('blockedbyclient')
  })
  if (options.javaScriptEnabled !== false) {
    // Injected by the test harness (outside the page's CSP): report any CSP violation as an error.
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`)
      })
    })
  }
  const page = await context.newPage()
  page.on('console', (message) => {
    if (message.type() === 'error') box.problems.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => box.problems.push(`pageerror: ${error.message}`))
  page.on('response', async (response) => {
    const cookie = await response.headerValue('set-cookie').catch(() => null)
    if (cookie) box.setCookies.push(`${response.url()}: ${cookie}`)
  })
  // The same object the handlers above write to, now with its page.
  return Object.assign(box, { page })
}

// ---- reading the page ------------------------------------------------------------------------

const stepOf = (page: Page) => page.locator('form#turn').getAttribute('data-step')
const waitForStep = (page: Page, step: string) => page.locator(`form#turn[data-step="${step}"]`).waitFor()
const waitForResults = (page: Page) => page.locator('article.card').first().waitFor()
const headingOf = async (page: Page) => (await page.locator('h1').first().textContent())?.trim()

/** The focused element as "tag|type|value|id|href|where|text", e.g. "input|radio|self|||main|". */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement
    if (!element || element === document.body) return 'body'
    const text = element.tagName === 'SELECT' ? '' : (element.textContent ?? '').trim().slice(0, 40)
    const where = element.closest('.contact') ? 'contact' : element.closest('header') ? 'header' : element.closest('main') ? 'main' : ''
    const attribute = (name: string) => element.getAttribute(name) ?? ''
    return [element.tagName.toLowerCase(), attribute('type'), attribute('value'), element.id, attribute('href'), where, text].join('|')
  })

/** The tab names the kind of page ("Question 2 of 7", "Urgent help") and the site, never the question's or an answer's words. */
async function expectNeutralTitle(page: Page) {
  const title = await page.title()
  expect(title).toMatch(/^[^–]+ – Helpfinder$/)
  expect(title).not.toMatch(GIVEAWAY)
  const heading = await headingOf(page)
  if (heading) expect(title).not.toContain(heading)
}

// ---- driving the page with a mouse -----------------------------------------------------------

type Words = typeof en
const turnButton = (page: Page, name: string) => page.locator('form#turn').getByRole('button', { name, exact: true })

/** Clicks an option by its visible label and checks that the click reached the input. */
async function pick(page: Page, label: string) {
  await page.getByText(label, { exact: true }).click()
  expect(await page.getByLabel(label, { exact: true }).isChecked(), label).toBe(true)
}

/** Answers a question by clicking its label(s), then Continue; waits for the next page. */
async function answer(page: Page, words: Words, labels: string[], next: string) {
  for (const label of labels) await pick(page, label)
  await turnButton(page, words.nav.continue).click()
  if (next === 'results') await waitForResults(page)
  else await waitForStep(page, next)
  await expectNeutralTitle(page)
}

/** The whole conversation in English by mouse: self, 18 or over, "Deutschland" typed, German, thoughts, phone+chat, anonymous. */
async function converse(page: Page) {
  const { flow } = en
  await page.goto(`${env.server.base}/`)
  await waitForStep(page, 'asker')
  await expectNeutralTitle(page)
  await answer(page, en, [flow.asker.self], 'age')
  await answer(page, en, [flow.age.adult], 'country')
  await page.getByLabel(flow.country.choose).fill('Deutschland')
  await answer(page, en, [], 'language')
  await page.getByLabel(flow.language.choose).fill('German')
  await answer(page, en, [], 'stage')
  expect(await headingOf(page)).toBe(flow.stage.prompt_self)
  await answer(page, en, [flow.stage.nothing_happened], 'channels')
  await answer(page, en, [flow.channels.phone, flow.channels.chat], 'anonymity')
  await answer(page, en, [flow.anonymity.matters], 'results')
}

/** The results show the German prevention network with its reasons and a contact link. */
async function expectGermanNetwork(page: Page) {
  expect(await headingOf(page)).toBe(en.flow.results.prompt)
  const card = page.locator('article.card[data-service="kein-taeter-werden"]')
  expect(await card.count()).toBe(1)
  // Results h1, each card's name an h2 (the helplines' cards h3, under their own h2).
  expect(await card.locator('h2').textContent()).toContain('Kein Täter werden')
  expect(await card.getByText(en.results.why, { exact: true }).isVisible()).toBe(true)
  const reasons = await card.locator('.reasons li').allTextContents()
  expect(reasons).toContain('Works in Germany')
  const contact = card.locator('.contact a').first()
  expect(await contact.isVisible()).toBe(true)
  expect(await contact.getAttribute('href')).toMatch(/^(tel:|https:\/\/)/)
}

// ---- the tests -------------------------------------------------------------------------------

describe('with JavaScript off (Tor Browser "Safest")', () => {
  it('a full conversation by clicking labels and Continue ("Deutschland" typed) ends on the German prevention network; Back keeps every answer', async () => {
    const { page, context, blocked, setCookies } = await sandbox({ javaScriptEnabled: false })
    await converse(page)
    await expectGermanNetwork(page)
    await page.screenshot({ path: join(tmpdir(), 'helpfinder-results-nojs.png'), fullPage: true })
    expect(await context.cookies()).toEqual([])
    expect(setCookies).toEqual([])
    expect(blocked).toEqual([])

    // Back from the results walks back through the questions with every earlier answer still chosen.
    const back = async (step: string) => {
      await page.getByRole('button', { name: en.nav.back, exact: true }).click()
      await waitForStep(page, step)
    }
    await back('anonymity')
    expect(await page.getByLabel(en.flow.anonymity.matters).isChecked()).toBe(true)
    expect(await page.getByLabel(en.flow.anonymity.not_needed).isChecked()).toBe(false)
    await back('channels')
    expect(
      await page.locator('input[name="answer"]:checked').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value)),
    ).toEqual(['phone', 'chat'])
    await back('stage')
    expect(await page.getByLabel(en.flow.stage.nothing_happened).isChecked()).toBe(true)
    await back('language')
    expect(await page.getByLabel(en.flow.language.choose).inputValue()).toBe('German')
    await back('country')
    expect(await page.getByLabel(en.flow.country.choose).inputValue()).toBe('Germany')
    // Continuing without touching anything keeps going with the kept answers.
    await answer(page, en, [], 'language')
  })

  it('changing the interface language mid-conversation keeps the place: same question, now in German, then Dutch', async () => {
    const { page } = await sandbox({ javaScriptEnabled: false })
    await page.goto(`${env.server.base}/`)
    await answer(page, en, [en.flow.asker.self], 'age')
    await answer(page, en, [en.flow.age.adult], 'country')
    await page.getByLabel(en.flow.country.choose).fill('Germany')
    await answer(page, en, [], 'language')
    await answer(page, en, [], 'stage')
    expect(await page.locator('html').getAttribute('lang')).toBe('en')

    // The switch is folded under the current language's name; opening it shows the list and the button.
    await page.locator('details.language summary').click()
    await page.locator('#ui-select').selectOption('de')
    await page.getByRole('button', { name: en.nav.change_language, exact: true }).click()
    await page.locator('html[lang="de"]').waitFor()
    expect(await stepOf(page)).toBe('stage')
    expect(await headingOf(page)).toBe(de.flow.stage.prompt_self)
    await expectNeutralTitle(page)

    // The conversation carries on in German, then switches to Dutch on the next question.
    await answer(page, de, [de.flow.stage.nothing_happened], 'channels')
    expect(await headingOf(page)).toBe(de.flow.channels.prompt)
    await page.locator('details.language summary').click()
    await page.locator('#ui-select').selectOption('nl')
    await page.getByRole('button', { name: de.nav.change_language, exact: true }).click()
    await page.locator('html[lang="nl"]').waitFor()
    expect(await stepOf(page)).toBe('channels')
    expect(await headingOf(page)).toBe(nl.flow.channels.prompt)
    // And the earlier answers are still there: Back (in Dutch) shows the stage answer chosen.
    await page.getByRole('button', { name: nl.nav.back, exact: true }).click()
    await waitForStep(page, 'stage')
    expect(await page.getByLabel(nl.flow.stage.nothing_happened).isChecked()).toBe(true)
  })

  it('the urgent-help entry shows 112 for Germany and offers a way back to the same question', async () => {
    const { page } = await sandbox({ javaScriptEnabled: false })
    await page.goto(`${env.server.base}/`)
    await answer(page, en, [en.flow.asker.self], 'age')
    await answer(page, en, [en.flow.age.adult], 'country')
    await page.getByLabel(en.flow.country.choose).fill('Deutschland')
    await answer(page, en, [], 'language')

    await page.getByRole('button', { name: en.nav.urgent, exact: true }).click()
    await page.locator('#urgent-title').waitFor()
    expect(await page.locator('h1#urgent-title').textContent()).toBe(`${en.urgent.title} · Germany`)
    const emergency = page.locator('.urgent-panel a.number[href="tel:112"]')
    expect(await emergency.isVisible()).toBe(true)
    expect(await emergency.textContent()).toBe('112')
    expect(await page.locator('form#turn').count()).toBe(0)
    await expectNeutralTitle(page)
    await page.screenshot({ path: join(tmpdir(), 'helpfinder-urgent-nojs.png'), fullPage: true })

    await page.getByRole('button', { name: en.nav.return, exact: true }).click()
    await waitForStep(page, 'language')
    expect(await headingOf(page)).toBe(en.flow.language.prompt)
  })

  it('the quick exit is the first thing Tab reaches after the skip link, goes to the neutral site and sends no referrer', async () => {
    const { page, exits, blocked } = await sandbox({ javaScriptEnabled: false })
    await page.goto(`${env.server.base}/`)
    await expectNeutralTitle(page)
    await page.keyboard.press('Tab')
    expect(await focused(page)).toMatch(/^a\|\|\|\|#main\|/)
    await page.keyboard.press('Tab')
    expect(await focused(page)).toMatch(/^a\|\|\|exit\|[^|]*\|header\|/)
    const exit = page.locator('#exit')
    expect(await exit.getAttribute('href')).toBe(NEUTRAL_SITE)
    expect((await exit.getAttribute('rel'))?.split(' ')).toEqual(expect.arrayContaining(['noreferrer', 'nofollow']))
    // The first control on the page after the skip link, in the header's landmark.
    expect(await page.locator('a:not(.skip), button, input, select, textarea').first().getAttribute('id')).toBe('exit')

    await page.keyboard.press('Enter')
    await page.waitForURL(NEUTRAL_SITE)
    expect(await page.title()).toBe('Weather')
    expect(exits).toEqual([{ url: NEUTRAL_SITE, referer: undefined }])
    expect(blocked).toEqual([])
  })
})

describe('with JavaScript on', () => {
  it('completes a conversation with no console errors, no CSP violations, no cookies and nothing in storage', async () => {
    const { page, context, problems, blocked, setCookies } = await sandbox({ javaScriptEnabled: true })
    await converse(page)
    await expectGermanNetwork(page)
    // Two scripts, both under the nonce: the quick exit inline, then the enhancements' one file.
    expect(await page.locator('script').evaluateAll((scripts) => scripts.map((script) => script.hasAttribute('nonce')))).toEqual([
      true,
      true,
    ])
    expect(problems).toEqual([])
    expect(blocked).toEqual([])
    // No cookies and no storage after the whole conversation.
    expect(await context.cookies()).toEqual([])
    expect(setCookies).toEqual([])
    expect(await page.evaluate(() => ({ cookie: document.cookie, local: localStorage.length, session: sessionStorage.length }))).toEqual({
      cookie: '',
      local: 0,
      session: 0,
    })
    expect((await context.storageState()).origins).toEqual([])
  })

  it('Shift three times blanks the page, announces the exit and replaces the history entry', async () => {
    const box = await sandbox({ javaScriptEnabled: true })
    const { page } = box
    // Playwright cannot look into a page whose navigation is pending, so a listener that runs just
    // after the page's own keydown handler reports what is left on screen at that moment.
    const snapshots: { title: string; text: string; elements: number; status: string | null; role: string | null; hidden: boolean }[] = []
    page.on('console', (message) => {
      if (message.text().startsWith('SNAPSHOT ')) snapshots.push(JSON.parse(message.text().slice('SNAPSHOT '.length)))
    })
    await page.addInitScript(() => {
      window.addEventListener('keydown', () => {
        const status = document.getElementById('exit-status')
        const snapshot = {
          title: document.title,
          text: document.body.innerText.trim(),
          elements: document.body.children.length,
          status: status?.textContent ?? null,
          role: status?.getAttribute('role') ?? null,
          hidden: status?.classList.contains('visually-hidden') ?? false,
        }
        console.log(`SNAPSHOT ${JSON.stringify(snapshot)}`)
      })
    })
    await page.goto(PREVIOUS_SITE)
    await page.goto(`${env.server.base}/`)
    await waitForStep(page, 'asker')
    let release = () => {}
    box.holdExit = new Promise<void>((resolve) => (release = resolve))

    await page.keyboard.press('Shift')
    await page.keyboard.press('Shift')
    await page.keyboard.press('Shift')
    await expect.poll(() => box.exits.length).toBe(1)
    await expect.poll(() => snapshots.length).toBe(3)
    // Still there after two presses; after the third only the (visually hidden) announcement is left.
    expect(snapshots[1]).toMatchObject({
      title: `${en.nav.step_count.replace('{{number}}', '1').replace('{{total}}', '6')} – Helpfinder`,
      status: '',
    })
    expect(snapshots[2]).toEqual({
      title: '',
      text: en.nav.exit_announce,
      elements: 1,
      status: en.nav.exit_announce,
      role: 'status',
      hidden: true,
    })
    release()
    await page.waitForURL(NEUTRAL_SITE)
    expect(await page.title()).toBe('Weather')
    expect(box.exits[0]?.referer).toBeUndefined()

    // Back skips Helpfinder: the entry was replaced, not added.
    await page.goBack()
    expect(page.url()).toBe(PREVIOUS_SITE)
    expect(await page.title()).toBe('Search')
    expect(box.problems).toEqual([])
  })

  it('clicking the quick-exit link also replaces the history entry', async () => {
    const { page, exits } = await sandbox({ javaScriptEnabled: true })
    await page.goto(PREVIOUS_SITE)
    await page.goto(`${env.server.base}/`)
    await page.locator('#exit').click()
    await page.waitForURL(NEUTRAL_SITE)
    expect(exits).toHaveLength(1)
    await page.goBack()
    expect(page.url()).toBe(PREVIOUS_SITE)
  })

  it('Shift twice, a pause past the two-second window, then once more does not exit', async () => {
    const { page, exits } = await sandbox({ javaScriptEnabled: true })
    await page.goto(`${env.server.base}/`)
    await waitForStep(page, 'asker')
    await page.keyboard.press('Shift')
    await page.keyboard.press('Shift')
    await page.waitForTimeout(2_300)
    await page.keyboard.press('Shift')
    await page.waitForTimeout(400)
    expect(exits).toEqual([])
    expect(page.url()).toBe(`${env.server.base}/`)
    expect(await headingOf(page)).toBe(en.flow.asker.prompt)
    // The listener is alive and the window slides: two more quick presses make three in a row.
    await page.keyboard.press('Shift')
    await page.keyboard.press('Shift')
    await page.waitForURL(NEUTRAL_SITE)
  })

  it('Shift used with other keys (capitals typed, Shift+Tab) does not trigger the exit', async () => {
    const { page, exits } = await sandbox({ javaScriptEnabled: true })
    await page.goto(`${env.server.base}/`)
    await answer(page, en, [en.flow.asker.self], 'age')
    await answer(page, en, [en.flow.age.adult], 'country')
    const field = page.getByLabel(en.flow.country.choose)
    await field.click()
    // "USA" typed the way people type capitals: Shift held for each letter.
    for (const letter of ['U', 'S', 'A']) await page.keyboard.press(`Shift+${letter}`)
    await page.waitForTimeout(300)
    expect(exits).toEqual([])
    expect(await field.inputValue()).toBe('USA')
    // A keyboard user going back through the form: Shift+Tab three times.
    for (let press = 0; press < 3; press++) await page.keyboard.press('Shift+Tab')
    await page.waitForTimeout(300)
    expect(exits).toEqual([])
    // Back past urgent help and the (folded) language switch to the site's name.
    expect(await focused(page)).toMatch(/^a\|\|\|\|\/\|header\|/)
    // Still on the same question with everything in place ("USA" itself is not a recognised name).
    await field.fill('United States')
    await answer(page, en, [], 'language')
  })
})

describe('keyboard only', () => {
  /** Presses Tab until the focused element matches; fails if it takes more than `limit` presses. */
  async function tabTo(page: Page, target: RegExp, limit = 15) {
    const seen: string[] = []
    for (let press = 0; press < limit; press++) {
      await page.keyboard.press('Tab')
      const now = await focused(page)
      seen.push(now)
      if (target.test(now)) return seen
    }
    throw new Error(`Tab never reached ${target}; focus went ${seen.join(' → ')}`)
  }
  /** Tab to an option and press Space on it; the first Tab on every page lands on the skip link, the second on the quick exit. */
  async function spaceOn(page: Page, value: string) {
    const seen = await tabTo(page, new RegExp(`^input\\|(radio|checkbox)\\|${value}\\|`))
    expect(await page.locator(`input[name="answer"][value="${value}"]`).isChecked()).toBe(false)
    await page.keyboard.press('Space')
    expect(await page.locator(`input[name="answer"][value="${value}"]`).isChecked()).toBe(true)
    return seen
  }
  async function enterOnContinue(page: Page, next: string) {
    await tabTo(page, new RegExp(`^button\\|\\|answer\\|\\|\\|main\\|${en.nav.continue}$`))
    expect(await page.evaluate(() => document.activeElement?.matches(':focus-visible'))).toBe(true)
    expect(await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle)).not.toBe('none')
    await page.keyboard.press('Enter')
    if (next === 'results') await waitForResults(page)
    else await waitForStep(page, next)
  }

  it('the whole form can be completed with Tab, Space, typing and Enter', async () => {
    const { page } = await sandbox({ javaScriptEnabled: false })
    await page.goto(`${env.server.base}/`)
    // Skip link: the first Tab, then Enter, jumps past the header to the question.
    expect(await tabTo(page, /^a\|\|\|\|#main\|/)).toHaveLength(1)
    await page.keyboard.press('Enter')
    await page.keyboard.press('Tab')
    expect(await focused(page)).toMatch(/^input\|radio\|self\|/)
    await page.keyboard.press('Space')
    await enterOnContinue(page, 'age')
    // The age: Tab reaches the first answer of the group, an arrow key picks "18 or over".
    await tabTo(page, /^input\|radio\|under_18\|/)
    await page.keyboard.press('ArrowDown')
    expect(await page.locator('input[name="answer"][value="adult"]').isChecked()).toBe(true)
    await enterOnContinue(page, 'country')

    const typeAndEnter = async (text: string, next: string) => {
      // The language question's box starts with the interface language's name; Tab selects it, typing replaces it.
      const seen = await tabTo(page, /^input\|text\|[^|]*\|answer-text\|/)
      expect(seen.slice(0, 2)).toEqual([expect.stringMatching(/^a\|\|\|\|#main\|/), expect.stringMatching(/^a\|\|\|exit\|/)])
      await page.keyboard.type(text)
      await page.keyboard.press('Enter') // implicit submission uses the first button: Continue
      await waitForStep(page, next)
    }
    await typeAndEnter('Deutschland', 'language')
    await typeAndEnter('Deutsch', 'stage')

    expect((await spaceOn(page, 'nothing_happened'))[1]).toMatch(/^a\|\|\|exit\|/)
    await enterOnContinue(page, 'channels')
    await spaceOn(page, 'phone')
    await spaceOn(page, 'chat')
    await enterOnContinue(page, 'anonymity')
    await spaceOn(page, 'matters')
    await enterOnContinue(page, 'results')
    await expectGermanNetwork(page)

    // A contact link of a result is reachable by keyboard too.
    const seen = await tabTo(page, /^a\|.*\|contact\|/, 40)
    expect(seen.at(-1)).toMatch(/^a\|\|\|\|(tel:|https:\/\/)/)
  })
})

// Arabic, JavaScript off: the whole journey to the results lays out right to left. The results
// page is kept as a screenshot (helpfinder-ar-results.png in the system's temporary folder) for people to see.
const RTL_SCREENSHOT = join(tmpdir(), 'helpfinder-ar-results.png')

/** Where an element's text starts and ends, against its container's content box. */
async function textEdges(page: Page, selector: string) {
  return page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const range = document.createRange()
      range.selectNodeContents(element)
      const text = range.getBoundingClientRect()
      const box = element.getBoundingClientRect()
      return { gapRight: box.right - text.right, gapLeft: text.left - box.left }
    })
}

describe('Arabic, right to left', () => {
  it('every page of the journey is rtl, and the results page lays out from the right', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false, locale: 'ar', viewport: { width: 900, height: 1200 } })
    const page = await context.newPage()
    try {
      await page.goto(`${env.server.base}/?lang=ar`)
      const steps: [string, string][] = [
        [ar.flow.asker.self, ar.flow.age.prompt],
        [ar.flow.age.adult, ar.flow.country.prompt],
        ['', ar.flow.language.prompt],
        ['', ar.flow.stage.prompt_self],
        [ar.flow.stage.nothing_happened, ar.flow.channels.prompt],
        [ar.flow.channels.any, ar.flow.anonymity.prompt],
        [ar.flow.anonymity.not_needed, ''],
      ]
      // The first page: nothing pushes the page sideways, and each radio sits at the right of its words.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
      const choice = page.locator('label.choice').first()
      const radio = await choice.locator('input').boundingBox()
      const words = await choice.locator('span').boundingBox()
      expect(radio && words && radio.x > words.x + words.width - 1).toBe(true)
      for (const [choice, next] of steps) {
        expect(
          await page.evaluate(() => [
            document.documentElement.lang,
            document.documentElement.dir,
            getComputedStyle(document.body).direction,
          ]),
        ).toEqual(['ar', 'rtl', 'rtl'])
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
        if (choice) await page.getByLabel(choice, { exact: true }).check()
        if (next === ar.flow.language.prompt) await page.locator('#answer-text').fill('ألمانيا')
        if (next === ar.flow.stage.prompt_self) expect(await page.locator('#answer-text').inputValue()).toBe('العربية')
        await page.locator('form#turn button[value="answer"]').click()
        if (next) await page.locator('h1', { hasText: next }).waitFor()
      }
      await page.locator('[data-service]').first().waitFor()
      expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe('rtl')
      // Text starts at the right edge and the space is left over on the left.
      const heading = await textEdges(page, 'main h1')
      expect(heading.gapRight).toBeLessThan(4)
      expect(heading.gapLeft).toBeGreaterThan(heading.gapRight)
      // In a service card, the labels (Arabic) start at the right of their column.
      const label = await textEdges(page, '[data-service] dt')
      expect(label.gapRight).toBeLessThan(4)
      // The English details are not a silent fallback: the page says why they are in English.
      expect(await page.locator('main').innerText()).toContain(ar.results.directory_in_english)
      // English texts from the directory keep their own direction (so their punctuation stays put).
      expect(await page.locator('[data-service] [lang="en"]').first().getAttribute('dir')).toBe('ltr')
      await page.screenshot({ path: RTL_SCREENSHOT, fullPage: false })
    } finally {
      await context.close()
    }
  }, 60_000)
})
