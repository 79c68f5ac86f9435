import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Activity } from 'botbuilder'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adaptiveCardsOf, cardNodes, heroCards, LOCAL_TESTING, textOf } from './support/botClient'
import { apiResults, BOT_PERSONAS, plainQuotes, stagePrompt, WORDS, type BotPersona, type Words } from './support/botPersonas'
import { launchChromium } from './support/chromium'
import { startNodeServer } from './support/startNodeServer'
import { startWebchatHarness } from './support/webchatHarness'

// Issue 17, "stock Web Chat … with no store middleware": Microsoft's botframework-webchat in headless
// Chromium with nothing of Helpfinder's on the page (docs/webchat/helpfinderStore.js is not loaded),
// over a Direct Line–shaped stand-in that passes each activity on exactly as Web Chat posted it.
// The eight personas reach their services: four only by clicking (answers tapped, country and
// language picked from the card's list), four typing where people type (a first "hi", a country
// name as the first message, names typed in reply to a question, which start again with the name
// kept), then on to their results.

const CHOICE_SCREENSHOT = join(tmpdir(), 'webchat-stock-choice.png')
const RTL_SCREENSHOT = join(tmpdir(), 'webchat-stock-rtl.png')

let server: Awaited<ReturnType<typeof startNodeServer>>
let harness: Awaited<ReturnType<typeof startWebchatHarness>>
let browser: Browser

beforeAll(async () => {
  server = await startNodeServer({ bot: LOCAL_TESTING })
  harness = await startWebchatHarness(server.base, { store: false })
  browser = await launchChromium()
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await harness?.stop()
  await server?.stop()
})

/** What the person does: tap an answer or button (by its words), pick from the card's list and continue, tick boxes and continue, or type. */
type Move = { tap: string } | { pick: string } | { check: string[] } | { type: string }
/** A move and words its answer must show. */
interface Step {
  move: Move
  expect: string[]
}

/** The page's record of the conversation (see tests/support/webchatHarness.ts). */
interface Recorded {
  __batches: Activity[][]
  __posted: Record<string, unknown>[]
  __forwarded: Record<string, unknown>[]
  __errors: string[]
}
const recorded = <K extends keyof Recorded>(page: Page, key: K) =>
  page.evaluate((name) => (window as unknown as Recorded)[name], key) as Promise<Recorded[K]>

const latestCard = (page: Page) => page.locator('.webchat__adaptive-card-renderer').last()

function words(persona: BotPersona): Words {
  return WORDS[persona.ui]
}

function optionLabel(persona: BotPersona, group: 'asker' | 'age' | 'stage' | 'anonymity' | 'channels', id: string): string {
  const found: unknown = (words(persona).flow[group] as Record<string, unknown>)[id]
  if (typeof found !== 'string') throw new Error(`no label flow.${group}.${id}`)
  return found
}

/** Clicking only: every answer tapped, picked from a list or ticked. */
function clickingSteps(persona: BotPersona): Step[] {
  const w = words(persona)
  return [
    ...askerSteps(persona, [w.flow.country.prompt]),
    { move: { pick: persona.country }, expect: [w.flow.language.prompt] },
    { move: { pick: persona.language }, expect: [stagePrompt(persona)] },
    ...restSteps(persona),
  ]
}

/** The first answer, and for "Me" the age question after it; `expect` is what follows them. */
function askerSteps(persona: BotPersona, expect: string[]): Step[] {
  const tap = optionLabel(persona, 'asker', persona.asker)
  if (!persona.age) return [{ move: { tap }, expect }]
  return [
    { move: { tap }, expect: [words(persona).flow.age.prompt] },
    { move: { tap: optionLabel(persona, 'age', persona.age) }, expect },
  ]
}

/** From the stage question to the results. */
function restSteps(persona: BotPersona): Step[] {
  const w = words(persona)
  return [
    { move: { tap: optionLabel(persona, 'stage', persona.stage) }, expect: [w.flow.channels.prompt] },
    { move: { check: persona.channels.map((id) => optionLabel(persona, 'channels', id)) }, expect: [w.flow.anonymity.prompt] },
    { move: { tap: optionLabel(persona, 'anonymity', persona.anonymity) }, expect: [w.results.disclaimer] },
  ]
}

const noted = (w: Words, names: string) => w.bot.noted.replace('{{noted}}', names)
const used = (w: Words, names: string) => w.bot.prefilled.replace('{{noted}}', names).replace('{{back}}', w.nav.back)

/** Typing where a person would: each script is one persona's conversation, on to its results. */
function typingSteps(persona: BotPersona): Step[] {
  const w = words(persona)
  const asker = optionLabel(persona, 'asker', persona.asker)
  switch (personaNumber(persona)) {
    // A country's name as the very first message: noted, then used when its question comes.
    case '1':
      return [
        { move: { type: 'Deutschland' }, expect: [noted(w, 'Deutschland'), w.flow.asker.prompt] },
        ...askerSteps(persona, [used(w, 'Deutschland'), w.flow.language.prompt]),
        { move: { pick: persona.language }, expect: [stagePrompt(persona)] },
        ...restSteps(persona),
      ]
    // "hi" after the greeting, then the country typed in reply to its question: a new start that keeps it.
    case '3':
      return [
        { move: { type: 'hi' }, expect: [w.app.tagline, w.flow.asker.prompt] },
        { move: { tap: asker }, expect: [w.flow.country.prompt] },
        { move: { type: 'Ireland' }, expect: [w.bot.lost_place, noted(w, 'Ireland'), w.flow.asker.prompt] },
        { move: { tap: asker }, expect: [used(w, 'Ireland'), w.flow.language.prompt] },
        { move: { pick: persona.language }, expect: [stagePrompt(persona)] },
        ...restSteps(persona),
      ]
    // A greeting as the first message; the country picked, the language typed: kept for after the country.
    case '5':
      return [
        { move: { type: 'hej' }, expect: [w.app.tagline, w.flow.asker.prompt] },
        { move: { tap: asker }, expect: [w.flow.country.prompt] },
        { move: { pick: persona.country }, expect: [w.flow.language.prompt] },
        { move: { type: 'svenska' }, expect: [w.bot.lost_place, noted(w, 'svenska'), w.flow.asker.prompt] },
        { move: { tap: asker }, expect: [w.flow.country.prompt] },
        { move: { pick: persona.country }, expect: [used(w, 'svenska'), stagePrompt(persona)] },
        ...restSteps(persona),
      ]
    // Both names typed in turn: each starts again and keeps only itself; the list then finishes it.
    case '8':
      return [
        { move: { type: 'cześć' }, expect: [w.app.tagline, w.flow.asker.prompt] },
        { move: { tap: asker }, expect: [w.flow.country.prompt] },
        { move: { type: 'Polska' }, expect: [w.bot.lost_place, noted(w, 'Polska'), w.flow.asker.prompt] },
        { move: { tap: asker }, expect: [used(w, 'Polska'), w.flow.language.prompt] },
        { move: { type: 'polski' }, expect: [w.bot.lost_place, noted(w, 'polski'), w.flow.asker.prompt] },
        { move: { tap: asker }, expect: [w.flow.country.prompt] },
        { move: { pick: persona.country }, expect: [used(w, 'polski'), stagePrompt(persona)] },
        ...restSteps(persona),
      ]
    default:
      throw new Error(`no typing script for ${persona.name}`)
  }
}

/** Which personas type (the other four only click), and whether their page joins first (a greeting on load). */
const TYPING: Record<string, { join: boolean }> = { '1': { join: false }, '3': { join: true }, '5': { join: false }, '8': { join: true } }

/** A persona's number, the first word of its name. */
const personaNumber = (persona: BotPersona) => persona.name.split(' ')[0] ?? ''

/** Does one move in Web Chat, as a person does it. */
async function makeMove(page: Page, persona: BotPersona, move: Move) {
  const card = latestCard(page)
  if ('tap' in move) return card.getByRole('button', { name: move.tap, exact: true }).click()
  if ('pick' in move) {
    await card.locator('select').selectOption(move.pick)
    return card.getByRole('button', { name: words(persona).nav.continue, exact: true }).click()
  }
  if ('check' in move) {
    // By each box's own label: the adaptivecards renderer names the first box by the list's label and its own together.
    const boxes = card.getByRole('checkbox')
    const labels = await boxes.evaluateAll((inputs) => inputs.map((input) => input.getAttribute('aria-label')))
    for (const name of move.check) await boxes.nth(labels.indexOf(name)).check()
    return card.getByRole('button', { name: words(persona).nav.continue, exact: true }).click()
  }
  const box = page.locator('[data-id="webchat-sendbox-input"]')
  await box.fill(move.type)
  await box.press('Enter')
}

/** The latest card's answer boxes as rendered: their words, their accessible names, and whether any text is cut off. */
function renderedAnswerBoxes(page: Page) {
  return latestCard(page)
    .locator('.ac-container.ac-selectable[role="button"]')
    .evaluateAll((boxes) =>
      boxes.map((box) => {
        const blocks = [...box.querySelectorAll<HTMLElement>('.ac-textBlock')]
        return {
          name: box.getAttribute('aria-label') ?? '',
          text: (box as HTMLElement).innerText.trim(),
          clipped: blocks.some((block) => block.scrollHeight > block.clientHeight + 1 || block.scrollWidth > block.clientWidth + 1),
          ellipsis: blocks.some((block) => getComputedStyle(block).textOverflow === 'ellipsis'),
        }
      }),
    )
}

/** The last activity of a reply batch ends with an Adaptive Card that offers "Urgent help". */
function offersUrgentHelp(batch: readonly Activity[], persona: BotPersona): boolean {
  return adaptiveCardsOf(batch.at(-1) ?? {}).some((card) =>
    cardNodes(card).some((node) => node.type === 'Action.Submit' && node.title === words(persona).nav.urgent),
  )
}

describe('stock Web Chat (no store, no middleware) to results, by clicking and by typing', () => {
  it.each(BOT_PERSONAS.map((persona) => [persona.name, persona] as const))(
    '%s',
    async (_name, persona) => {
      const typing = TYPING[personaNumber(persona)]
      const steps = typing ? typingSteps(persona) : clickingSteps(persona)
      const w = words(persona)
      const context = await browser.newContext({ locale: persona.locale, viewport: { width: 480, height: 1000 } })
      const blocked: string[] = []
      const problems: string[] = []
      await context.route('**/*', async (route) => {
        if (route.request().url().startsWith(`${harness.base}/`)) return route.continue()
        blocked.push(route.request().url())
        return route.abort('blockedbyclient')
      })
      const page = await context.newPage()
      page.on('pageerror', (error) => problems.push(error.message))
      try {
        const join = typing?.join ?? true
        await page.goto(`${harness.base}/?locale=${persona.locale}${join ? '' : '&join=0'}`)
        // Nothing of Helpfinder's runs on this page.
        expect(await page.evaluate(() => 'helpfinderStore' in window)).toBe(false)
        await page.locator('[data-id="webchat-sendbox-input"]').waitFor({ timeout: 15_000 })
        if (join) await expect.poll(async () => (await recorded(page, '__batches')).length, { timeout: 15_000 }).toBe(1)

        for (const [index, step] of steps.entries()) {
          const before = (await recorded(page, '__batches')).length
          await makeMove(page, persona, step.move)
          await expect
            .poll(async () => (await recorded(page, '__batches')).length, {
              timeout: 10_000,
              message: `${persona.name}, step ${index + 1}`,
            })
            .toBe(before + 1)
          const batch = (await recorded(page, '__batches')).at(-1) ?? []
          for (const words of step.expect)
            expect(plainQuotes(textOf(batch)), `${persona.name}, step ${index + 1}: ${JSON.stringify(step.move)}`).toContain(
              plainQuotes(words),
            )
          // On screen: the answer's last card, with "Urgent help" on it.
          await latestCard(page).getByRole('button', { name: w.nav.urgent, exact: true }).waitFor({ timeout: 10_000 })

          // A choice question shows each answer whole, never cut off with "…", whatever its length.
          const next = steps[index + 1]
          if (next && 'tap' in next.move && !batch.some((activity) => activity.attachmentLayout === 'carousel')) {
            const boxes = await renderedAnswerBoxes(page)
            expect(
              boxes.map((box) => box.name),
              `${persona.name}: the answer boxes`,
            ).toContain(next.move.tap)
            for (const box of boxes) {
              expect(plainQuotes(box.text)).toBe(plainQuotes(box.name))
              expect(box.clipped, box.name).toBe(false)
              expect(box.ellipsis, box.name).toBe(false)
            }
            if (persona.country === 'GB' && plainQuotes(textOf(batch)).includes(plainQuotes(stagePrompt(persona)))) {
              expect(boxes.map((box) => box.name)).toContain(w.flow.stage.convicted)
              await latestCard(page).scrollIntoViewIfNeeded()
              await latestCard(page).screenshot({ path: CHOICE_SCREENSHOT })
            }
          }
        }

        const batches = await recorded(page, '__batches')
        // Every answer the bot sent ended with a card offering "Urgent help" (the greeting on joining is the first answer's start).
        for (const batch of batches) expect(offersUrgentHelp(batch, persona), `${persona.name}: ${textOf(batch).slice(0, 120)}`).toBe(true)

        // The results: the services the directory holds for these answers, card by card, as the JSON API names them.
        const expected = await apiResults(server.base, persona)
        expect(expected.services.map((service) => service.id)).toEqual(persona.services)
        expect(expected.helplines.map((service) => service.id)).toEqual(persona.helplines)
        const names = [...expected.services, ...expected.helplines].map((service) => plainQuotes(service.name))
        const results = batches.at(-1) ?? []
        expect(
          heroCards(results.filter((activity) => activity.attachmentLayout === 'carousel')).map((card) => plainQuotes(card.title)),
        ).toEqual(names)
        const transcript = plainQuotes(await page.locator('.webchat__basic-transcript').evaluate((element) => element.textContent ?? ''))
        for (const name of names) expect(transcript, `${name} on screen`).toContain(name)

        // Web Chat posted clicks as the card's data and typed words as text alone; the stand-in added nothing.
        const posted = await recorded(page, '__posted')
        const forwarded = await recorded(page, '__forwarded')
        const typed = steps.flatMap((step) => ('type' in step.move ? [step.move.type] : []))
        expect(posted.filter((activity) => typeof activity.text === 'string').map((activity) => activity.text)).toEqual(typed)
        for (const activity of posted) {
          if (typeof activity.text === 'string') expect(activity.value, `typed "${activity.text}" went without a value`).toBeUndefined()
          else expect(activity.value, 'a click carries the sealed state').toMatchObject({ hf: 1, state: expect.any(String) })
          const id = (activity.channelData as { clientActivityID?: string } | undefined)?.clientActivityID
          const body = forwarded.find(
            (candidate) => (candidate.channelData as { clientActivityID?: string } | undefined)?.clientActivityID === id,
          )
          expect(body, 'forwarded as posted').toMatchObject(activity)
          expect(
            Object.keys(body ?? {})
              .filter((key) => !(key in activity))
              .sort(),
          ).toEqual(['conversation', 'deliveryMode', 'recipient', 'serviceUrl'])
        }

        // Right-to-left: the bot marks the cards, and Web Chat (which sets every card's direction from its own locale) shows them so.
        const directions = await page
          .locator('.webchat__adaptive-card-renderer .ac-adaptiveCard')
          .evaluateAll((cards) => cards.map((card) => card.getAttribute('dir')))
        expect(directions.length).toBeGreaterThan(0)
        expect(new Set(directions)).toEqual(new Set([persona.ui === 'ar' ? 'rtl' : 'ltr']))
        for (const batch of batches)
          for (const card of batch.flatMap((activity) => adaptiveCardsOf(activity))) expect(card.rtl).toBe(persona.ui === 'ar')
        if (persona.ui === 'ar') await page.screenshot({ path: RTL_SCREENSHOT })

        expect(await recorded(page, '__errors')).toEqual([])
        expect(problems).toEqual([])
        expect(blocked).toEqual([])
      } finally {
        await context.close()
      }
    },
    60_000,
  )
})

describe('stock Web Chat and right-to-left cards', () => {
  it("lays cards out in Web Chat's own direction: a bare 'ar' needs dir 'rtl' on the page (docs/bot-channels.md says so)", async () => {
    const directions = async (query: string) => {
      const page = await browser.newPage()
      try {
        await page.goto(`${harness.base}/?${query}`)
        await latestCard(page).getByRole('button', { name: WORDS.ar.nav.urgent, exact: true }).waitFor({ timeout: 15_000 })
        const batch = (await recorded(page, '__batches')).at(-1) ?? []
        // The bot marks the Arabic card right to left either way.
        expect(adaptiveCardsOf(batch.at(-1) ?? {})[0]?.rtl).toBe(true)
        return await page
          .locator('.webchat__adaptive-card-renderer .ac-adaptiveCard')
          .evaluateAll((cards) => cards.map((card) => card.getAttribute('dir')))
      } finally {
        await page.close()
      }
    }
    expect(await directions('locale=ar&dir=rtl')).toEqual(['rtl'])
    expect(await directions('locale=ar-SA')).toEqual(['rtl'])
    // Web Chat does not know a bare "ar" as right to left, and its direction overrides the card's.
    expect(await directions('locale=ar')).toEqual(['ltr'])
  }, 60_000)
})
