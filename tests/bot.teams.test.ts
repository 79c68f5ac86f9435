import type { Activity } from 'botbuilder'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { activity, adaptiveCardsOf, cardNodes, heroCards, LOCAL_TESTING, postActivity, textOf } from './support/botClient'
import { apiResults, BOT_PERSONAS, personaReplies, plainQuotes, WORDS, type BotPersona } from './support/botPersonas'
import { cardChannelClient, type CardChannel } from './support/cardChannelClient'
import { startNodeServer } from './support/startNodeServer'
import { walkPersona } from './support/walkPersona'

// Issue 17, "Teams-shaped activities … each to results": the eight personas, each as Microsoft Teams
// sends its activities (the bot installed in a personal chat, a first "hi", then every answer a
// click: Action.Submit with the card's data merged with its inputs, no text, no messageBack), and the
// same as a Direct Line app sends them. Over the real server's /api/messages on loopback.

/** Teams refuses a message over about 28 KB (the whole activity, card included). */
const TEAMS_MESSAGE_LIMIT = 28 * 1024

let server: Awaited<ReturnType<typeof startNodeServer>>
beforeAll(async () => {
  server = await startNodeServer({ bot: LOCAL_TESTING })
})
afterAll(async () => server?.stop())

/** The last activity of an answer ends with a card offering urgent help (in the person's language). */
function expectUrgentHelpOffered(replies: readonly Activity[], persona: BotPersona, step: string) {
  const last = replies.at(-1)
  const titles = adaptiveCardsOf(last ?? {}).flatMap((card) =>
    cardNodes(card)
      .filter((node) => node.type === 'Action.Submit')
      .map((node) => node.title),
  )
  expect(titles, `${persona.name}, ${step}: "Urgent help" on the last card`).toContain(WORDS[persona.ui].nav.urgent)
}

/** The service cards of a results answer, by the names on them (the heading of each card). */
function shownServiceNames(replies: readonly Activity[]): string[] {
  return heroCards(replies.filter((activity) => activity.attachmentLayout === 'carousel')).map((card) => plainQuotes(card.title))
}

describe.each<CardChannel>(['msteams', 'directline'])('the eight personas in %s, clicking as its client does', (channelId) => {
  it.each(BOT_PERSONAS.map((persona) => [persona.name, persona] as const))('%s reaches their services', async (_name, persona) => {
    const client = cardChannelClient({ base: server.base, channelId, locale: persona.locale })
    const steps = await walkPersona(client, persona)
    const words = WORDS[persona.ui]
    for (const step of steps) expectUrgentHelpOffered(step.replies, persona, step.name)
    // "hi" after installing: a welcome and the first question, not a misread code, not a lost place.
    const hi = textOf(steps[1]?.replies ?? [])
    expect(hi).toContain(words.app.tagline)
    expect(hi).not.toContain(words.bot.lost_place)
    expect(hi).not.toContain(words.bot.noted.split('{{noted}}')[0])
    // Country and language as a list: Teams' searchable one, a compact one elsewhere, the most likely
    // first (the interface language; the country the locale names, when it is on the list).
    for (const [name, chosen, likely] of [
      ['country', persona.country, persona.locale.split('-')[1]],
      ['language', persona.language, persona.ui],
    ] as const) {
      const list = steps.find((step) => step.name === name)?.list
      expect(list?.style, `${persona.name}: the ${name} list`).toBe(channelId === 'msteams' ? 'filtered' : 'compact')
      if (likely === chosen) expect(list?.choices?.[0]?.value, `${persona.name}: ${name} first`).toBe(chosen)
    }
    const results = steps.at(-1)?.replies ?? []

    // The services the directory holds for these answers, named card by card as the JSON API names them.
    const expected = await apiResults(server.base, persona)
    expect(expected.services.map((service) => service.id)).toEqual(persona.services)
    expect(expected.helplines.map((service) => service.id)).toEqual(persona.helplines)
    expect(shownServiceNames(results)).toEqual([...expected.services, ...expected.helplines].map((service) => plainQuotes(service.name)))

    // Every answer came as the client sends a click: a value and no text (the first "hi" aside).
    const clicks = client.exchanges.filter((exchange) => exchange.sent.type === 'message' && exchange.sent.text === undefined)
    expect(clicks).toHaveLength(personaReplies(persona).length)
    for (const click of clicks)
      expect(click.sent.value, 'a click carries the sealed state').toMatchObject({ hf: 1, state: expect.any(String) })
    // Lists came back as Teams merges them: "Continue"'s data with the list's value as a string.
    expect(
      clicks
        .filter((click) => typeof (click.sent.value as { reply?: unknown }).reply === 'string')
        .map((click) => (click.sent.value as { reply: string }).reply),
    ).toEqual([persona.country, persona.language, persona.channels.join(',')])

    for (const { replies } of client.exchanges) {
      for (const sent of replies) {
        expect(Buffer.byteLength(JSON.stringify(sent)), 'message size').toBeLessThan(TEAMS_MESSAGE_LIMIT)
        for (const card of adaptiveCardsOf(sent)) {
          expect(card).toMatchObject({ version: '1.5', rtl: persona.ui === 'ar' })
          // No messageBack or imBack: Teams would then send words as text, which the bot reads as typed.
          for (const node of cardNodes(card)) expect(JSON.stringify(node.data ?? {})).not.toContain('msteams')
        }
      }
    }
  })
})

describe('what else Teams sends', () => {
  it('installationUpdate (Teams sends it with the install, before conversationUpdate) is answered 200 with nothing', async () => {
    const answer = await postActivity(
      server.base,
      activity({
        type: 'installationUpdate',
        action: 'add',
        channelId: 'msteams',
        locale: 'de-DE',
        channelData: { tenant: { id: 't' }, source: { name: 'message' } },
      }),
    )
    expect(answer.status).toBe(200)
    expect(answer.activities).toEqual([])
  })

  it('an Action.Submit with no text, no locale, no replyToId and no channelData still answers the question', async () => {
    const client = cardChannelClient({ base: server.base, channelId: 'msteams', locale: 'de-DE' })
    await client.install()
    const self = client.replies
      .flatMap((activity) => adaptiveCardsOf(activity))
      .flatMap((card) => cardNodes(card))
      .find((node) => node.type === 'Action.Submit' && node.title === WORDS.de.flow.asker.self)
    expect(self?.data).toMatchObject({ hf: 1, action: 'answer', reply: ['self'] })
    // The bare minimum a client might send for the click: the data and the envelope, nothing else.
    const answer = await postActivity(server.base, activity({ channelId: 'msteams', value: self?.data }))
    expect(answer.status).toBe(200)
    // The state carries the language: still German, at the age question ("Me" is asked it), no welcome again.
    expect(textOf(answer.activities)).toContain(WORDS.de.flow.age.prompt)
    expect(textOf(answer.activities)).not.toContain(WORDS.de.app.tagline)
  })

  it('a list submitted empty (a client that does not check required inputs) gets a clear error and the same question', async () => {
    const persona = BOT_PERSONAS[1] as BotPersona
    const client = cardChannelClient({ base: server.base, channelId: 'msteams', locale: persona.locale })
    await client.install()
    await client.tap(WORDS.en.flow.asker.self)
    await client.tap(WORDS.en.flow.age.adult)
    // Teams itself refuses to send an empty required list…
    await expect(client.tap(WORDS.en.nav.continue)).rejects.toThrow(/required and empty/)
    // …but a client that sends it anyway gets the error and the question again, never a 500.
    const carrier = client.replies
      .flatMap((activity) => adaptiveCardsOf(activity))
      .flatMap((card) => cardNodes(card))
      .find((node) => node.type === 'Action.Submit' && node.title === WORDS.en.nav.continue)
    const again = await postActivity(
      server.base,
      activity({ channelId: 'msteams', locale: persona.locale, value: { ...carrier?.data, reply: '' } }),
    )
    expect(again.status).toBe(200)
    expect(textOf(again.activities)).toContain(WORDS.en.error.unknown_country)
    expect(textOf(again.activities)).toContain(WORDS.en.flow.country.prompt)
  })
})
