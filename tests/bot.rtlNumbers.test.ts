import type { Activity, Attachment, CardAction } from 'botbuilder'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import ar from '../locales/ar/translation.json'
import en from '../locales/en/translation.json'
import { indexDirectory } from '../src/core/directory/indexDirectory'
import { loadBundledData } from '../src/storage/bundledData'
import { activity, adaptiveCardsOf, button, cardNodes, LOCAL_TESTING, postActivity } from './support/botClient'
import { startNodeServer } from './support/startNodeServer'

// Issue 20: a right-to-left chat client keeps phone numbers in order. In an Arabic conversation
// every number the bot writes in words — the urgent card, the service cards (hero cards on
// suggested-action channels, Adaptive Cards on card channels: call buttons on Web Chat, numbers as
// text on Teams), the no-state channels' one message — is wrapped in U+2066 … U+2069; tel:
// addresses, button values and card data never are. English is sent as it always was. Over the
// real server, as the channels post activities.

const index = indexDirectory(loadBundledData())
const LRI = '\u2066'
const PDI = '\u2069'
const ANY_ISOLATE = /[\u2066-\u2069]/
const UK_NUMBERS = (index.urgentByCountry.get('GB') ?? []).map((line) => line.number)

let server: Awaited<ReturnType<typeof startNodeServer>>
beforeAll(async () => {
  server = await startNodeServer({ bot: LOCAL_TESTING, publicOrigin: 'https://help.example.org' })
})
afterAll(async () => server?.stop())

async function send(body: Record<string, unknown>): Promise<Activity[]> {
  const reply = await postActivity(server.base, activity(body))
  expect(reply.status).toBe(200)
  return reply.activities
}

/** One person in the United Kingdom worried about someone's thoughts, help in English, by phone: to the results, then "Urgent help" and "I might hurt myself". */
async function converse(channelId: string, locale: string): Promise<{ results: Activity[]; urgent: Activity[]; all: Activity[] }> {
  const all: Activity[] = []
  let replies = await send({ channelId, type: 'conversationUpdate', membersAdded: [{ id: 'helpfinder-bot' }, { id: 'person-1' }], locale })
  all.push(...replies)
  const click = async (id: string) => {
    replies = await send({ channelId, value: button(replies, id).value, locale })
    all.push(...replies)
  }
  await click('someone')
  // Suggested-action channels type the country and language (only suggestions are buttons); card channels choose from the list.
  const lists = adaptiveCardsOf(replies.at(-1) ?? {}).length > 0
  if (lists) await click('GB')
  else {
    replies = await send({ channelId, text: 'United Kingdom', value: replies.at(-1)?.value, locale })
    all.push(...replies)
  }
  if (lists) await click('en')
  else {
    replies = await send({ channelId, text: 'English', value: replies.at(-1)?.value, locale })
    all.push(...replies)
  }
  await click('other_thoughts')
  await click('phone')
  await click('not_needed')
  const results = replies
  const words = locale === 'ar' ? ar : en
  await click(words.nav.urgent)
  // The urgent card carries its question's answers (a hero card's buttons, or an Adaptive Card's).
  replies = await send({ channelId, value: urgentAnswer(replies, words.urgent.reason_self_harm), locale })
  all.push(...replies)
  return { results, urgent: replies, all }
}

/** The value of the urgent card's answer with this title. */
function urgentAnswer(replies: readonly Activity[], title: string): unknown {
  for (const sent of replies) {
    for (const attachment of sent.attachments ?? []) {
      const hero: { buttons?: CardAction[] } = attachment.content
      const onHero = (hero.buttons ?? []).find((action) => action.title === title)
      if (onHero) return onHero.value
      const onCard = adaptiveCardsOf({ attachments: [attachment] })
        .flatMap(cardNodes)
        .find((node) => node.type === 'Action.Submit' && node.title === title)
      if (onCard) return onCard.data
    }
  }
  throw new Error(`no urgent answer ${title}`)
}

/** Every word a person sees: messages, card texts and titles, button titles (not what a button sends). */
function shownWords(activities: readonly Partial<Activity>[]): string[] {
  return activities.flatMap((sent) => [
    sent.text ?? '',
    ...(sent.suggestedActions?.actions ?? []).map((action) => action.title),
    ...(sent.attachments ?? []).flatMap((attachment: Attachment) => {
      if (attachment.contentType === 'application/vnd.microsoft.card.hero') {
        const card: { title?: string; subtitle?: string; text?: string; buttons?: CardAction[] } = attachment.content
        return [card.title ?? '', card.subtitle ?? '', card.text ?? '', ...(card.buttons ?? []).map((action) => action.title)]
      }
      return adaptiveCardsOf({ attachments: [attachment] }).flatMap((card) =>
        cardNodes(card).flatMap((node) => [node.text ?? '', node.title ?? '']),
      )
    }),
  ])
}

/** Everything a button or card sends or opens: values, urls, data. */
function sentValues(activities: readonly Partial<Activity>[]): string {
  return JSON.stringify(
    activities.map((sent) => [
      sent.value,
      (sent.suggestedActions?.actions ?? []).map((action) => action.value),
      (sent.attachments ?? []).map((attachment: Attachment) => {
        const content: { buttons?: CardAction[] } = attachment.content
        const hero = (content.buttons ?? []).map((action) => action.value)
        const adaptive = adaptiveCardsOf({ attachments: [attachment] }).flatMap((card) =>
          cardNodes(card).map((node) => [node.url, node.data]),
        )
        return [hero, adaptive]
      }),
    ]),
  )
}

/** The words with their isolated numbers and their addresses (kept whole) taken out: what is left must hold no digit. */
const outsideIsolates = (words: string) => words.replace(/\u2066[^\u2069]*\u2069/g, '').replace(/\S*[A-Za-z@]\S*/g, '')
/** What a markdown card shows: the bot escapes every ASCII punctuation character in card words. */
const unescaped = (words: string) => words.replace(/\\([!-/:-@[-`{-~])/g, '$1')

describe.each(['slack', 'webchat', 'msteams'])('an Arabic conversation on %s', (channelId) => {
  let conversation: Awaited<ReturnType<typeof converse>>
  beforeAll(async () => {
    conversation = await converse(channelId, 'ar')
  }, 30_000)

  it('isolates every number on the service cards, and never a tel: or https: address', () => {
    const cards = conversation.results.filter((sent) => (sent.attachments ?? []).length > 0)
    const words = shownWords(cards).map(unescaped)
    const isolated = words.flatMap((line) => [...line.matchAll(/\u2066([^\u2069]*)\u2069/g)].map((match) => match[1] ?? ''))
    // At least the services' phone numbers; each isolate holds a number and nothing else.
    expect(isolated.filter((number) => /^\+?\d+(?: \d+)+$/.test(number)).length).toBeGreaterThan(0)
    for (const number of isolated) expect(number).toMatch(/^\+?\d+(?:[ .:/\-–]\d+)*$/)
    for (const line of words) expect(outsideIsolates(line), line).not.toMatch(/\d/)
    expect(sentValues(conversation.all)).not.toMatch(ANY_ISOLATE)
  })

  it('isolates the urgent numbers in the urgent card’s words and call titles, and dials them as they are', () => {
    const urgent = conversation.urgent.filter((sent) => JSON.stringify(sent).includes('tel:') || sent.attachments?.length)
    const words = shownWords(urgent).map(unescaped).join('\n')
    expect(UK_NUMBERS.length).toBeGreaterThan(1)
    for (const number of UK_NUMBERS) expect(words).toContain(`${LRI}${number}${PDI}`)
    // "Call 116 123 now." for "I might hurt myself", with the number isolated.
    expect(words).toMatch(new RegExp(`${ar.urgent.call_first.split('{{number}}')[0]}${LRI}[\\d ]+${PDI}`))
    expect(words).toContain(`${LRI}112${PDI}`)
    for (const line of words.split('\n')) expect(outsideIsolates(line), line).not.toMatch(/\d/)
    const values = sentValues(urgent)
    // Teams does not open tel: links: there the numbers are text only.
    if (channelId !== 'msteams') expect(values).toContain('"tel:112"')
    expect(values).not.toMatch(ANY_ISOLATE)
  })
})

describe.each(['slack', 'webchat'])('an English conversation on %s', (channelId) => {
  it('is sent as before: no isolate character anywhere, numbers as they are', async () => {
    const { results, urgent, all } = await converse(channelId, 'en-GB')
    expect(JSON.stringify(all)).not.toMatch(ANY_ISOLATE)
    expect(shownWords(urgent).map(unescaped).join('\n')).toContain('0800 1111')
    expect(sentValues(results)).toContain('tel:')
  }, 30_000)
})

describe('a channel that cannot carry the state (SMS)', () => {
  it('isolates the numbers of its one message in Arabic, and leaves the web address whole', async () => {
    const [reply] = await send({ channelId: 'sms', locale: 'ar', text: 'مرحبا' })
    const text = reply?.text ?? ''
    expect(text).toContain(`${LRI}112${PDI}`)
    expect(text).toContain(`${LRI}116 111${PDI}`)
    expect(outsideIsolates(text)).not.toMatch(/\d/)
    expect(text).toContain(ar.bot.web_link.replace('{{url}}', 'https://help.example.org/'))
  })

  it('sends English numbers as they are', async () => {
    const [reply] = await send({ channelId: 'sms', locale: 'en-GB', text: 'hello' })
    expect(reply?.text).toContain(': 0800 1111 (')
    expect(reply?.text).not.toMatch(ANY_ISOLATE)
  })
})
