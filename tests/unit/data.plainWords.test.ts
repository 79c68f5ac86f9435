import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import * as z from 'zod'
import { findBannedTerms, formatHit, loadTerminology, termsForLanguages } from '../support/terminologyLint'

// Issue 16, item 6: a frightened person reads plain statements of what happens when they get in
// touch, not where a fact came from ("A copy of a draft Wikipedia article says …"). Where a fact is
// open, the text says "not confirmed". Sources are real pages, not mirror copies.

const readData = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../data/${name}`, import.meta.url), 'utf8'))

const Record = z.object({
  id: z.string(),
  status: z.string(),
  summary: z.string().nullable(),
  confidentiality: z.string().nullable(),
  costNotes: z.string().nullable(),
  languages: z.array(z.string()),
  countries: z.array(z.string()),
  contacts: z.array(z.object({ hours: z.string().nullable(), notes: z.string().nullable() })),
  sources: z.array(z.object({ url: z.string() })),
})
const records = z.object({ initiatives: z.array(Record) }).parse(readData('initiatives.json')).initiatives
/** Only active records are ever shown to a person (as a service or, without a contact, as a named gap). */
const shown = records.filter((record) => record.status === 'active')

/** Words that say where a fact came from, or that are a curator's note, rather than what happens. */
const SOURCE_HEDGES: readonly RegExp[] = [
  /according to/i,
  /\ba copy of\b/i,
  /wikipedia/i,
  /newspaper/i,
  /\barticle\b/i,
  /reportedly/i,
  /\bas reported\b|\breport(?:s|ed)? (?:says|that)\b|\bnews report\b/i,
  /\((?:[^)]*\s)?(?:~|around |about |likely )(?:19|20)\d\d/i, // "(~2016)", "(around 2019)"
  /\bsources?\b/i,
  /\bretrieved\b|\bnot captured\b|\bdate not (?:captured|known)\b/i,
  /\bmirror\b/i,
  /\bpress(?: release)?\b|\bblog\b|\bconference abstract\b/i,
  /\bper [\w-]+\.[a-z]{2,}\b/i, // "per canee.net"
  /\b(?:un)?verif(?:y|ied)\b/i, // curators' notes; a person reads "not confirmed"
  /\bECSA\b|European database/i,
]

/** Hosts that only copy other sites' pages: never a source. Short on purpose; add one when found. */
const MIRROR_HOSTS = ['wiki.riteme.site', 'redite.crans.org', 'adoc.pub', 'wikiwand.com', 'www.wikiwand.com']

function userFacing(record: z.infer<typeof Record>): Array<[string, string]> {
  const fields: Array<[string, string | null]> = [
    ['summary', record.summary],
    ['confidentiality', record.confidentiality],
    ['costNotes', record.costNotes],
    ...record.contacts.flatMap(
      (contact, index): Array<[string, string | null]> => [
        [`contacts[${index}].hours`, contact.hours],
        [`contacts[${index}].notes`, contact.notes],
      ],
    ),
  ]
  return fields.filter((field): field is [string, string] => field[1] !== null)
}

const hedgesIn = (text: string) => SOURCE_HEDGES.filter((pattern) => pattern.test(text)).map(String)

describe('plain words in the records people are shown', () => {
  it('the hedge patterns catch the wording issue 16 quotes, and spare plain statements', () => {
    expect(
      hedgesIn(
        'Anonymous and free. A copy of a draft Wikipedia article says that no identifying information or IP addresses are recorded.',
      ),
    ).not.toEqual([])
    expect(hedgesIn('Your first contact can be anonymous (according to a newspaper article from around 2016).')).not.toEqual([])
    expect(hedgesIn('Government funding for 24/7 availability (~2016).')).not.toEqual([])
    expect(hedgesIn('Phone number not captured in retrieved sources.')).not.toEqual([])
    expect(hedgesIn('Reserved by the EC (Decision 2007/689/EC per canee.net).')).not.toEqual([])
    for (const plain of [
      'Confidential. Whether you can stay anonymous is not confirmed.',
      'Confidential within the law: if you tell them about a past offence, it is not necessarily reported, unless a specific child or vulnerable adult is at risk.',
      'Mon-Sat 14:00-20:00 (as of 2020)',
      'E-mail: contact@seos.be.',
    ])
      expect(hedgesIn(plain), plain).toEqual([])
  })

  it('there are shown records with text to read (so the checks below read real text)', () => {
    expect(shown.length).toBeGreaterThan(40)
    expect(shown.filter((record) => record.confidentiality).length).toBeGreaterThan(20)
  })

  it('no user-facing field says where a fact came from', () => {
    const found = shown.flatMap((record) =>
      userFacing(record).flatMap(([field, text]) => hedgesIn(text).map((pattern) => `${record.id}: ${field} matches ${pattern}: ${text}`)),
    )
    expect(found).toEqual([])
  })

  it('says "not confirmed" rather than "unconfirmed" or "uncertain" about a fact', () => {
    const found = shown.flatMap((record) =>
      userFacing(record)
        .filter(([, text]) => /\b(?:unconfirmed|uncertain)\b/i.test(text))
        .map(([field, text]) => `${record.id}: ${field}: ${text}`),
    )
    expect(found).toEqual([])
  })

  it('summaries use no banned or stigmatising term either (the card fields are linted in tests/unit/terminology.test.ts)', () => {
    const terminology = loadTerminology()
    const officialLanguages = z
      .object({ countries: z.record(z.string(), z.array(z.string())) })
      .parse(readData('official-languages.json')).countries
    const hits = shown.flatMap((record) => {
      const terms = termsForLanguages(terminology, [
        ...record.languages,
        ...record.countries.flatMap((country) => officialLanguages[country] ?? []),
      ])
      return findBannedTerms({ summary: record.summary }, terms).map((hit) => `${record.id}: ${formatHit(hit)}`)
    })
    expect(hits).toEqual([])
  })
})

describe('source addresses', () => {
  const hostOf = (url: string) => new URL(url).hostname

  it('no host ends with a dot (https://example.org./x is https://example.org/x)', () => {
    const dotted = records.flatMap((record) =>
      record.sources.filter((source) => /^https:\/\/[^/?#]*\.(?:[/?#]|$)/.test(source.url)).map((source) => `${record.id}: ${source.url}`),
    )
    expect(dotted).toEqual([])
  })

  it('no shown record cites a mirror copy, and every shown record keeps a source', () => {
    const mirrored = shown.flatMap((record) =>
      record.sources.filter((source) => MIRROR_HOSTS.includes(hostOf(source.url))).map((source) => `${record.id}: ${source.url}`),
    )
    expect(mirrored).toEqual([])
    expect(shown.filter((record) => record.sources.length === 0).map((record) => record.id)).toEqual([])
  })
})
