import { describe, expect, it } from 'vitest'
import ar from '../locales/ar/translation.json'
import en from '../locales/en/translation.json'
import fr from '../locales/fr/translation.json'
import pl from '../locales/pl/translation.json'
import { useServerAndBrowser } from './support/useServerAndBrowser'
import sv from '../locales/sv/translation.json'

// The finding, replayed as it was found: a real Chromium whose only language is fr, pl, sv, ar or
// en (so it sends `Accept-Language: fr`, with no region) opens the start page and presses "Urgent
// help". It must see a number to tap at once and, after "A child is in danger now", "Call 112 now"
// with a tel: link to 112 — with JavaScript on and off.
const WORDS = { fr, pl, sv, ar, en }
const CASES = (Object.keys(WORDS) as (keyof typeof WORDS)[]).flatMap((locale) =>
  [true, false].map((javaScript) => ({ locale, javaScript })),
)

const env = useServerAndBrowser()

describe.each(CASES)('a browser in $locale (JavaScript on: $javaScript)', ({ locale, javaScript }) => {
  it('finds a number to tap at once, then "Call 112 now" after "A child is in danger now"', async () => {
    const words = WORDS[locale]
    const context = await env.browser.newContext({ locale, javaScriptEnabled: javaScript })
    try {
      const sent: string[] = []
      const blocked: string[] = []
      await context.route('**/*', async (route) => {
        const request = route.request()
        if (!request.url().startsWith(`${env.server.base}/`)) {
          blocked.push(request.url())
          return route.abort('blockedbyclient')
        }
        sent.push((await request.allHeaders())['accept-language'] ?? '')
        return route.continue()
      })
      const page = await context.newPage()
      await page.goto(`${env.server.base}/`)
      expect(await page.locator('html').getAttribute('lang')).toBe(locale)

      await page.getByRole('button', { name: words.nav.urgent, exact: true }).click()
      await page.locator('h1#urgent-title').waitFor()
      // A number to tap before anything is answered, and a country list that has not chosen for the person.
      const firstNumber = page.locator('.urgent-panel a.number[href^="tel:"]').first()
      expect(await firstNumber.isVisible()).toBe(true)
      expect(await firstNumber.getAttribute('href')).toBe('tel:112')
      expect(await page.locator('#urgent-country').inputValue()).toBe('')
      expect(await page.locator('#urgent-country option:checked').textContent()).toBe(words.urgent.country_placeholder)

      await page.getByRole('button', { name: words.urgent.reason_child_danger, exact: true }).click()
      await page.locator('.call-first').waitFor()
      expect((await page.locator('.call-first').textContent())?.trim()).toBe(words.urgent.call_first.replace('{{number}}', '112'))
      const call = page.locator('.urgent-panel li.first a.number[href="tel:112"]')
      expect(await call.isVisible()).toBe(true)
      expect(await call.textContent()).toBe('112')

      // The browser really sent only the language, as in the finding; and nothing left loopback.
      expect(sent.length).toBeGreaterThan(1)
      for (const header of sent) expect(header).toBe(locale)
      expect(blocked).toEqual([])
    } finally {
      await context.close()
    }
  })
})
