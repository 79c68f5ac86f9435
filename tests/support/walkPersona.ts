import type { Activity } from 'botbuilder'
import { textOf } from './botClient'
import { stagePrompt, WORDS, type BotPersona } from './botPersonas'
import type { CardChannelClient } from './cardChannelClient'

/** One step of a walk: what the person did, the bot's answer, and the list they chose from, if any. */
export interface WalkStep {
  name: string
  replies: Activity[]
  list: ReturnType<CardChannelClient['list']>
}

/** The words a person reads and taps for an option of the first, age, stage or anonymity question. */
export function optionLabel(persona: BotPersona, group: 'asker' | 'age' | 'stage' | 'anonymity', id: string): string {
  const found: unknown = (WORDS[persona.ui].flow[group] as Record<string, unknown>)[id]
  if (typeof found !== 'string') throw new Error(`no label flow.${group}.${id}`)
  return found
}

/**
 * A persona's whole conversation in a card client, as issue 17 describes Teams: the bot installed,
 * a first message typed ("hi"), then every answer clicked (answers tapped, country and language
 * chosen in the card's list, contact channels ticked, each list sent with "Continue"). Each answer
 * must ask the next question in the persona's language, or the walk stops with the step that failed.
 * @example const steps = await walkPersona(cardChannelClient({ base, channelId: 'msteams', locale: 'de-DE' }), BOT_PERSONAS[0])
 */
export async function walkPersona(client: CardChannelClient, persona: BotPersona, firstMessage = 'hi'): Promise<WalkStep[]> {
  const words = WORDS[persona.ui]
  const steps: WalkStep[] = []
  const step = async (name: string, act: () => Promise<Activity[]>, expected: string, list?: readonly string[]) => {
    const chosenFrom = list ? client.list() : undefined
    if (list) client.choose(list)
    const replies = await act()
    if (!textOf(replies).includes(expected))
      throw new Error(`${persona.name}, ${name}: expected "${expected}" in ${textOf(replies).slice(0, 400)}`)
    steps.push({ name, replies, list: chosenFrom })
  }
  await step('install', () => client.install(), words.flow.asker.prompt)
  await step(`"${firstMessage}"`, () => client.type(firstMessage), words.flow.asker.prompt)
  const age = persona.age
  if (age) {
    await step('asker', () => client.tap(optionLabel(persona, 'asker', persona.asker)), words.flow.age.prompt)
    await step('age', () => client.tap(optionLabel(persona, 'age', age)), words.flow.country.prompt)
  } else await step('asker', () => client.tap(optionLabel(persona, 'asker', persona.asker)), words.flow.country.prompt)
  await step('country', () => client.tap(words.nav.continue), words.flow.language.prompt, [persona.country])
  await step('language', () => client.tap(words.nav.continue), stagePrompt(persona), [persona.language])
  await step('stage', () => client.tap(optionLabel(persona, 'stage', persona.stage)), words.flow.channels.prompt)
  await step('channels', () => client.tap(words.nav.continue), words.flow.anonymity.prompt, persona.channels)
  await step('anonymity', () => client.tap(optionLabel(persona, 'anonymity', persona.anonymity)), words.results.disclaimer)
  return steps
}
