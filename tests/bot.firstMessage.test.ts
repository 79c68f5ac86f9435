import type { Activity } from 'botbuilder'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import ar from '../locales/ar/translation.json'
import de from '../locales/de/translation.json'
import en from '../locales/en/translation.json'
import sv from '../locales/sv/translation.json'
import crisisPhrases from '../data/crisis-phrases.json'
import { loadNameAliases } from '../src/app/loadNameAliases'
import { createNameMatcher } from '../src/core/flow/createNameMatcher'
import { findNamesInText } from '../src/core/flow/findNamesInText'
import { uiLanguages } from '../src/i18n/resources'
import { LOCAL_TESTING, postActivity, shownMarkdown } from './support/botClient'
import { startNodeServer } from './support/startNodeServer'

// Issue 17, "Typed text without state starts well": Microsoft Teams (and every stock client) sends
// typed words as text alone, without the state the bot put on its question. Such a message starts
// a new conversation: urgent help first for crisis words, otherwise a welcome and the first
// question, with country and language NAMES (never two-letter codes) kept for their questions.
// Over the real server's /api/messages, with activities shaped as Teams sends them.
let server: Awaited<ReturnType<typeof startNodeServer>>
beforeAll(async () => {
  server = await startNodeServer({ bot: LOCAL_TESTING })
})
afterAll(async () => server.stop())

let sent = 0

/** A message as Teams posts it for typed words in a personal chat: text, locale, no value. */
function teamsMessage(fields: { text?: string; value?: unknown; locale?: string }): Record<string, unknown> {
  sent += 1
  const locale = fields.locale ?? 'en-US'
  return {
    type: 'message',
    id: `1700000000${sent}`,
    timestamp: new Date().toISOString(),
    localTimestamp: new Date().toISOString(),
    channelId: 'msteams',
    // Local testing answers loopback channels only; Teams' own is https://smba.trafficmanager.net/….
    serviceUrl: 'http://127.0.0.1:9/',
    from: { id: '29:1a2b3c-person', name: 'Person', aadObjectId: '00000000-0000-0000-0000-000000000001' },
    conversation: { id: 'a:1f2e3d-personal-chat', conversationType: 'personal', tenantId: '00000000-0000-0000-0000-0000000000aa' },
    recipient: { id: '28:helpfinder-bot', name: 'Helpfinder' },
    textFormat: 'plain',
    locale,
    entities: [{ type: 'clientInfo', locale, country: locale.split('-')[1] ?? 'US', platform: 'Web', timezone: 'Europe/Berlin' }],
    channelData: { tenant: { id: '00000000-0000-0000-0000-0000000000aa' } },
    // Teams answers over HTTP; the test reads the replies from the response instead.
    deliveryMode: 'expectReplies',
    ...(fields.text === undefined ? {} : { text: fields.text }),
    ...(fields.value === undefined ? {} : { value: fields.value }),
  }
}

async function send(fields: { text?: string; value?: unknown; locale?: string }): Promise<Activity[]> {
  const reply = await postActivity(server.base, teamsMessage(fields))
  expect(reply.status).toBe(200)
  expect(reply.activities.length).toBeGreaterThan(0)
  return reply.activities
}

/** Every string inside a value (cards nest their words in bodies, columns and actions). */
function stringsIn(value: unknown, keys: ReadonlySet<string>): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => stringsIn(item, keys))
  if (typeof value !== 'object' || value === null) return []
  return Object.entries(value).flatMap(([key, inner]) =>
    typeof inner === 'string' ? (keys.has(key) ? [inner] : []) : stringsIn(inner, keys),
  )
}

/** What a person sees in one activity: its text and every text, title and label of its cards and buttons. */
function shown(activity: Activity): string {
  const words = stringsIn(
    { attachments: activity.attachments, suggestedActions: activity.suggestedActions },
    new Set(['text', 'title', 'label', 'subtitle']),
  )
  return [activity.text ?? '', ...words.map(shownMarkdown)].join('\n')
}

function shownAll(activities: readonly Activity[]): string {
  return activities.map(shown).join('\n')
}

/** Every value a click on these activities can send back: Action.Submit data and messageBack/postBack values. */
function clickValues(activities: readonly Activity[]): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = []
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item)
      return
    }
    if (typeof node !== 'object' || node === null) return
    const record = node as Record<string, unknown>
    const carried =
      record.type === 'Action.Submit' ? record.data : record.type === 'messageBack' || record.type === 'postBack' ? record.value : undefined
    if (typeof carried === 'object' && carried !== null && !Array.isArray(carried)) found.push(carried as Record<string, unknown>)
    for (const value of Object.values(record)) walk(value)
  }
  for (const activity of activities) walk({ attachments: activity.attachments, suggestedActions: activity.suggestedActions })
  return found
}

/** The value a click on the answer with this option id sends (as Teams sends an Action.Submit: value, no text). */
function answerClick(activities: readonly Activity[], id: string): Record<string, unknown> {
  const value = clickValues(activities).find(
    (candidate) => candidate.action === 'answer' && Array.isArray(candidate.reply) && candidate.reply[0] === id,
  )
  if (!value) throw new Error(`no answer ${id} in ${shownAll(activities)}`)
  return value
}

/** Picking a country or language in the card's list and pressing "Continue": Teams merges the input into the data. */
function listPick(activities: readonly Activity[], code: string): Record<string, unknown> {
  const carrier = clickValues(activities).find(
    (candidate) =>
      candidate.action === 'answer' && (candidate.reply === undefined || (Array.isArray(candidate.reply) && candidate.reply.length === 0)),
  )
  if (!carrier) throw new Error(`no list to pick from in ${shownAll(activities)}`)
  return { ...carrier, reply: code }
}

const welcomed = (activities: readonly Activity[], words: typeof en) => {
  const text = shownAll(activities)
  expect(text).toContain(words.app.tagline)
  expect(text).toContain(words.app.stores_nothing)
  expect(text).toContain(words.flow.asker.prompt)
  // The first question's answers are there to click.
  for (const id of ['self', 'someone', 'young', 'professional']) expect(() => answerClick(activities, id)).not.toThrow()
}

const notedPrefix = (words: typeof en) => words.bot.noted.split('{{noted}}')[0] ?? ''
const usedPrefix = (words: typeof en) => words.bot.prefilled.split('{{noted}}')[0] ?? ''

describe('a first message without state, as Teams sends it', () => {
  const greetings: [string, string, typeof en][] = [
    ['hi', 'en-US', en],
    ['no', 'en-US', en],
    ['is', 'en-US', en],
    ['it', 'en-US', en],
    ['hello', 'en-US', en],
    ['help', 'en-US', en],
    ['Hallo', 'de-DE', de],
    ['hola', 'en-US', en],
    ['de', 'en-US', en],
    ['se', 'en-US', en],
    ['no', 'de-DE', de],
  ]
  it.each(greetings)('"%s" (%s) gets a welcome and the first question, never a misread code', async (text, locale, words) => {
    const replies = await send({ text, locale })
    welcomed(replies, words)
    const all = shownAll(replies)
    expect(all).not.toContain(notedPrefix(words))
    expect(all).not.toContain(words.error.choose_one)
    expect(all).not.toContain(words.bot.lost_place)
    // The welcome comes first, the question last.
    expect(shown(replies[0] ?? ({} as Activity))).toContain(words.app.tagline)
    expect(shown(replies.at(-1) ?? ({} as Activity))).toContain(words.flow.asker.prompt)
    // Nothing was kept for later: the country question is asked, not skipped as Norway, Iceland, Italy, Germany or Sweden.
    const next = await send({ value: answerClick(replies, 'someone'), locale })
    expect(shownAll(next)).toContain(words.flow.country.prompt)
    expect(shownAll(next)).not.toContain(usedPrefix(words))
  })

  it('an Arabic locale gets the welcome and the question in Arabic, right to left', async () => {
    const replies = await send({ text: 'مرحبا', locale: 'ar' })
    welcomed(replies, ar as unknown as typeof en)
    expect(shownAll(replies)).not.toContain(en.app.tagline)
    // Teams gets the question as an Adaptive Card, marked right to left.
    expect(replies.at(-1)?.attachments?.[0]?.content).toMatchObject({ type: 'AdaptiveCard', rtl: true })
  })

  it('a message with neither text nor value also starts with the welcome', async () => {
    welcomed(await send({}), en)
  })
})

describe('crisis words come first', () => {
  const cases: [string, string, typeof en, 'self_harm' | 'child_danger'][] = [
    ['I want to kill myself', 'en-US', en, 'self_harm'],
    ['a child is in danger right now', 'en-US', en, 'child_danger'],
    [
      `jag vill ${crisisPhrases.languages.sv.self_harm.find((phrase) => phrase === 'ta livet av mig') ?? 'ta livet av mig'}`,
      'sv-SE',
      sv as unknown as typeof en,
      'self_harm',
    ],
    ['اريد ان اموت', 'ar', ar as unknown as typeof en, 'self_harm'],
  ]
  it.each(cases)('"%s" (%s) gets urgent help at once, before anything else', async (text, locale, words) => {
    const replies = await send({ text, locale })
    const first = shown(replies[0] ?? ({} as Activity))
    expect(first).toContain(words.urgent.title)
    // Its one question is already answered by the words: the number for that reason first, no "what is happening?".
    expect(first).not.toContain(words.urgent.ask)
    expect(first).toContain(words.urgent.call_first.split('{{number}}')[0] ?? '')
    expect(shownAll(replies)).not.toContain(words.app.tagline)
    // Never an error for words that are not an answer.
    expect(shownAll(replies)).not.toContain(words.error.choose_one)
    // Then the conversation, whose first question stays to answer.
    expect(shown(replies.at(-1) ?? ({} as Activity))).toContain(words.flow.asker.prompt)
    expect(() => answerClick(replies, 'self')).not.toThrow()
  })

  it('a child in danger gets the emergency number first; naming a country picks its numbers', async () => {
    const replies = await send({ text: 'A child is in danger right now, I am in Germany', locale: 'en-US' })
    const first = replies[0]
    expect(shown(first ?? ({} as Activity))).toContain(en.urgent.title)
    expect(shown(first ?? ({} as Activity))).toContain('112')
    expect(shown(first ?? ({} as Activity))).toContain('Germany')
  })
})

describe('country and language names are kept for their questions', () => {
  it('"Germany" is noted, the welcome says the place was lost, and the country question is skipped with a way back', async () => {
    const replies = await send({ text: 'Germany', locale: 'en-US' })
    welcomed(replies, en)
    const all = shownAll(replies)
    expect(all).toContain('Noted: Germany. First, one question:')
    // Only a name: most likely an answer typed to a question whose state Teams did not send back.
    expect(shown(replies[0] ?? ({} as Activity))).toContain(en.bot.lost_place)
    // "Me" is asked the age first; the kept name waits through it for the country question.
    const age = await send({ value: answerClick(replies, 'self'), locale: 'en-US' })
    expect(shownAll(age)).toContain(en.flow.age.prompt)
    expect(shownAll(age)).not.toContain(usedPrefix(en))
    const next = await send({ value: answerClick(age, 'under_18'), locale: 'en-US' })
    const text = shownAll(next)
    expect(text).not.toContain(en.flow.country.prompt)
    expect(text).toContain(en.flow.language.prompt)
    expect(text).toContain("I used what you wrote earlier: Germany. You can change this with 'Back'.")
    // "Back" leads to the country question, to change it.
    const back = clickValues(next).find((value) => value.action === 'back')
    expect(shownAll(await send({ value: back, locale: 'en-US' }))).toContain(en.flow.country.prompt)
  })

  it('"Deutschland" in a German Teams is noted in German', async () => {
    const replies = await send({ text: 'Deutschland', locale: 'de-DE' })
    welcomed(replies, de as unknown as typeof en)
    expect(shownAll(replies)).toContain('Notiert: Deutschland. Zuerst eine Frage:')
    const next = await send({ value: answerClick(replies, 'young'), locale: 'de-DE' })
    expect(shownAll(next)).toContain(de.flow.language.prompt)
    expect(shownAll(next)).toContain('Ich habe übernommen, was Sie vorhin geschrieben haben: Deutschland.')
  })

  it.each([
    ['USA', 'United States'],
    ['Holland', 'Netherlands'],
  ])('the alias "%s" is noted as %s', async (text, name) => {
    const replies = await send({ text, locale: 'en-US' })
    welcomed(replies, en)
    expect(shownAll(replies)).toContain(`Noted: ${name}. First, one question:`)
    const next = await send({ value: answerClick(replies, 'someone'), locale: 'en-US' })
    expect(shownAll(next)).toContain(en.flow.language.prompt)
    expect(shownAll(next)).toContain(`I used what you wrote earlier: ${name}.`)
  })

  it('"Norwegian" is kept for the language question, which is skipped once the country is chosen', async () => {
    const replies = await send({ text: 'Norwegian', locale: 'en-US' })
    welcomed(replies, en)
    expect(shownAll(replies)).toContain('Noted: Norwegian. First, one question:')
    const age = await send({ value: answerClick(replies, 'self'), locale: 'en-US' })
    expect(shownAll(age)).toContain(en.flow.age.prompt)
    const country = await send({ value: answerClick(age, 'adult'), locale: 'en-US' })
    expect(shownAll(country)).toContain(en.flow.country.prompt)
    const after = await send({ value: listPick(country, 'NO'), locale: 'en-US' })
    const text = shownAll(after)
    expect(text).not.toContain(en.flow.language.prompt)
    expect(text).toContain(en.flow.stage.prompt_self)
    expect(text).toContain('I used what you wrote earlier: Norwegian.')
  })

  it('"I am in Sweden and speak Swedish" is a welcome (no lost place), both noted, both questions skipped', async () => {
    const replies = await send({ text: 'I am in Sweden and speak Swedish', locale: 'en-US' })
    welcomed(replies, en)
    expect(shownAll(replies)).toContain('Noted: Sweden, Swedish. First, one question:')
    expect(shownAll(replies)).not.toContain(en.bot.lost_place)
    const age = await send({ value: answerClick(replies, 'self'), locale: 'en-US' })
    expect(shownAll(age)).toContain(en.flow.age.prompt)
    const next = await send({ value: answerClick(age, 'adult'), locale: 'en-US' })
    const text = shownAll(next)
    expect(text).not.toContain(en.flow.country.prompt)
    expect(text).not.toContain(en.flow.language.prompt)
    expect(text).toContain(en.flow.stage.prompt_self)
    expect(text).toContain('I used what you wrote earlier: Sweden, Swedish.')
  })

  it('"Start again" forgets a kept name', async () => {
    const replies = await send({ text: 'Germany', locale: 'en-US' })
    const restart = clickValues(replies).find((value) => value.action === 'restart')
    const again = await send({ value: restart, locale: 'en-US' })
    const next = await send({ value: answerClick(again, 'someone'), locale: 'en-US' })
    expect(shownAll(next)).toContain(en.flow.country.prompt)
  })

  it('an Arabic name in an Arabic Teams is noted in Arabic', async () => {
    const replies = await send({ text: 'أنا في ألمانيا', locale: 'ar' })
    welcomed(replies, ar as unknown as typeof en)
    expect(shownAll(replies)).toContain(
      ar.bot.noted.replace('{{noted}}', new Intl.DisplayNames(['ar'], { type: 'region' }).of('DE') ?? 'DE'),
    )
  })
})

describe('typed words in the middle of a conversation', () => {
  it('the words of a later answer, typed instead of clicked, start again and say so plainly', async () => {
    const replies = await send({ text: en.flow.channels.phone, locale: 'en-US' })
    welcomed(replies, en)
    expect(shown(replies[0] ?? ({} as Activity))).toContain(en.bot.lost_place)
  })

  it('the words of a first-question answer answer it', async () => {
    const replies = await send({ text: en.flow.asker.someone, locale: 'en-US' })
    expect(shownAll(replies)).toContain(en.flow.country.prompt)
    expect(shownAll(replies)).not.toContain(en.app.tagline)
  })

  it('an option id typed as text is a word, not an answer', async () => {
    const replies = await send({ text: 'self', locale: 'en-US' })
    welcomed(replies, en)
  })

  it("typed text with the question's state still answers that question, codes included", async () => {
    const first = await send({ text: 'hi', locale: 'en-US' })
    const country = await send({ value: answerClick(first, 'someone'), locale: 'en-US' })
    // A client that returns the question's value with typed text (docs/webchat/helpfinderStore.js).
    const questionValue = country.at(-1)?.value
    expect(questionValue).toMatchObject({ hf: 1, action: 'answer' })
    const language = await send({ text: 'de', value: questionValue, locale: 'en-US' })
    expect(shownAll(language)).toContain(en.flow.language.prompt)
    expect(shownAll(language)).not.toContain(en.app.tagline)
  })
})

describe('names in free text, never codes', () => {
  const aliases = loadNameAliases()
  const matchers = {
    countries: createNameMatcher('region', uiLanguages, aliases.region, aliases.everydayWords?.words),
    languages: createNameMatcher('language', uiLanguages, aliases.language, aliases.everydayWords?.words),
  }
  const read = (text: string, languages: readonly string[] = ['en']) => {
    const { country, language } = findNamesInText(text, matchers, languages)
    return { country, language }
  }

  it('two-letter words are never codes, though the web field still takes them', () => {
    for (const word of ['hi', 'no', 'is', 'it', 'de', 'se', 'in', 'am', 'es', 'fr', 'nl', 'ar']) {
      expect(read(word), word).toEqual({ country: undefined, language: undefined })
    }
    // "UK" is a name people use (listed in data/name-aliases.json), so it is the country, never Ukrainian.
    expect(read('UK')).toEqual({ country: 'GB', language: undefined })
    expect(matchers.countries.find('de')).toBe('DE')
    expect(matchers.languages.find('no')).toBe('no')
  })

  it('whole names in any language, aliases, and names inside a sentence', () => {
    expect(read('Deutschland')).toEqual({ country: 'DE', language: undefined })
    expect(read('Allemagne')).toEqual({ country: 'DE', language: undefined })
    expect(read('USA')).toEqual({ country: 'US', language: undefined })
    expect(read('I live in the United States of America')).toEqual({ country: 'US', language: undefined })
    expect(read('Ich wohne in Deutschland und spreche Deutsch', ['de'])).toEqual({ country: 'DE', language: 'de' })
    expect(read('Je suis en France et je parle français', ['fr'])).toEqual({ country: 'FR', language: 'fr' })
  })

  it('everyday words that are names elsewhere are not read inside a sentence', () => {
    // "того" is Togo and "that"; "oman" is Finnish for "own"; "mali" is Croatian for "small"; a man is not the Isle of Man.
    expect(read('после того как я написал', ['ru'])).toEqual({ country: undefined, language: undefined })
    expect(read('haluan apua oman ajatteluni kanssa', ['fi'])).toEqual({ country: undefined, language: undefined })
    expect(read('moj mali brat', ['hr'])).toEqual({ country: undefined, language: undefined })
    expect(read('a man is hurting a child')).toEqual({ country: undefined, language: undefined })
    expect(read('I am worried about Jordan')).toEqual({ country: undefined, language: undefined })
    // Alone, the word still names the country.
    expect(read('Того', ['ru'])).toEqual({ country: 'TG', language: undefined })
  })

  it('two different countries name neither: asking is better than guessing', () => {
    expect(read('I am from Turkey but live in Germany')).toEqual({ country: undefined, language: undefined })
  })
})
