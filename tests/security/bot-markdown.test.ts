import type { Activity } from 'botbuilder'
import fc from 'fast-check'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import en from '../../locales/en/translation.json'
import { escapeMarkdown } from '../../src/channels/botframework/escapeMarkdown'
import type { DirectoryData } from '../../src/core/directory/directoryData'
import { loadBundledData } from '../../src/storage/bundledData'
import { activity, button, heroCards, LOCAL_TESTING, postActivity, rawHeroCards } from '../support/botClient'
import { launchChromium } from '../support/chromium'
import { startNodeServer } from '../support/startNodeServer'
import { startWebchatHarness } from '../support/webchatHarness'
import { transcriptOf, walkToGermanResults } from '../support/webchatPage'

// Finding (security review, low): directory text went into the bot's hero cards as markdown, so a
// record holding `[link](http://…)` showed as a clickable http link in Web Chat, past the
// https-only rule for links. Replayed with a directory whose record for Kein Täter werden holds
// markdown, HTML and bare addresses in its name, summary, confidentiality and a contact, through
// the bot over HTTP and in Microsoft's own Web Chat (headless Chromium): the words are shown as
// they are, and nothing in them becomes a link, image or markup.

const LINK = '[link](http://example.org)'
const BOLD = '**bold**'
const MARKED = `${LINK} ${BOLD}`

function markedDirectory(): DirectoryData {
  const data = loadBundledData()
  return {
    ...data,
    initiatives: data.initiatives.map((record) =>
      record.id === 'kein-taeter-werden'
        ? {
            ...record,
            name: `Kein Täter werden ${MARKED}`,
            summary: MARKED,
            confidentiality: `${MARKED} <b>html</b> ![image](http://example.org/x.png) www.example.org {{DATE(2017-02-14T06:08:39Z, SHORT)}}`,
            contacts: [
              ...record.contacts,
              { channel: 'chat' as const, value: 'http://example.org/chat', hours: null, languages: null, notes: null },
            ],
          }
        : record,
    ),
  }
}

const MOVES: ({ click: string } | { type: string })[] = [
  { click: 'self' },
  { click: 'adult' },
  { type: 'Deutschland' },
  { type: 'Deutsch' },
  { click: 'nothing_happened' },
  { click: 'any' },
  { click: 'not_needed' },
]

let server: Awaited<ReturnType<typeof startNodeServer>>
beforeAll(async () => {
  server = await startNodeServer({ bot: LOCAL_TESTING, seed: markedDirectory() })
})
afterAll(async () => server?.stop())

describe('escapeMarkdown', () => {
  it('escapes every ASCII punctuation character and nothing else', () => {
    expect(escapeMarkdown(LINK)).toBe('\\[link\\]\\(http\\:\\/\\/example\\.org\\)')
    expect(escapeMarkdown(BOLD)).toBe('\\*\\*bold\\*\\*')
    const punctuation = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'
    expect(escapeMarkdown(punctuation)).toBe([...punctuation].map((character) => `\\${character}`).join(''))
    expect(escapeMarkdown('Präventionsnetzwerk „Kein Täter werden“ – 0800 111 0 111\n\nÜbersicht')).toBe(
      'Präventionsnetzwerk „Kein Täter werden“ – 0800 111 0 111\n\nÜbersicht',
    )
  })

  it('shows the original text again once a markdown reader resolves the escapes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expect(escapeMarkdown(text).replace(/\\([!-/:-@[-`{-~])/g, '$1')).toBe(text)
      }),
    )
  })
})

async function send(body: Record<string, unknown>): Promise<Activity[]> {
  const reply = await postActivity(server.base, activity(body))
  expect(reply.status).toBe(200)
  return reply.activities
}

describe('the bot over HTTP', () => {
  let last: Activity[] = []
  let all: Activity[] = []
  beforeAll(async () => {
    let replies = await send({ type: 'conversationUpdate', membersAdded: [{ id: 'person-1' }] })
    all = [...replies]
    for (const move of MOVES) {
      replies =
        'click' in move
          ? await send({ value: button(replies, move.click).value })
          : await send({ text: move.type, value: replies.at(-1)?.value })
      all.push(...replies)
    }
    // Urgent help too: its card is built from the urgent data and the locales.
    all.push(...(await send({ value: button(replies, en.nav.urgent).value })))
    last = replies
  })

  it("sends the marked record's card with its title and text escaped, and its buttons as they were", () => {
    const raw = rawHeroCards(last).find((card) => card.title.includes('Kein Täter werden'))
    expect(raw?.title).toBe(`Kein Täter werden ${escapeMarkdown(MARKED)}`)
    expect(raw?.text).toContain(escapeMarkdown(`${MARKED} <b>html</b>`))
    expect(raw?.text).toContain(escapeMarkdown('http://example.org/chat'))
    expect(raw?.text).not.toContain(LINK)
    // Buttons keep their real values: https links and tel: numbers are not text.
    expect(raw?.buttons?.some((action) => action.type === 'openUrl' && action.value === 'https://www.kein-taeter-werden.de')).toBe(true)
    expect(raw?.buttons?.some((action) => String(action.value).includes('\\'))).toBe(false)
    // What a markdown channel shows is the record's own words.
    expect(heroCards(last).find((card) => card.title.includes('Kein Täter werden'))?.title).toBe(`Kein Täter werden ${MARKED}`)
  })

  it('escapes the title, subtitle and text of every card it sends (a backslash before every ASCII punctuation mark)', () => {
    const cards = rawHeroCards(all)
    expect(cards.length).toBeGreaterThan(3)
    for (const card of cards) {
      for (const words of [card.title, card.subtitle, card.text]) {
        if (words === undefined) continue
        // Unescaped punctuation: one not preceded by a backslash that is itself an escape.
        expect(words.replace(/\\[!-/:-@[-`{-~]/g, ''), words).not.toMatch(/[!-/:-@[-`{-~]/)
      }
    }
  })

  it('marks every message it sends as plain text', () => {
    const messages = all.filter((sent) => sent.type === 'message')
    expect(messages.length).toBeGreaterThan(5)
    for (const sent of messages) expect(sent.textFormat, sent.text).toBe('plain')
  })
})

describe('in Web Chat (botframework-webchat, headless Chromium)', () => {
  let harness: Awaited<ReturnType<typeof startWebchatHarness>>
  let browser: Browser
  beforeAll(async () => {
    harness = await startWebchatHarness(server.base)
    browser = await launchChromium()
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
    await harness?.stop()
  })

  const transcript = transcriptOf

  it('shows the marked record as literal text: no link, no bold, no image, nothing http', async () => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 900, height: 1000 } })
    await context.route('**/*', (route) =>
      route.request().url().startsWith(`${harness.base}/`) ? route.continue() : route.abort('blockedbyclient'),
    )
    const page = await context.newPage()
    try {
      await page.goto(`${harness.base}/`)
      await expect.poll(() => transcript(page).innerText(), { timeout: 15_000 }).toContain(en.flow.asker.prompt)
      await walkToGermanResults(page)

      const card = page.locator('.webchat__adaptive-card-renderer').filter({ hasText: 'Kein Täter werden' }).first()
      await card.scrollIntoViewIfNeeded()
      const shown = await card.innerText()
      expect(shown).toContain(`Kein Täter werden ${MARKED}`)
      expect(shown).toContain(
        `${MARKED} <b>html</b> ![image](http://example.org/x.png) www.example.org {{DATE(2017-02-14T06:08:39Z, SHORT)}}`,
      )
      expect(shown).toContain('http://example.org/chat')
      expect(await card.locator('a, strong, em, b, img').count()).toBe(0)
      // Nowhere in the conversation is there a link to a plain-http address.
      expect(await transcript(page).locator('a[href^="http:"], [href^="http:"], img[src^="http:"]').count()).toBe(0)
      // The website is still a button that opens the https address.
      expect(await card.getByRole('button', { name: en.results.website }).count()).toBe(1)
    } finally {
      await context.close()
    }
  }, 60_000)

  it("Web Chat's own markdown renderer shows any escaped text as exactly that text, with no markup", async () => {
    const context = await browser.newContext()
    await context.route('**/*', (route) =>
      route.request().url().startsWith(`${harness.base}/`) ? route.continue() : route.abort('blockedbyclient'),
    )
    const page = await context.newPage()
    try {
      await page.goto(`${harness.base}/`)
      await page.waitForFunction(
        () => typeof (window as unknown as { WebChat?: { renderMarkdown?: unknown } }).WebChat?.renderMarkdown === 'function',
      )
      const nasty = fc.oneof(
        fc.constantFrom(
          LINK,
          BOLD,
          '<a href="http://x.example">x</a>',
          '![i](http://x.example/i.png)',
          'www.example.org',
          'mail@example.org',
          'http://x.example',
          '[r]\n\n[r]: http://x.example',
          '# head',
          '1. one',
          '> quote',
          '`code`',
          '(c) -- ... "quotes"',
          '| a | b |\n|---|---|\n| 1 | 2 |',
          '&lt;b&gt;',
          '~~gone~~',
          '_em_',
        ),
        fc.stringMatching(/^[ -~]{0,60}$/),
      )
      const samples = fc.sample(
        fc.array(nasty, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' ')),
        150,
      )
      const results = await page.evaluate(
        (texts) => {
          const render = (window as unknown as { WebChat: { renderMarkdown: (markdown: string, options: object) => string } }).WebChat
            .renderMarkdown
          return texts.map(([text, escaped]) => {
            const element = document.createElement('div')
            element.innerHTML = render(escaped ?? '', { markdownRespectCRLF: true })
            const markup = [...element.querySelectorAll('*')]
              .map((node) => node.tagName.toLowerCase())
              .filter((tag) => tag !== 'p' && tag !== 'br')
            return { text, shown: element.textContent ?? '', markup }
          })
        },
        samples.map((text) => [text, escapeMarkdown(text)]),
      )
      const squeeze = (value: string) => value.replace(/\s+/g, ' ').trim()
      for (const result of results) {
        expect(result.markup, result.text).toEqual([])
        expect(squeeze(result.shown), result.text).toBe(squeeze(result.text ?? ''))
      }
    } finally {
      await context.close()
    }
  }, 60_000)
})
