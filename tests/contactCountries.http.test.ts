import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as z from 'zod'
import { answerAll } from './support/formConversation'
import { servicesOf, telLinksOf } from './support/pageFacts'
import { startNodeServer } from './support/startNodeServer'
import { answerPath, formAnswers, jsonReplies } from './support/answerPaths'

// The walk that found it: from Ireland, Stop It Now UK & Ireland's tap-to-call link was the UK
// freephone (which does not connect from Ireland), the number that does was plain text, and
// "Free" was given as a reason. A real server on loopback, a real SQLite file, form posts only.
let server: Awaited<ReturnType<typeof startNodeServer>>
beforeAll(async () => {
  server = await startNodeServer()
})
afterAll(async () => {
  await server.stop()
})

const ID = 'stop-it-now-uk-ireland'
const FREEPHONE = '08081000900'
const FROM_IRELAND = '+441372847161'

/** The card of one service in a results page. */
function cardOf(html: string, id: string): string {
  const start = html.indexOf(`<article class="card" data-service="${id}"`)
  if (start < 0) throw new Error(`no card for ${id}`)
  return html.slice(start, html.indexOf('</article>', start))
}

/** The "why this is shown" reasons of a card. */
const reasonsOf = (card: string) =>
  [...(/<ul class="reasons">(.*?)<\/ul>/s.exec(card)?.[1] ?? '').matchAll(/<li>([^<]*)<\/li>/g)].map((match) => match[1])

async function resultsFor(country: string): Promise<string> {
  const pages = await answerAll(
    server.base,
    formAnswers(answerPath({ country, language: 'en', channels: ['phone'], anonymity: 'not_needed' })),
  )
  const html = pages[pages.length - 1]?.html ?? ''
  expect(servicesOf(html)).toContain(ID)
  return html
}

describe('contacts carry the countries they work from', () => {
  it('a person in Ireland gets the number that works from Ireland as the tap-to-call link, and no "Free" reason', async () => {
    const card = cardOf(await resultsFor('IE'), ID)
    expect(telLinksOf(card)).toEqual([FROM_IRELAND])
    // The UK freephone is left out: another phone number works from Ireland.
    expect(card).not.toContain('0808 1000 900')
    expect(reasonsOf(card)).not.toContain('Free')
    expect(reasonsOf(card).length).toBeGreaterThan(0)
    expect(card).toContain('Calls from your country may cost')
    expect(card).not.toMatch(/<dd>\s*Free ·/)
  })

  it('a person in the UK gets the freephone first, said to be for calls from the UK, and "Free"', async () => {
    const card = cardOf(await resultsFor('GB'), ID)
    expect(telLinksOf(card)[0]).toBe(FREEPHONE)
    expect(card).toContain('For calls from: United Kingdom')
    // Said once, in the cost line; the card's reasons leave out what that line already says.
    expect(card).toMatch(/<dd>\s*Free ·/)
    expect(reasonsOf(card)).not.toContain('Free')
    expect(reasonsOf(card).length).toBeGreaterThan(0)
  })
})

const ApiView = z.object({
  state: z.string(),
  results: z
    .object({
      services: z.array(
        z.object({
          id: z.string(),
          cost: z.string(),
          reasons: z.array(z.string()),
          contacts: z.array(z.object({ text: z.string().optional(), href: z.string().optional(), countryNote: z.string().optional() })),
        }),
      ),
    })
    .nullish(),
})

/** The public JSON API's results for a whole conversation (start, then one reply per question). */
async function apiResults(replies: string[][]) {
  let view: z.infer<typeof ApiView> | undefined
  for (const reply of [undefined, ...replies]) {
    const request = reply ? { state: view?.state, action: 'answer', reply } : { action: 'start', ui: 'en' }
    const response = await fetch(`${server.base}/api/v1/turn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    })
    expect(response.status).toBe(200)
    view = ApiView.parse(await response.json())
  }
  return view?.results?.services ?? []
}

describe('the JSON API says the same', () => {
  it('from Ireland: the Irish number with a tel: href, no "Free"; from the UK: the freephone first with its note', async () => {
    const fromIreland = (
      await apiResults(jsonReplies(answerPath({ country: 'IE', language: 'en', channels: ['phone'], anonymity: 'not_needed' })))
    ).find((service) => service.id === ID)
    expect(fromIreland?.contacts.filter((contact) => contact.href?.startsWith('tel:')).map((contact) => contact.href)).toEqual([
      `tel:${FROM_IRELAND}`,
    ])
    expect(fromIreland?.reasons).not.toContain('Free')
    expect(fromIreland?.cost).toBe('Calls from your country may cost')
    const fromUk = (
      await apiResults(jsonReplies(answerPath({ country: 'GB', language: 'en', channels: ['phone'], anonymity: 'not_needed' })))
    ).find((service) => service.id === ID)
    expect(fromUk?.contacts[0]).toEqual({ text: '0808 1000 900', href: `tel:${FREEPHONE}`, countryNote: 'For calls from: United Kingdom' })
  })
})

describe('the tagging the same walk exposed (each fix backed by a source of the record)', () => {
  it('a family member in France is offered STOP, which relatives call too', async () => {
    const pages = await answerAll(server.base, ['someone', 'FR', 'fr', 'other_thoughts', ['any'], 'not_needed'])
    expect(servicesOf(pages[pages.length - 1]?.html ?? '')).toContain('stop-france')
  })

  it('a parent in Ireland worried about a teenager gets the Stop It Now helpline, not adult self-help programmes', async () => {
    const pages = await answerAll(server.base, ['young', 'IE', 'en', 'young_behaviour', ['any'], 'not_needed'])
    const html = pages[pages.length - 1]?.html ?? ''
    const services = servicesOf(html)
    expect(services[0]).toBe(ID)
    expect(services).not.toContain('troubled-desire')
    expect(services).not.toContain('redirection-self-help')
    expect(telLinksOf(cardOf(html, ID))).toEqual([FROM_IRELAND])
  })
})
