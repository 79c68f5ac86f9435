import * as z from 'zod'
import ar from '../../locales/ar/translation.json'
import de from '../../locales/de/translation.json'
import en from '../../locales/en/translation.json'
import fr from '../../locales/fr/translation.json'
import nl from '../../locales/nl/translation.json'
import pl from '../../locales/pl/translation.json'
import sv from '../../locales/sv/translation.json'

/** The words of one interface language, as the English file types them. */
export type Words = typeof en

/** The interface languages the personas use, with their words. */
export const WORDS = { ar, de, en, fr, nl, pl, sv } as unknown as Record<'ar' | 'de' | 'en' | 'fr' | 'nl' | 'pl' | 'sv', Words>

/**
 * Someone the bot tests walk to their results, on every client: who asks, from where, in which
 * language, and which services the directory in data/ holds for those answers (ids, in the order the
 * results show them). The ids are also checked against the JSON API (apiResults), so a change in the
 * data or in matching shows here as a changed expectation, never as a silent pass.
 */
export interface BotPersona {
  name: string
  /** The client's locale: Teams' and Web Chat's `locale` on every activity. */
  locale: string
  /** The interface language the bot answers in for that locale. */
  ui: keyof typeof WORDS
  asker: 'self' | 'someone' | 'young' | 'professional'
  /** Asked of "self" only. */
  age?: 'under_18' | 'adult'
  country: string
  language: string
  stage: string
  channels: string[]
  anonymity: 'matters' | 'not_needed'
  services: string[]
  helplines: string[]
}

/** Eight people, each in their own language and country (issue 17's "8 personas to results"). */
export const BOT_PERSONAS: readonly BotPersona[] = [
  {
    name: '1 self, Germany, German, nothing has happened',
    locale: 'de-DE',
    ui: 'de',
    asker: 'self',
    age: 'adult',
    country: 'DE',
    language: 'de',
    stage: 'nothing_happened',
    channels: ['any'],
    anonymity: 'not_needed',
    services: ['troubled-desire', 'kein-taeter-werden'],
    helplines: [],
  },
  {
    name: '2 self, United Kingdom, English, viewed images',
    locale: 'en-GB',
    ui: 'en',
    asker: 'self',
    age: 'adult',
    country: 'GB',
    language: 'en',
    stage: 'viewed_images',
    channels: ['any'],
    anonymity: 'matters',
    services: [
      'stop-it-now-uk-ireland',
      'lff-inform-young-people',
      'stopso',
      'lff-inform-plus-engage-plus',
      'stop-it-now-scotland',
      'troubled-desire',
      'redirection-self-help',
    ],
    helplines: [],
  },
  {
    name: '3 family member, Ireland, English, worried about a teenager',
    locale: 'en-IE',
    ui: 'en',
    asker: 'someone',
    country: 'IE',
    language: 'en',
    stage: 'other_young',
    channels: ['any'],
    anonymity: 'not_needed',
    services: ['stop-it-now-uk-ireland', 'stop-it-now-ireland'],
    helplines: ['childline-ie'],
  },
  {
    name: '4 professional, Netherlands, Dutch',
    locale: 'nl-NL',
    ui: 'nl',
    asker: 'professional',
    country: 'NL',
    language: 'nl',
    stage: 'other_thoughts',
    channels: ['phone', 'chat'],
    anonymity: 'not_needed',
    services: ['stop-it-now-nl'],
    helplines: [],
  },
  {
    name: '5 young person, Sweden, Swedish',
    locale: 'sv-SE',
    ui: 'sv',
    asker: 'young',
    country: 'SE',
    language: 'sv',
    stage: 'young_behaviour',
    channels: ['any'],
    anonymity: 'matters',
    services: [],
    helplines: ['bris-se'],
  },
  {
    name: '6 self, France, French, proceedings',
    locale: 'fr-FR',
    ui: 'fr',
    asker: 'self',
    age: 'adult',
    country: 'FR',
    language: 'fr',
    stage: 'proceedings',
    channels: ['any'],
    anonymity: 'not_needed',
    services: ['troubled-desire'],
    helplines: [],
  },
  {
    name: '7 self, right to left (Arabic), in Germany',
    locale: 'ar-SA',
    ui: 'ar',
    asker: 'self',
    age: 'adult',
    country: 'DE',
    language: 'ar',
    stage: 'nothing_happened',
    channels: ['self_help'],
    anonymity: 'not_needed',
    services: ['troubled-desire', 'kein-taeter-werden'],
    helplines: [],
  },
  {
    name: '8 family member, Poland, Polish',
    locale: 'pl-PL',
    ui: 'pl',
    asker: 'someone',
    country: 'PL',
    language: 'pl',
    stage: 'other_thoughts',
    channels: ['any'],
    anonymity: 'not_needed',
    services: ['redirection-poland-fdds'],
    helplines: ['fdds-116111', 'rpd-telefon-zaufania'],
  },
]

/** The persona's answers in the order the bot asks for them. */
export function personaReplies(persona: BotPersona): string[][] {
  return [
    [persona.asker],
    ...(persona.age ? [[persona.age]] : []),
    [persona.country],
    [persona.language],
    [persona.stage],
    persona.channels,
    [persona.anonymity],
  ]
}

/** The words of the stage question for this asker ("Which of these is closest to where you are now?"). */
export function stagePrompt(persona: BotPersona): string {
  return WORDS[persona.ui].flow.stage[`prompt_${persona.asker}`]
}

const Named = z.array(z.object({ id: z.string(), name: z.string() }))
const ResultsView = z.object({
  state: z.string(),
  error: z.string().nullish(),
  results: z.object({ services: Named, helplines: Named }).nullish(),
})

/**
 * The persona's results through the public JSON API, in the persona's interface language: what the
 * bot's results cards must name, card by card (services, then helplines).
 * @example (await apiResults(base, BOT_PERSONAS[0])).services.map((service) => service.id) // ['troubled-desire', 'kein-taeter-werden']
 */
export async function apiResults(base: string, persona: BotPersona) {
  let view: z.infer<typeof ResultsView> | undefined
  for (const reply of [undefined, ...personaReplies(persona)]) {
    const request = reply ? { state: view?.state, action: 'answer', reply, ui: persona.ui } : { action: 'start', ui: persona.ui }
    const response = await fetch(`${base}/api/v1/turn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    })
    view = ResultsView.parse(await response.json())
    if (view.error) throw new Error(`${persona.name}: ${JSON.stringify(reply)} → ${view.error}`)
  }
  if (!view?.results) throw new Error(`${persona.name}: no results`)
  return view.results
}

/** Names as a markdown renderer with typographic quotes shows them, for comparing what is on screen. */
export function plainQuotes(text: string): string {
  return text.replace(/[‘’]/g, "'").replace(/[“”„]/g, '"')
}
