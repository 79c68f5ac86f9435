import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import en from '../locales/en/translation.json'
import { LOCAL_TESTING } from './support/botClient'
import { startNodeServer } from './support/startNodeServer'
import { startWebchatHarness } from './support/webchatHarness'
import { launchChromium } from './support/chromium'
import { cardButton, typeInWebchat, walkToGermanResults, webchatTurn } from './support/webchatPage'

// Microsoft's own client renders the Bot Framework channel: botframework-webchat in headless
// Chromium, connected through a DirectLine-like stand-in (tests/support/webchatHarness.ts) that
// posts to the real server's /api/messages with expectReplies. Nothing leaves loopback.

const SCREENSHOT = join(tmpdir(), 'webchat-results.png')

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
  attachments?: { contentType: string; content: { actions?: { title: string }[] } }[]
}

const batches = (page: Page) => page.evaluate(() => (window as unknown as { __batches: Batch[][] }).__batches)

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

      // Greeting and the first question, with its answers as buttons on an Adaptive Card.
      await expect
        .poll(() => page.locator('.webchat__basic-transcript').innerText(), { timeout: 15_000 })
        .toContain('Who are you looking for help for?')
      const transcript = await page.locator('.webchat__basic-transcript').innerText()
      expect(transcript).toContain('We store nothing about you')
      await cardButton(page, en.flow.asker.self).waitFor({ timeout: 10_000 })
      await cardButton(page, en.nav.urgent).waitFor()

      await walkToGermanResults(page)

      // A hero card naming a real German service, rendered by Web Chat's card renderer.
      const card = page.locator('.webchat__adaptive-card-renderer').filter({ hasText: 'Kein Täter werden' }).first()
      await card.scrollIntoViewIfNeeded()
      await expect.poll(() => card.isVisible()).toBe(true)
      await page.screenshot({ path: SCREENSHOT, fullPage: false })

      // Clicks left Web Chat as the card's data (Action.Submit, sent as a postBack): the state and the answer, no text.
      const posted = await page.evaluate(
        () =>
          (window as unknown as { __posted: { text?: string; value?: { hf?: number; action?: string; reply?: string[] | string } }[] })
            .__posted,
      )
      const clicked = (reply: unknown) => posted.filter((activity) => JSON.stringify(activity.value?.reply) === JSON.stringify(reply))
      expect(clicked(['self'])).toEqual([
        expect.objectContaining({ value: expect.objectContaining({ hf: 1, action: 'answer', state: expect.any(String) }) }),
      ])
      expect(clicked(['adult'])).toHaveLength(1)
      expect(clicked(['not_needed'])).toHaveLength(1)
      // The checkbox list came back merged into "Continue"'s data, as a string.
      expect(clicked('any')).toHaveLength(1)
      expect(posted.filter((activity) => activity.value !== undefined && activity.text === undefined).length).toBeGreaterThanOrEqual(4)
      // Typed names left Web Chat with the question's sealed state, added by docs/webchat/helpfinderStore.js.
      const typedOut = posted.filter((activity) => activity.text === 'Deutschland' || activity.text === 'Deutsch')
      expect(typedOut).toHaveLength(2)
      for (const activity of typedOut) expect(activity.value).toMatchObject({ hf: 1, action: 'answer', reply: [] })

      // Every reply the bot sent ended with an Adaptive Card whose buttons include "Urgent help".
      const sent = await batches(page)
      expect(sent.length).toBe(8)
      for (const batch of sent) {
        const card = batch.at(-1)?.attachments?.find((attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive')
        expect(card?.content.actions?.map((action) => action.title)).toContain(en.nav.urgent)
      }
      expect(problems).toEqual([])
      expect(blocked).toEqual([])

      // After the results there is no open question: a typed country starts afresh and is kept for later.
      await webchatTurn(page, () => typeInWebchat(page, 'Nederland'), 'Noted: Netherlands')
      expect(posted.length).toBeGreaterThan(0)
      const last = await page.evaluate(() => (window as unknown as { __posted: { text?: string; value?: unknown }[] }).__posted.at(-1))
      expect(last).toMatchObject({ text: 'Nederland' })
      expect(last?.value).toBeUndefined()
    } finally {
      await context.close()
    }
  }, 40_000)
})
