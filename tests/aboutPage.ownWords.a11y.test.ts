import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadBundledData } from '../src/storage/bundledData'
import { ABOUT_ONLY, OWN_WORDS, SWEDISH_WORDS, withOnlyFixtures } from './support/aboutPageFixtures'
import { axe } from './support/axe'
import { launchChromium } from './support/chromium'
import { answerAll } from './support/formConversation'
import { startNodeServer } from './support/startNodeServer'

// The new lines of a result card in a real browser: axe's WCAG A/AA rules (valid lang values, link
// names, contrast) on results pages in Swedish, English and Arabic, and the language a screen reader
// is told for the service's own words.
let server: Awaited<ReturnType<typeof startNodeServer>>
let browser: Browser
beforeAll(async () => {
  server = await startNodeServer({ seed: withOnlyFixtures(loadBundledData()) })
  browser = await launchChromium()
}, 60_000)
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe("result cards with a page about the service and the service's own words", () => {
  it.each(['sv', 'en', 'ar'])('axe finds nothing on the %s results page, and the words carry their language', async (language) => {
    const html =
      (
        await answerAll(server.base, ['self', 'adult', 'SE', 'sv', 'nothing_happened', ['phone'], 'not_needed'], {
          'accept-language': language,
        })
      ).at(-1)?.html ?? ''
    const context = await browser.newContext({ locale: language, bypassCSP: true })
    const page = await context.newPage()
    // On the server's own origin (so the page's links resolve there), the results page the form conversation returned.
    await page.goto(`${server.base}/privacy`)
    await page.setContent(html)
    expect(await axe(page)).toEqual([])
    const own = page.locator(`[data-service="${OWN_WORDS.id}"] [data-description] p`).first()
    expect(await own.evaluate((element) => [element.closest('[lang]')?.getAttribute('lang'), getComputedStyle(element).direction])).toEqual(
      language === 'sv' ? ['sv', 'ltr'] : language === 'ar' ? ['ar', 'rtl'] : ['en', 'ltr'],
    )
    if (language === 'sv') expect(await own.textContent()).toBe(SWEDISH_WORDS)
    const about = page.locator(`[data-service="${ABOUT_ONLY.id}"] [data-contact="about-page"] a`)
    expect(await about.getAttribute('href')).toBe(ABOUT_ONLY.aboutPage)
    await context.close()
  })
})
