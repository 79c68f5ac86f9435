import type { Activity } from 'botbuilder'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as z from 'zod'
import { loadBundledData } from '../src/storage/bundledData'
import { ABOUT_ONLY, OWN_WORDS, SWEDISH_WORDS, withOnlyFixtures } from './support/aboutPageFixtures'
import { activity, button, heroCards, LOCAL_TESTING, postActivity } from './support/botClient'
import { answerAll, openStart, postForm, type FormPage } from './support/formConversation'
import { startNodeServer } from './support/startNodeServer'

// Issue 16: a page about the service is a real way in, shown as such; the service's own words reach
// people who chose its language, English stays the fallback. A real server on a real SQLite file
// seeded with two fixtures (tests/support/aboutPageFixtures.ts), through the web, the API and the bot.
let server: Awaited<ReturnType<typeof startNodeServer>>
beforeAll(async () => {
  server = await startNodeServer({ seed: withOnlyFixtures(loadBundledData()), bot: LOCAL_TESTING })
})
afterAll(async () => server.stop())

const SWEDEN = ['self', 'adult', 'SE', 'sv', 'nothing_happened', ['phone'], 'not_needed']
const OPERATOR_EN = "The operator's page about this service"
const OFFICIAL_EN = 'An official page about this service'

const decode = (html: string) =>
  html
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

/** The results page for a person in Sweden, with the interface in `language`. */
async function resultsPage(language: string): Promise<string> {
  const pages = await answerAll(server.base, SWEDEN, { 'accept-language': language })
  const last = pages.at(-1)
  expect(last?.status).toBe(200)
  return last?.html ?? ''
}

/** One service card of a page, as HTML. */
function cardOf(html: string, id: string): string {
  const start = html.indexOf(`<article class="card" data-service="${id}">`)
  expect(start, `card ${id}`).toBeGreaterThan(-1)
  return html.slice(start, html.indexOf('</article>', start))
}

/** The ways to reach a service, first in its card. */
function contactBlockOf(card: string): string {
  return /<ul class="reach">([\s\S]*?)<\/ul>/.exec(card)?.[1] ?? ''
}

describe("web: a record whose only way in is the operator's page about it", () => {
  it('is shown, with that page as its one labelled contact line, and no number, booking or "through their website" wording', async () => {
    const card = cardOf(await resultsPage('en'), ABOUT_ONLY.id)
    const contact = contactBlockOf(card)
    expect(decode(contact)).toContain(
      `${OPERATOR_EN}: <a class="addr" href="${ABOUT_ONLY.aboutPage}" rel="noreferrer"><bdi dir="ltr">operator.example</bdi></a>`,
    )
    // Printed, the page's whole address is written out after its host.
    expect(decode(contact)).toContain(`<span class="print-only" dir="ltr"> (${ABOUT_ONLY.aboutPage})</span>`)
    expect(contact.match(/class="contact"/g)).toHaveLength(1)
    expect(contact).toContain('data-contact="about-page"')
    expect(card).not.toContain('tel:')
    expect(contact).not.toMatch(/Phone|Contact form|through their website|book|appointment/i)
  })

  it('in Swedish, the label is Swedish and the English summary is marked lang="en"', async () => {
    const card = decode(cardOf(await resultsPage('sv'), ABOUT_ONLY.id))
    expect(card).toContain(
      'Den ansvariga organisationens sida om tjänsten: <a class="addr" href="https://operator.example/programmes/test-line"',
    )
    expect(card).toContain(`<div data-description="summary"><p lang="en" dir="ltr">${ABOUT_ONLY.summary}</p></div>`)
    expect(card).not.toContain('Med tjänstens egna ord')
  })
})

describe('web: a record with its own words in Swedish', () => {
  it('shows the Swedish text with lang="sv", marked as the service\'s own words with a link to its source, to a person who chose Swedish', async () => {
    const card = decode(cardOf(await resultsPage('sv'), OWN_WORDS.id))
    expect(card).toContain(`<p lang="sv" dir="ltr">${SWEDISH_WORDS}</p>`)
    expect(card).toContain(
      'Med tjänstens egna ord · <a href="https://own-words.example/om-oss" rel="noreferrer"><bdi dir="ltr">own-words.example</bdi></a>',
    )
    expect(card).not.toContain(OWN_WORDS.summary ?? 'no summary')
    // The ways in come first; the description follows them, before the facts and the reasons.
    expect(card.indexOf('<ul class="reach">')).toBeLessThan(card.indexOf(SWEDISH_WORDS))
    expect(card.indexOf(SWEDISH_WORDS)).toBeLessThan(card.indexOf('<dl class="facts">'))
    expect(card).toContain('En officiell sida om tjänsten: <a class="addr" href="https://ministry.example/press/test-line"')
  })

  it('shows the English summary with lang="en" to a person who chose English, and no Swedish words', async () => {
    const card = decode(cardOf(await resultsPage('en'), OWN_WORDS.id))
    expect(card).toContain(`<div data-description="summary"><p lang="en" dir="ltr">${OWN_WORDS.summary}</p></div>`)
    expect(card).not.toContain(SWEDISH_WORDS)
    expect(card).not.toContain("In the service's own words")
    expect(card).toContain(`${OFFICIAL_EN}: <a class="addr" href="https://ministry.example/press/test-line"`)
    // The website stays its own line, before the page about the service.
    expect(card.indexOf('Website: <a class="addr" href="https://own-words.example/"')).toBeLessThan(card.indexOf(OFFICIAL_EN))
  })

  it('shows own words in a right-to-left language with dir="rtl" on an Arabic page', async () => {
    const card = decode(cardOf(await resultsPage('ar'), OWN_WORDS.id))
    expect(card).toContain(`<p lang="ar" dir="rtl">${OWN_WORDS.ownWords[1]?.text}</p>`)
  })
})

describe('the widget panel (the web card inside the embed)', () => {
  /** Answers through the panel's forms, carrying the hidden fields each page holds (as a browser would). */
  async function answer(page: FormPage, reply: string[]): Promise<FormPage> {
    const hidden = Object.fromEntries(
      [...page.html.matchAll(/<input type="hidden" name="(w_[a-z]+)" value="([^"]*)"/g)].map((match) => [match[1] ?? '', match[2] ?? '']),
    )
    return postForm(server.base, { ...hidden, state: page.state, action: 'answer', answer: reply }, {}, '/widget/turn')
  }

  it('shows the Swedish own words and the labelled page about the service, in a panel opened in Swedish', async () => {
    let page = await openStart(server.base, {}, '/widget/panel?lang=sv&country=SE')
    for (const reply of SWEDEN) page = await answer(page, Array.isArray(reply) ? reply : [reply])
    expect(page.status).toBe(200)
    const own = decode(cardOf(page.html, OWN_WORDS.id))
    expect(own).toContain(`<p lang="sv" dir="ltr">${SWEDISH_WORDS}</p>`)
    const only = decode(cardOf(page.html, ABOUT_ONLY.id))
    expect(only).toContain(
      'Den ansvariga organisationens sida om tjänsten: <a class="addr" href="https://operator.example/programmes/test-line"',
    )
    expect(only).not.toContain('tel:')
  })
})

const Service = z.object({
  id: z.string(),
  description: z
    .object({ text: z.string(), lang: z.string(), dir: z.enum(['ltr', 'rtl']), sourceUrl: z.string().optional(), ownWords: z.boolean() })
    .optional(),
  aboutPage: z.object({ href: z.string(), label: z.string() }).optional(),
  contacts: z.array(z.object({ href: z.string().nullish() })),
})
const ApiView = z.object({ state: z.string(), results: z.object({ services: z.array(z.looseObject(Service.shape)) }).nullish() })

/** The services of a whole JSON conversation for a person in Sweden, raw and parsed. */
async function apiServices(ui: string) {
  let view: z.infer<typeof ApiView> | undefined
  for (const reply of [undefined, ...SWEDEN.map((answer) => (Array.isArray(answer) ? answer : [answer]))]) {
    const request = reply ? { state: view?.state, action: 'answer', reply } : { action: 'start', ui }
    const response = await fetch(`${server.base}/api/v1/turn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    })
    expect(response.status).toBe(200)
    view = ApiView.parse(await response.json())
  }
  const services = view?.results?.services ?? []
  const byId = (id: string) => services.find((service) => service.id === id)
  return { services, byId }
}

describe('the JSON API', () => {
  it('carries the page about the service with its label, and no contact for a record that has only that', async () => {
    const { byId } = await apiServices('en')
    expect(byId(ABOUT_ONLY.id)?.aboutPage).toEqual({ href: ABOUT_ONLY.aboutPage, label: OPERATOR_EN })
    expect(byId(ABOUT_ONLY.id)?.contacts).toEqual([])
    expect(byId(OWN_WORDS.id)?.aboutPage).toEqual({ href: OWN_WORDS.aboutPage, label: OFFICIAL_EN })
  })

  it('gives the Swedish own words to a Swedish interface and the English summary to an English one', async () => {
    const swedish = await apiServices('sv')
    expect(swedish.byId(OWN_WORDS.id)?.description).toEqual({
      text: SWEDISH_WORDS,
      lang: 'sv',
      dir: 'ltr',
      sourceUrl: 'https://own-words.example/om-oss',
      ownWords: true,
    })
    const english = await apiServices('en')
    expect(english.byId(OWN_WORDS.id)?.description).toEqual({ text: OWN_WORDS.summary, lang: 'en', dir: 'ltr', ownWords: false })
  })

  it('describes every field it sends for a service in the OpenAPI document, the new ones included', async () => {
    const document = await (await fetch(`${server.base}/api/v1/openapi.json`)).json()
    const Doc = z.object({
      components: z.object({
        schemas: z.object({
          Results: z.object({
            properties: z.object({ services: z.object({ items: z.object({ $ref: z.literal('#/components/schemas/ServiceCard') }) }) }),
          }),
          ServiceCard: z.object({ properties: z.record(z.string(), z.looseObject({})) }),
          AboutPage: z.looseObject({}),
          Description: z.looseObject({}),
        }),
      }),
    })
    const schemas = Doc.parse(document).components.schemas
    const documented = schemas.ServiceCard.properties
    expect(documented.aboutPage).toEqual({ $ref: '#/components/schemas/AboutPage' })
    expect(schemas.AboutPage).toMatchObject({ type: 'object', required: ['href', 'label'] })
    expect(documented.description).toEqual({ $ref: '#/components/schemas/Description' })
    expect(schemas.Description).toMatchObject({ type: 'object', required: ['text', 'lang', 'dir', 'ownWords'] })
    const { services } = await apiServices('sv')
    for (const service of services)
      for (const key of Object.keys(service)) expect(Object.keys(documented), `${service.id}.${key}`).toContain(key)
  })
})

describe('the bot', () => {
  async function botResults(locale: string, country: string, language: string): Promise<Activity[]> {
    const send = async (body: Record<string, unknown>) => (await postActivity(server.base, activity({ locale, ...body }))).activities
    let replies = await send({ type: 'conversationUpdate', membersAdded: [{ id: 'helpfinder-bot' }, { id: 'person-1' }] })
    const moves: ({ click: string } | { type: string })[] = [
      { click: 'self' },
      { click: 'adult' },
      { type: country },
      { type: language },
      { click: 'nothing_happened' },
      { click: 'phone' },
      { click: 'not_needed' },
    ]
    for (const move of moves) {
      replies =
        'click' in move
          ? await send({ value: button(replies, move.click).value })
          : await send({ text: move.type, value: replies.at(-1)?.value })
    }
    return replies
  }

  it('shows a record with only an about page, the page as a button named for what it is, with no call button', async () => {
    const cards = heroCards(await botResults('en-GB', 'Sweden', 'Swedish'))
    const card = cards.find((entry) => entry.title === ABOUT_ONLY.name)
    expect(card).toBeDefined()
    expect(card?.buttons).toContainEqual({ type: 'openUrl', title: OPERATOR_EN, value: ABOUT_ONLY.aboutPage })
    expect(card?.buttons?.some((action) => action.type === 'call' || String(action.value).startsWith('tel:'))).toBe(false)
    expect(card?.text).toContain(ABOUT_ONLY.summary)
    expect(card?.text).not.toMatch(/Phone|through their website/)
  })

  it('gives the Swedish own words, and where they come from, to a person using the bot in Swedish', async () => {
    const cards = heroCards(await botResults('sv-SE', 'Sverige', 'svenska'))
    const card = cards.find((entry) => entry.title === OWN_WORDS.name)
    expect(card?.text).toContain(`${SWEDISH_WORDS}\n\nMed tjänstens egna ord: https://own-words.example/om-oss`)
    expect(card?.text).not.toContain(OWN_WORDS.summary)
    expect(card?.buttons).toContainEqual({ type: 'openUrl', title: 'En officiell sida om tjänsten', value: OWN_WORDS.aboutPage })
  })
})
