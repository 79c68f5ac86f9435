import { type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import en from '../locales/en/translation.json'
import { LOCAL_TESTING } from './support/botClient'
import { startNodeServer } from './support/startNodeServer'
import { startWebchatHarness } from './support/webchatHarness'
import { launchChromium } from './support/chromium'

// Microsoft's own client renders the Bot Framework channel: botframework-webchat in headless
// Chromium, connected through a DirectLine-like stand-in (tests/support/webchatHarness.ts) that
// posts to the real server's /api/messages with expectReplies. Nothing leaves loopback.

const SCREENSHOT = '/tmp/webchat-results.png'

let server: Awaited<ReturnType<typeof startNodeServer>>
let harness: Awaited<ReturnType<typeof startWebchatHarness>>
let browser: Browser

beforeAll(async () => {
  server = await startNodeServer({ bot: LOCAL_TESTING })
  harness = await startWebchatHarness(server.base)
  browser = await launchChromium()
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await harness?.stop()
  await server?.stop()
})

interface Batch {
  text?: string
  suggestedActions?: { actions: { title: string }[] }
}

const batches = (page: Page) => page.evaluate(() => (window as unknown as { __batches: Batch[][] }).__batches)

/** Does one thing in Web Chat and waits until the bot's answer to it is on screen. */
async function turn(page: Page, act: () => Promise<void>, expectText: string) {
  const before = (await batches(page)).length
  await act()
  await page.waitForFunction((count) => (window as unknown as { __batches: unknown[] }).__batches.length > count, before, { timeout: 10_000 })
  await expect.poll(() => page.locator('.webchat__basic-transcript').innerText(), { timeout: 10_000 }).toContain(expectText)
  // The suggested actions under the latest reply always offer urgent help.
  await suggested(page, en.nav.urgent).waitFor({ timeout: 10_000 })
}

const suggested = (page: Page, title: string) => page.locator('.webchat__suggested-actions').getByRole('button', { name: title, exact: true })

async function type(page: Page, words: string) {
  const box = page.getByPlaceholder('Type your message')
  await box.fill(words)
  await box.press('Enter')
}

describe('Web Chat (botframework-webchat) against the Bot Framework channel', () => {
  it('shows the first question as buttons and, after clicking and typing through, a results card', async () => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 900, height: 1000 } })
    const blocked: string[] = []
    const problems: string[] = []
    await context.route('**/*', async (route) => {
      const url = route.request().url()
      if (url.startsWith(`${harness.base}/`)) return route.continue()
      blocked.push(url)
      return route.abort('blockedbyclient')
    })
    const page = await context.newPage()
    page.on('pageerror', (error) => problems.push(error.message))
    try {
      await page.goto(`${harness.base}/`)

      // Greeting and the first question, with its answers as suggested-action buttons.
      await expect.poll(() => page.locator('.webchat__basic-transcript').innerText(), { timeout: 15_000 }).toContain('Who are you looking for help for?')
      const transcript = await page.locator('.webchat__basic-transcript').innerText()
      expect(transcript).toContain('We store nothing about you')
      await suggested(page, en.flow.asker.self).waitFor({ timeout: 10_000 })
      await suggested(page, en.nav.urgent).waitFor()

      await turn(page, () => suggested(page, en.flow.asker.self).click(), en.flow.country.prompt)
      await turn(page, () => type(page, 'Deutschland'), en.flow.language.prompt)
      await turn(page, () => type(page, 'Deutsch'), en.flow.stage.prompt_self)
      await turn(page, () => suggested(page, en.flow.stage.nothing_happened).click(), en.flow.channels.prompt)
      await turn(page, () => suggested(page, en.flow.channels.any).click(), en.flow.anonymity.prompt)
      await turn(page, () => suggested(page, en.flow.anonymity.not_needed).click(), 'Kein Täter werden')

      // A hero card naming a real German service, rendered by Web Chat's card renderer.
      const card = page.locator('.webchat__adaptive-card-renderer').filter({ hasText: 'Kein Täter werden' }).first()
      await card.scrollIntoViewIfNeeded()
      await expect.poll(() => card.isVisible()).toBe(true)
      await page.screenshot({ path: SCREENSHOT, fullPage: false })

      // Clicks are drawn as the person's own bubbles (messageBack with text and displayText).
      const mine = await page.locator('.webchat__bubble--from-user').allInnerTexts()
      expect(mine.join('\n')).toContain(en.flow.asker.self)
      expect(mine.join('\n')).toContain(en.flow.anonymity.not_needed)
      // Typed names left Web Chat with the question's sealed state, added by docs/webchat/helpfinderStore.js.
      const posted = await page.evaluate(() => (window as unknown as { __posted: { text?: string; value?: { hf?: number; action?: string; reply?: string[] } }[] }).__posted)
      const typedOut = posted.filter((activity) => activity.text === 'Deutschland' || activity.text === 'Deutsch')
      expect(typedOut).toHaveLength(2)
      for (const activity of typedOut) expect(activity.value).toMatchObject({ hf: 1, action: 'answer', reply: [] })

      // Every reply the bot sent ended with suggested actions that include "Urgent help".
      const sent = await batches(page)
      expect(sent.length).toBe(7)
      for (const batch of sent) {
        expect(batch.at(-1)?.suggestedActions?.actions.map((action) => action.title)).toContain(en.nav.urgent)
      }
      expect(problems).toEqual([])
      expect(blocked).toEqual([])

      // After the results there is no open question: a typed country starts afresh and is kept for later.
      await turn(page, () => type(page, 'Nederland'), 'Noted: Netherlands')
      expect(posted.length).toBeGreaterThan(0)
      const last = await page.evaluate(() => (window as unknown as { __posted: { text?: string; value?: unknown }[] }).__posted.at(-1))
      expect(last).toMatchObject({ text: 'Nederland' })
      expect(last?.value).toBeUndefined()
    } finally {
      await context.close()
    }
  }, 40_000)
})
