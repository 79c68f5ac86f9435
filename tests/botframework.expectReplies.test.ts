import type { Activity } from 'botbuilder'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { activity, button, buttonsOf, heroCards, LOCAL_TESTING, postActivity, textOf } from './support/botClient'
import de from '../locales/de/translation.json'
import { startNodeServer } from './support/startNodeServer'

// The Bot Framework channel over real HTTP with deliveryMode "expectReplies" and no credentials
// (the Emulator set-up: BOT_LOCAL_TESTING=on). A person only clicks the buttons (or picks from the lists) on the bot's
// Adaptive Cards; for the country and language questions they may type a name, sent with the `value` the question carried (see README).
let server: Awaited<ReturnType<typeof startNodeServer>>
beforeAll(async () => {
  server = await startNodeServer({ bot: LOCAL_TESTING })
})
afterAll(async () => server.stop())

type Move = { click: string } | { type: string }

async function send(body: Record<string, unknown>) {
  const reply = await postActivity(server.base, activity(body))
  expect(reply.status).toBe(200)
  expect(reply.activities.length).toBeGreaterThan(0)
  return reply.activities
}

/** Starts like a channel does (a person joins), then makes each move on the bot's last reply. */
async function converse(locale: string | undefined, moves: Move[]) {
  let replies = await send({ type: 'conversationUpdate', membersAdded: [{ id: 'helpfinder-bot' }, { id: 'person-1' }], locale })
  const all: Activity[][] = [replies]
  for (const move of moves) {
    replies =
      'click' in move
        ? await send({ value: button(replies, move.click).value, locale })
        : await send({ text: move.type, value: replies.at(-1)?.value, locale })
    all.push(replies)
  }
  return all
}

function expectNavigation(replies: readonly Activity[], canGoBack: boolean) {
  const titles = buttonsOf(replies).map((action) => action.title)
  expect(titles).toEqual(expect.arrayContaining(['Urgent help', 'Start again']))
  expect(titles.includes('Back')).toBe(canGoBack)
}

describe('Bot Framework channel, expectReplies', () => {
  it('greets a person who joins and asks the first question with buttons that carry the state', async () => {
    const [replies = []] = await converse(undefined, [])
    expect(textOf(replies)).toContain('We store nothing about you')
    expect(textOf(replies)).toContain('Who are you looking for help for?')
    const buttons = buttonsOf(replies)
    expect(buttons.map((action) => action.title)).toEqual([
      'Me, about my own thoughts or behaviour',
      'Someone I know or care about',
      'I am under 18 and worried about my own thoughts or behaviour',
      'I work with people who need this help',
      'Urgent help',
      'Start again',
    ])
    // The Emulator renders Adaptive Cards: the question is one card whose buttons are Action.Submit.
    expect(replies.at(-1)?.attachments?.map((attachment) => attachment.contentType)).toEqual(['application/vnd.microsoft.card.adaptive'])
    for (const action of buttons) {
      expect(action.type).toBe('Action.Submit')
      expect(action.value).toMatchObject({ hf: 1, state: expect.any(String) })
    }
  })

  it('says nothing when only the bot joins', async () => {
    const reply = await postActivity(server.base, activity({ type: 'conversationUpdate', membersAdded: [{ id: 'helpfinder-bot' }] }))
    expect(reply).toEqual({ status: 200, activities: [] })
  })

  it('someone in Germany worried about themselves ends at Kein Täter werden', async () => {
    const all = await converse(undefined, [
      { click: 'self' },
      { click: 'adult' },
      { type: 'Deutschland' },
      { type: 'Deutsch' },
      { click: 'nothing_happened' },
      { click: 'any' },
      { click: 'not_needed' },
    ])
    for (const replies of all.slice(1)) expectNavigation(replies, true)
    expectNavigation(all[0] ?? [], false)
    const last = all.at(-1) ?? []
    const cards = heroCards(last)
    const kein = cards.find((card) => card.title.includes('Kein Täter werden'))
    expect(kein?.subtitle).toBeTruthy()
    // No one has compared this record with its sources yet: the card says so calmly, and how recent its sources are.
    expect(kein?.text).toContain('Not yet checked by us against its sources')
    expect(kein?.text).toMatch(/Information from (about )?(\w+ )?\d{4}|Its sources give no date/)
    expect(kein?.buttons?.some((action) => action.type === 'openUrl' && action.value === 'https://www.kein-taeter-werden.de')).toBe(true)
    expect(kein?.text).toContain('through their website')
  })

  it('someone worried about a person they know in the UK gets Stop It Now! UK and Ireland', async () => {
    const all = await converse(undefined, [
      { click: 'someone' },
      { type: 'United Kingdom' },
      { click: 'English' },
      { click: 'other_thoughts' },
      { click: 'phone' },
      { click: 'not_needed' },
    ])
    const stopItNow = heroCards(all.at(-1) ?? []).find((card) => card.title === 'Stop It Now! UK and Ireland helpline')
    expect(stopItNow?.buttons?.some((action) => action.type === 'call' && /^tel:\+?\d+$/.test(String(action.value)))).toBe(true)
  })

  it('a young person in Germany worried about their own behaviour ("I am under 18 …") gets the youth programme, in German', async () => {
    const all = await converse('de-DE', [
      { click: 'young' },
      { type: 'Deutschland' },
      { click: 'Deutsch' },
      { click: 'young_behaviour' },
      { click: 'any' },
      { click: 'not_needed' },
    ])
    expect(textOf(all[0] ?? [])).toContain('Für wen suchen Sie Hilfe?')
    expect(heroCards(all.at(-1) ?? []).map((card) => card.title)).toContain(
      'PPJ – Primäre Prävention von sexuellem Kindesmissbrauch durch Jugendliche („Du träumst von ihnen“)',
    )
  })

  it('a 15-year-old in Germany: "Me", then the age question as buttons, "Under 18": the youth programme and the child helpline, no adult programme', async () => {
    const all = await converse('de-DE', [
      { click: 'self' },
      { click: 'under_18' },
      { type: 'Deutschland' },
      { click: 'Deutsch' },
      { click: 'nothing_happened' },
      { click: 'any' },
      { click: 'not_needed' },
    ])
    const ageQuestion = all[1] ?? []
    expect(textOf(ageQuestion)).toContain(de.flow.age.prompt)
    expect(textOf(ageQuestion)).toContain(de.flow.age.hint)
    expect(buttonsOf(ageQuestion).map((action) => action.title)).toEqual(expect.arrayContaining([de.flow.age.under_18, de.flow.age.adult]))
    expect(textOf(all[2] ?? [])).toContain(de.flow.country.prompt)
    const titles = heroCards(all.at(-1) ?? []).map((card) => card.title)
    expect(titles).toContain('PPJ – Primäre Prävention von sexuellem Kindesmissbrauch durch Jugendliche („Du träumst von ihnen“)')
    expect(titles.some((title) => title.startsWith('Nummer gegen Kummer'))).toBe(true)
    for (const adult of ['Kein Täter werden', 'Troubled Desire'])
      expect(
        titles.some((title) => title.includes(adult)),
        adult,
      ).toBe(false)
  })

  it('a professional in the Netherlands gets Stop it Now! Nederland', async () => {
    const all = await converse('nl-NL', [
      { click: 'professional' },
      { type: 'Nederland' },
      { click: 'Nederlands' },
      { click: 'other_images' },
      { click: 'any' },
      { click: 'not_needed' },
    ])
    expect(heroCards(all.at(-1) ?? []).map((card) => card.title)).toContain('Stop it Now! Nederland')
  })

  it('urgent help shows the German numbers as call buttons, and the question stays', async () => {
    const all = await converse(undefined, [{ click: 'self' }, { click: 'adult' }, { type: 'Deutschland' }, { click: 'Urgent help' }])
    const replies = all.at(-1) ?? []
    const urgent = heroCards(replies).find((card) => card.title === 'Urgent help')
    expect(urgent?.buttons?.map((action) => [action.type, action.value])).toContainEqual(['call', 'tel:112'])
    expect(textOf(replies)).toContain('In which language would you like help?')
    // The one question rides on the card: "I might hurt myself" puts the German crisis line first.
    const hurt = urgent?.buttons?.find((action) => action.title === 'I might hurt myself')
    expect(hurt).toBeDefined()
    const answered = await send({ value: hurt?.value })
    const first = heroCards(answered).find((card) => card.title === 'Urgent help')
    expect(first?.buttons?.[0]?.value).toBe('tel:08001110111')
    expect(first?.text).toContain('Call 0800 111 0 111 now.')
    expect(textOf(answered)).toContain('In which language would you like help?')
  })

  it('"Back" returns to the previous question and "Start again" to the first', async () => {
    const all = await converse(undefined, [{ click: 'self' }, { click: 'adult' }, { type: 'Deutschland' }, { click: 'Back' }])
    expect(textOf(all.at(-1) ?? [])).toContain('Which country are you in?')
    const restarted = await send({ value: button(all.at(-1) ?? [], 'Start again').value })
    expect(textOf(restarted)).toContain('Who are you looking for help for?')
  })

  it('a typed country with no state starts a new conversation that skips the country question', async () => {
    const first = await send({ text: 'Deutschland' })
    expect(textOf(first)).toContain('Who are you looking for help for?')
    expect(textOf(first)).not.toContain('Please choose')
    expect(textOf(first)).toContain('Noted: Germany. First, one question:')
    const next = await send({ value: button(first, 'self').value })
    expect(textOf(next)).toContain('How old are you?')
    const language = await send({ value: button(next, 'adult').value })
    expect(textOf(language)).toContain('In which language would you like help?')
  })

  it('a typed answer to the first question with no state is understood', async () => {
    const replies = await send({ text: 'Someone I know or care about' })
    expect(textOf(replies)).toContain('Which country are you in?')
  })

  it('words it cannot place get the first question again, never an error', async () => {
    const replies = await send({ text: 'hello?' })
    expect(textOf(replies)).toContain('Who are you looking for help for?')
  })

  it('a tampered state gets a kind notice and a fresh start', async () => {
    const [greeting = []] = await converse(undefined, [])
    const value = button(greeting, 'self').value
    const replies = await send({ value: { ...value, state: `${value.state.slice(0, -4)}AAAA` } })
    expect(textOf(replies)).toContain('we have started a new one')
    expect(textOf(replies)).toContain('Who are you looking for help for?')
  })

  it('an invoke is answered without an error', async () => {
    const reply = await postActivity(server.base, activity({ type: 'invoke', name: 'something/unknown', deliveryMode: undefined }))
    expect(reply.status).toBe(200)
  })
})
