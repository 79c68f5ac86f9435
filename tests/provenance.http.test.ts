import type { Activity } from 'botbuilder'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as z from 'zod'
import { serviceView } from '../src/channels/shared/serviceView'
import type { DirectoryData } from '../src/core/directory/directoryData'
import type { Initiative } from '../src/core/directory/initiativeSchema'
import { createTranslator } from '../src/i18n/createTranslator'
import { serviceCard } from '../src/channels/botframework/serviceCard'
import { loadBundledData } from '../src/storage/bundledData'
import { activity, button, heroCards, LOCAL_TESTING, postActivity } from './support/botClient'
import { answerAll } from './support/formConversation'
import { startNodeServer } from './support/startNodeServer'
import { answerPath, formAnswers } from './support/answerPaths'

// Dates that mean what they say, as a person meets them: a check is shown only where one happened
// ("Checked against its sources in March 2025", the month in the person's language, the exact day
// in a <time datetime>), a record no one has checked says so calmly, and every source carries its
// own date and is named by its site. Web (HTML over a real loopback server), the JSON API and the bot.
const DAY = 24 * 60 * 60 * 1000
const checkedDay = new Date(Date.now() - 10 * DAY).toISOString().slice(0, 10)
const staleDay = new Date(Date.now() - 500 * DAY).toISOString().slice(0, 10)
const DATES = ['2024-09-18', 'undated (snapshot)', '~2021-02', '2014']
/** Each date as a person reads it in English, and its <time datetime> (none for an undated source). */
const SPOKEN = [
  ['September 2024', '2024-09-18'],
  ['undated', undefined],
  ['about February 2021', '2021-02'],
  ['2014', '2014'],
] as const
/** "March 2025": the month of a day, written independently of the app's own formatter. */
const monthOf = (day: string, ui: string) =>
  new Intl.DateTimeFormat(ui, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.parse(day))
const siteOf = (url: string) => new URL(url).hostname.replace(/^www\./, '')

const bundled = loadBundledData()
function record(id: string): Initiative {
  const found = bundled.initiatives.find((initiative) => initiative.id === id)
  if (!found) throw new Error(`${id} missing from data/`)
  return found
}
// Stop it Now! Nederland checked ten days ago by a curator, with four sources of known dates;
// Kein Täter werden as on file: never checked, its sources all undated.
const checked: Initiative = {
  ...record('stop-it-now-nl'),
  lastChecked: checkedDay,
  checkedBy: 'Ana',
  sources: record('stop-it-now-nl')
    .sources.slice(0, 4)
    .map((source, at) => ({ ...source, date: DATES[at] ?? 'undated' })),
}
const never: Initiative = {
  ...record('kein-taeter-werden'),
  lastChecked: null,
  checkedBy: null,
  sources: record('kein-taeter-werden').sources.map((source) => ({ ...source, date: 'undated' })),
}
const seed: DirectoryData = {
  ...bundled,
  initiatives: bundled.initiatives.map((initiative) =>
    initiative.id === checked.id ? checked : initiative.id === never.id ? never : initiative,
  ),
}

const NL = formAnswers(answerPath({ country: 'NL', language: 'nl', channels: ['any'], anonymity: 'not_needed' }))
const DE = formAnswers(answerPath({ channels: ['any'], anonymity: 'not_needed' }))

let server: Awaited<ReturnType<typeof startNodeServer>>
beforeAll(async () => {
  expect(checked.sources.length).toBe(4)
  // The sources are on four different sites, so naming them by site tells them apart.
  expect(new Set(checked.sources.map((source) => siteOf(source.url))).size).toBe(4)
  server = await startNodeServer({ seed, bot: LOCAL_TESTING })
}, 60_000)
afterAll(async () => server.stop())

const LABELS = checked.sources.map((source, at) => `${siteOf(source.url)} (${SPOKEN[at]?.[0]})`)

/** The HTML of one service card on a results page. */
function cardOf(html: string, id: string): string {
  const start = html.indexOf(`<article class="card" data-service="${id}"`)
  expect(start, `card ${id}`).toBeGreaterThan(-1)
  return html.slice(start, html.indexOf('</article>', start))
}

/** A card's visible words: its HTML without tags (attributes such as datetime are not shown). */
const wordsOf = (card: string) => card.replace(/<[^>]+>/g, ' ')

describe('the web result card', () => {
  it('shows the month of the check in words, the exact day in <time>, each source named by its site with its own date, behind a disclosure', async () => {
    const card = cardOf((await answerAll(server.base, NL)).at(-1)?.html ?? '', checked.id)
    expect(card).toContain(
      `<p class="muted provenance" data-provenance="checked">Checked against its sources in <time datetime="${checkedDay}">${monthOf(checkedDay, 'en')}</time> · Information from <time datetime="2024-09-18">September 2024</time></p>`,
    )
    expect(card).toContain('<details class="sources" data-provenance="sources"><summary>Where this comes from</summary>')
    for (const [at, source] of checked.sources.entries()) {
      const [words, datetime] = SPOKEN[at] ?? []
      const date = datetime ? `<time datetime="${datetime}">${words}</time>` : words
      expect(card).toContain(`<a href="${source.url}" rel="noreferrer"><bdi dir="ltr">${siteOf(source.url)}</bdi></a> · ${date}</li>`)
    }
    // No audit-record dates or numbered sources in what the person reads.
    expect(wordsOf(card)).not.toMatch(/\d{4}-\d{2}|Source \d/)
    expect(card).not.toContain('have not been checked for over a year')
    // The curator's name is for the console, not for the person.
    expect(card).not.toContain('Ana')
  }, 30_000)

  it('says calmly that a record no one has checked is not yet checked, with no stale notice and no made-up day', async () => {
    const card = cardOf((await answerAll(server.base, DE)).at(-1)?.html ?? '', never.id)
    expect(card).toContain(
      '<p class="muted provenance" data-provenance="checked">Not yet checked by us against its sources · Its sources give no date</p>',
    )
    expect(card).toContain('<bdi dir="ltr">bmjv.de</bdi></a> · undated</li>')
    expect(card).not.toContain('<time')
    expect(card).not.toContain('class="notice"')
    expect(card).not.toMatch(/\bnull\b|\bundefined\b|last reviewed/)
  }, 30_000)

  it.each([
    ['de', 'Mit den Quellen abgeglichen: ', 'September 2024'],
    ['ar', 'قورنت التفاصيل بمصادرها: ', 'سبتمبر 2024'],
  ])(
    "in %s, the month and the sources' dates are in the language of the page",
    async (ui, words, september) => {
      const card = cardOf((await answerAll(server.base, NL, { 'accept-language': ui })).at(-1)?.html ?? '', checked.id)
      expect(card).toContain(`${words}<time datetime="${checkedDay}">${monthOf(checkedDay, ui)}</time>`)
      expect(card).toContain(`<time datetime="2024-09-18">${september}</time>`)
      expect(wordsOf(card)).not.toMatch(/\d{4}-\d{2}/)
    },
    30_000,
  )
})

const ApiService = z.object({
  id: z.string(),
  lastChecked: z.string().nullable(),
  checked: z.string(),
  checkedWhen: z.string().optional(),
  stale: z.boolean(),
  newestSource: z.string(),
  newestSourceDate: z.string().optional(),
  sources: z.array(
    z.object({
      url: z.string(),
      date: z.string(),
      label: z.string(),
      site: z.string(),
      dated: z.string(),
      datetime: z.string().optional(),
    }),
  ),
})
const ApiView = z.object({ state: z.string(), results: z.object({ services: z.array(ApiService) }).nullish() })

async function apiResults(replies: (string | string[])[], ui: string) {
  let view: z.infer<typeof ApiView> | undefined
  for (const reply of [undefined, ...replies]) {
    const request = reply
      ? { state: view?.state, action: 'answer', reply: Array.isArray(reply) ? reply : [reply] }
      : { action: 'start', ui }
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

describe('the JSON API', () => {
  it('gives the check day and line, each source with its date, site and label, and null for a record never checked', async () => {
    const nl = (await apiResults(NL, 'en')).find((service) => service.id === checked.id)
    expect(nl).toMatchObject({
      lastChecked: checkedDay,
      checked: `Checked against its sources in ${monthOf(checkedDay, 'en')}`,
      checkedWhen: monthOf(checkedDay, 'en'),
      stale: false,
      newestSource: 'Information from September 2024',
      newestSourceDate: '2024-09-18',
    })
    expect(nl?.sources).toEqual(
      checked.sources.map((source, at) => ({
        url: source.url,
        date: DATES[at],
        label: LABELS[at],
        site: siteOf(source.url),
        dated: SPOKEN[at]?.[0],
        ...(SPOKEN[at]?.[1] ? { datetime: SPOKEN[at]?.[1] } : {}),
      })),
    )
    const de = (await apiResults(DE, 'de')).find((service) => service.id === never.id)
    expect(de).toMatchObject({
      lastChecked: null,
      checked: 'Von uns noch nicht mit den Quellen abgeglichen',
      stale: false,
      newestSource: 'Die Quellen nennen kein Datum',
    })
    expect(de?.sources.every((source) => source.label.endsWith('(ohne Datum)'))).toBe(true)
  }, 30_000)

  it('documents the fields in its OpenAPI document', async () => {
    const document = await (await fetch(`${server.base}/api/v1/openapi.json`)).text()
    for (const field of ['"lastChecked"', '"checked"', '"newestSource"', '"label"']) expect(document).toContain(field)
    expect(document).toContain('an import is not a check')
  })
})

describe('the bot', () => {
  async function converse(moves: ({ click: string } | { type: string })[]): Promise<Activity[]> {
    const send = async (body: Record<string, unknown>) => {
      const reply = await postActivity(server.base, activity(body))
      expect(reply.status).toBe(200)
      return reply.activities
    }
    let replies = await send({ type: 'conversationUpdate', membersAdded: [{ id: 'helpfinder-bot' }, { id: 'person-1' }] })
    for (const move of moves)
      replies =
        'click' in move
          ? await send({ value: button(replies, move.click).value })
          : await send({ text: move.type, value: replies.at(-1)?.value })
    return replies
  }

  it('says when a service was checked, how recent its sources are, and dates the source button', async () => {
    const last = await converse([
      { click: 'self' },
      { click: 'adult' },
      { type: 'Nederland' },
      { type: 'Nederlands' },
      { click: 'nothing_happened' },
      { click: 'any' },
      { click: 'not_needed' },
    ])
    const card = heroCards(last).find((shown) => shown.title === checked.name)
    expect(card?.text).toContain(`Checked against its sources in ${monthOf(checkedDay, 'en')}`)
    expect(card?.text).toContain('Information from September 2024')
    expect(card?.buttons).toContainEqual(expect.objectContaining({ type: 'openUrl', title: LABELS[0], value: checked.sources[0]?.url }))
  }, 30_000)

  it('says calmly that a record was never checked, and shows the stale notice only for an old check', async () => {
    const last = await converse([
      { click: 'self' },
      { click: 'adult' },
      { type: 'Deutschland' },
      { type: 'Deutsch' },
      { click: 'nothing_happened' },
      { click: 'any' },
      { click: 'not_needed' },
    ])
    const card = heroCards(last).find((shown) => shown.title === never.name)
    expect(card?.text).toContain('Not yet checked by us against its sources')
    expect(card?.text).toContain('Its sources give no date')
    expect(card?.text).not.toContain('have not been checked for over a year')
    const t = (await createTranslator()).t('en')
    const old = serviceCard(serviceView({ ...checked, lastChecked: staleDay }, [], t, 'en', Date.now()), t, 'ltr')
    expect(old.content.text).toContain(`Checked against its sources in ${monthOf(staleDay, 'en')}`)
    expect(old.content.text).toContain('These details have not been checked for over a year. They may have changed.')
  }, 30_000)
})
