import type { DirectoryData } from '../../src/core/directory/directoryData'
import { InitiativeSchema, type Initiative } from '../../src/core/directory/initiativeSchema'

/** The fields every fixture shares: an active prevention service in Sweden for a person worried about their thoughts. */
const base = {
  kind: 'prevention',
  nameLocal: null,
  organisation: 'Fictional operator (tests only)',
  status: 'active',
  statusNote: null,
  countries: ['SE'],
  subnational: null,
  online: false,
  languages: ['sv'],
  tags: { target_group: ['fear_may_offend'], contact_channel: ['phone'] },
  inferred: [],
  free: null,
  costNotes: null,
  anonymous: null,
  confidentiality: null,
  lastChecked: null,
  checkedBy: null,
  confidence: 'medium',
} as const

/**
 * A record whose only way in is the operator's page about it: no website, and a phone channel
 * named without a number (so nothing may be shown for it).
 */
export const ABOUT_ONLY: Initiative = InitiativeSchema.parse({
  ...base,
  id: 'test-about-page-only',
  name: 'Test service with only an about page',
  summary: "A fictional telephone line, known only from its operator's page about it.",
  website: null,
  aboutPage: 'https://operator.example/programmes/test-line',
  aboutPageBy: 'operator',
  contacts: [{ channel: 'phone', value: null, hours: null, languages: null, notes: null }],
  sources: [{ url: 'https://operator.example/programmes/test-line', date: '2025-03', supports: 'service, target group' }],
  ownWords: [],
})

/** The Swedish text of OWN_WORDS, quoted from its second source. */
export const SWEDISH_WORDS =
  'Anonym stödlinje för dig som oroar dig för dina sexuella tankar om barn. Du behöver inte säga vem du är – ”ring oss” & prata.'

/** A record with its own words in Swedish (from its second source) and an official page about it. */
export const OWN_WORDS: Initiative = InitiativeSchema.parse({
  ...base,
  id: 'test-own-words',
  name: 'Test service with its own words',
  summary: 'A fictional anonymous line for people worried about their sexual thoughts about children.',
  website: 'https://own-words.example/',
  aboutPage: 'https://ministry.example/press/test-line',
  aboutPageBy: 'official',
  contacts: [],
  sources: [
    { url: 'https://ministry.example/press/test-line', date: '2024-09', supports: 'funding, target group' },
    { url: 'https://own-words.example/om-oss', date: 'undated', supports: 'description in Swedish' },
  ],
  ownWords: [
    { language: 'sv', text: SWEDISH_WORDS, source: 'https://own-words.example/om-oss' },
    { language: 'ar', text: 'خط هاتفي مجهول الهوية (نص تجريبي).', source: 'https://own-words.example/om-oss' },
  ],
})

/**
 * The directory with only the fixtures as services (urgent numbers and taxonomy as in data/), so a
 * result page shows exactly them whatever data/ holds.
 * @example startNodeServer({ seed: withOnlyFixtures(loadBundledData()) })
 */
export function withOnlyFixtures(seed: DirectoryData): DirectoryData {
  return { ...seed, initiatives: [ABOUT_ONLY, OWN_WORDS], partners: [] }
}
