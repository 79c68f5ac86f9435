import type { Activity } from 'botbuilder'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import de from '../locales/de/translation.json'
import en from '../locales/en/translation.json'
import fr from '../locales/fr/translation.json'
import { indexDirectory } from '../src/core/directory/indexDirectory'
import { sharedUrgentLines } from '../src/core/crisis/sharedUrgentLines'
import { loadBundledData } from '../src/storage/bundledData'
import { activity, LOCAL_TESTING, postActivity } from './support/botClient'
import { startNodeServer } from './support/startNodeServer'

// Channels that cannot bring the sealed state back (SMS, email, Telegram's 64-byte callback data,
// any channel the bot does not know) get the same whole answer to every message: a welcome, the
// urgent numbers for the locale's country and a link to the web conversation; never a button or
// card that would carry a token. Over the real server, as those channels post activities.

const ORIGIN = 'https://help.example.org'
const index = indexDirectory(loadBundledData())
const numbersOf = (country: string) => (index.urgentByCountry.get(country) ?? []).map((line) => line.number)

let server: Awaited<ReturnType<typeof startNodeServer>>
let bare: Awaited<ReturnType<typeof startNodeServer>>
beforeAll(async () => {
  server = await startNodeServer({ bot: LOCAL_TESTING, publicOrigin: ORIGIN })
  bare = await startNodeServer({ bot: LOCAL_TESTING })
})
afterAll(async () => {
  await server?.stop()
  await bare?.stop()
})

async function send(base: string, body: Record<string, unknown>): Promise<Activity[]> {
  const reply = await postActivity(base, activity(body))
  expect(reply.status).toBe(200)
  return reply.activities
}

/** One plain-text message; nothing in it a client could send back: no value, buttons, cards or channel data. */
function expectNoStateReply(replies: readonly Activity[]): string {
  expect(replies).toHaveLength(1)
  const [reply] = replies
  expect(reply?.type).toBe('message')
  expect(reply?.textFormat).toBe('plain')
  expect(reply?.value).toBeUndefined()
  expect(reply?.suggestedActions).toBeUndefined()
  expect(reply?.attachments ?? []).toEqual([])
  expect(reply?.channelData).toBeUndefined()
  expect(JSON.stringify(replies)).not.toMatch(/"(hf|state)"/)
  return reply?.text ?? ''
}

describe('channels that cannot carry the state back', () => {
  it.each(['sms', 'telegram', 'email', 'SMS'])('%s: a welcome, the urgent numbers for en-GB and the web link', async (channelId) => {
    const text = expectNoStateReply(await send(server.base, { channelId, locale: 'en-GB', text: 'hello' }))
    expect(text).toContain(en.app.tagline)
    expect(text).toContain(en.app.stores_nothing)
    expect(text).toContain(en.urgent.title)
    expect(numbersOf('GB').length).toBeGreaterThan(1)
    for (const number of numbersOf('GB')) expect(text).toContain(number)
    expect(text).toContain(en.bot.web_link.replace('{{url}}', `${ORIGIN}/`))
  })

  it('answers every message the same way: a second message, a typed answer and a forged button value change nothing', async () => {
    const first = expectNoStateReply(await send(server.base, { channelId: 'sms', locale: 'en-GB', text: 'hi' }))
    const second = expectNoStateReply(await send(server.base, { channelId: 'sms', locale: 'en-GB', text: 'Germany' }))
    const clicked = expectNoStateReply(
      await send(server.base, {
        channelId: 'sms',
        locale: 'en-GB',
        text: 'Me',
        value: { hf: 1, state: 'x'.repeat(40), action: 'answer', reply: ['self'] },
      }),
    )
    expect(second).toBe(first)
    expect(clicked).toBe(first)
    expect(first).not.toContain(en.error.choose_one)
  })

  it('telegram in German: German words, Germany’s numbers, the link; again on the next message', async () => {
    for (const words of ['/start', 'hallo']) {
      const text = expectNoStateReply(await send(server.base, { channelId: 'telegram', locale: 'de-DE', text: words }))
      expect(text).toContain(de.app.tagline)
      expect(text).toContain(de.urgent.title)
      for (const number of numbersOf('DE')) expect(text).toContain(number)
      expect(text).toContain(de.bot.web_link.replace('{{url}}', `${ORIGIN}/`))
    }
  })

  it('a locale without a country gets the numbers many countries share', async () => {
    const text = expectNoStateReply(await send(server.base, { channelId: 'sms', locale: 'fr', text: 'bonjour' }))
    const shared = sharedUrgentLines(index).map((line) => line.number)
    expect(shared.length).toBeGreaterThan(0)
    for (const number of shared) expect(text).toContain(number)
    // The panel's "tell us your country" cannot be answered here.
    expect(text).toContain(fr.app.tagline)
    expect(text).not.toContain(fr.urgent.no_country)
  })

  it('urgent words put the urgent numbers first, the right one named to call', async () => {
    const text = expectNoStateReply(await send(server.base, { channelId: 'sms', locale: 'en-GB', text: 'I want to kill myself' }))
    expect(text.indexOf(en.urgent.title)).toBeLessThan(text.indexOf(en.app.tagline))
    expect(text).toMatch(/Call .+ now\./)
  })

  it('an unknown channel is treated the same; Teams, Web Chat and the Emulator still get the conversation', async () => {
    expectNoStateReply(await send(server.base, { channelId: 'somechannel', locale: 'en-GB', text: 'hello' }))
    for (const channelId of ['msteams', 'webchat', 'emulator']) {
      const replies = await send(server.base, { channelId, locale: 'en-GB', text: 'hello' })
      expect(JSON.stringify(replies), channelId).toMatch(/"state"/)
    }
  })

  it('a person joining on such a channel gets nothing that could carry a token (the first message gets the answer)', async () => {
    const replies = await send(server.base, {
      channelId: 'telegram',
      type: 'conversationUpdate',
      locale: 'en-GB',
      membersAdded: [{ id: 'person-1' }],
    })
    expect(replies).toEqual([])
  })

  it('without PUBLIC_ORIGIN: no link and no stand-in sentence, and nothing is logged but the route line', async () => {
    const before = { logs: bare.logs.length, warnings: bare.warnings.length }
    const text = expectNoStateReply(await send(bare.base, { channelId: 'sms', locale: 'en-GB', text: 'hello ZQXJ' }))
    expect(text).toContain(en.app.tagline)
    for (const number of numbersOf('GB')) expect(text).toContain(number)
    expect(text).not.toMatch(/https?:|www\./)
    expect(text).not.toContain(en.bot.web_link.split('{{url}}')[0]?.slice(0, 30))
    expect(bare.warnings.length).toBe(before.warnings)
    expect(bare.logs.length).toBe(before.logs + 1)
    expect(JSON.stringify(bare.logs)).not.toContain('ZQXJ')
  })
})
