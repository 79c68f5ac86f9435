import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import * as z from 'zod'
import {
  findBannedTerms,
  formatHit,
  loadTerminology,
  termsForLanguage,
  termsForLanguages,
  type TerminologyHit,
} from '../support/terminologyLint'

// Words (issue 4): the banned-term list covers every supported language, and the user-facing
// fields of data/ pass the lint. Each term's own examples and the locales/ and flows/ lint are
// checked in tests/unit/locales.test.ts.
const terminology = loadTerminology()
const readData = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../data/${name}`, import.meta.url), 'utf8'))

/** Words a person might meet for each concept the issue names, per supported language. */
const MUST_CATCH: Record<string, Record<string, string[]>> = {
  en: {
    'child pornography': ['child pornography', 'child porn', 'kiddie porn'],
    paedophile: ['paedophile', 'pedophiles', 'paedophilic thoughts', 'paedo'],
    predator: ['predator', 'online predators'],
    monster: ['monster', 'monsters'],
    offender: ['offender', 'sex offenders', 'sex criminal', 'child molester', 'abuser', 'nonce'],
  },
  de: {
    'child pornography': ['Kinderpornografie', 'Kinderpornographie', 'Kinderporno', 'kinderpornografische Bilder'],
    paedophile: ['Pädophiler', 'Pädophile', 'pädophilen Männern', 'Paedophiler', 'Pädophilenring', 'Pädo'],
    predator: ['Raubtier', 'Sexualraubtiere'],
    monster: ['Monster', 'Monstern'],
    offender: ['Täter', 'Täterin', 'Sexualstraftäter', 'Straftäter', 'Sexualverbrecher', 'Kinderschänder', 'Missbraucher'],
  },
  nl: {
    'child pornography': ['kinderporno', 'kinderpornografie', 'Kinderpornografisch materiaal'],
    paedophile: ['pedofiel', 'pedofielen', 'pedo'],
    predator: ['roofdier', 'seksuele roofdieren'],
    monster: ['monster', 'monsters'],
    offender: ['dader', 'zedendaders', 'zedendelinquent', 'kindermisbruiker'],
  },
}

/** The wording we do want: none of it may be flagged, or the lint would push writers away from it. */
const MUST_SPARE: Record<string, string[]> = {
  en: [
    'child sexual abuse material',
    'sexual images of children',
    'a person with a sexual interest in children',
    'a person who has been convicted',
    'fear_may_offend',
    'paedophilia',
  ],
  de: [
    'Darstellungen sexuellen Kindesmissbrauchs',
    'Menschen mit sexuellen Gedanken an Kinder',
    'Menschen nach einer Verurteilung',
    'Pädophilie',
    'Pädagogik',
    'tätig',
    'später',
  ],
  nl: [
    'beelden van seksueel kindermisbruik',
    'mensen met seksuele gedachten over kinderen',
    'mensen na een veroordeling',
    'pedofilie',
    'daadwerkelijk',
    'ladder',
  ],
}

const hitsIn = (text: string, language: string) => findBannedTerms({ text }, termsForLanguage(terminology, language))

describe('data/terminology.json covers every supported language', () => {
  for (const [language, concepts] of Object.entries(MUST_CATCH)) {
    for (const [concept, words] of Object.entries(concepts)) {
      it(`${language}: "${concept}" in all its forms`, () => {
        const missed = words.filter((word) => hitsIn(word, language).length === 0)
        expect(missed).toEqual([])
        // The language's own list must name it; leaning on an English loanword is not coverage.
        const own = words.filter((word) => hitsIn(word, language).some((hit) => hit.term.language === language))
        expect(own.length, `${language} has no term of its own for "${concept}"`).toBeGreaterThan(0)
      })
    }
  }

  it.each(Object.entries(MUST_SPARE))('%s: the preferred wording and innocent words pass', (language, texts) => {
    expect(texts.flatMap((text) => hitsIn(text, language).map(formatHit))).toEqual([])
  })

  it("every term's preferred wording passes the lint of its own language", () => {
    const flagged = terminology.terms.flatMap((term) =>
      hitsIn(term.preferred, term.language).map(
        (hit) => `${term.language} "${term.banned}" prefers "${term.preferred}", which has ${formatHit(hit)}`,
      ),
    )
    expect(flagged).toEqual([])
  })
})

// --- data/initiatives.json -------------------------------------------------------------------

const Contact = z.object({ hours: z.string().nullable(), notes: z.string().nullable() })
const Initiative = z.object({
  id: z.string(),
  name: z.string(),
  nameLocal: z.string().nullable(),
  organisation: z.string().nullable(),
  countries: z.array(z.string()),
  languages: z.array(z.string()),
  confidentiality: z.string().nullable(),
  costNotes: z.string().nullable(),
  contacts: z.array(Contact),
})
type Initiative = z.infer<typeof Initiative>
const initiatives = z.object({ initiatives: z.array(Initiative) }).parse(readData('initiatives.json')).initiatives
const officialLanguages = z
  .object({ countries: z.record(z.string(), z.array(z.string())) })
  .parse(readData('official-languages.json')).countries

/** English plus the record's languages and its countries' official languages (a record may omit its languages). */
function recordTerms(record: Pick<Initiative, 'languages' | 'countries'>) {
  return termsForLanguages(terminology, [...record.languages, ...record.countries.flatMap((country) => officialLanguages[country] ?? [])])
}

/** The texts a service card shows in the directory's own words, apart from names. */
function userFacing(record: Initiative) {
  return {
    confidentiality: record.confidentiality,
    costNotes: record.costNotes,
    contacts: record.contacts.map(({ hours, notes }) => ({ hours, notes })),
  }
}

const names = (record: Initiative) => ({ name: record.name, nameLocal: record.nameLocal, organisation: record.organisation })

/**
 * Names are proper names and shown as the service writes them, so they are exempt. These are the
 * names that use a banned term, with the words matched; adding one here is a conscious decision.
 */
const EXEMPT_PROPER_NAMES: Record<string, string[]> = {
  // The German prevention network "Kein Täter werden" ("Don't Offend") and its sites.
  'kein-taeter-werden': ['Täter'],
  'ktw-hamburg-uke': ['Täter'],
  'ktw-muenchen-lmu': ['Täter'],
  'ktw-regensburg': ['Täter'],
  'ktw-schweiz': ['Täter'],
  // The Austrian programme „Nicht Täter werden“.
  'nicht-taeter-werden-at': ['Täter'],
  // Wiener Sozialtherapeutisches Programm für Sexualtäter (WSPS).
  'wsps-at': ['täter'],
}

const lintRecord = (record: Initiative, pick: (record: Initiative) => unknown): TerminologyHit[] =>
  findBannedTerms(pick(record), recordTerms(record)).map((hit) => ({ ...hit, path: `${record.id}: ${hit.path}` }))

describe('data/initiatives.json', () => {
  it('has records with every user-facing field filled somewhere (so the lint below reads real text)', () => {
    expect(initiatives.length).toBeGreaterThan(50)
    for (const field of ['confidentiality', 'costNotes'] as const)
      expect(initiatives.filter((record) => record[field]).length, field).toBeGreaterThan(5)
    const contacts = initiatives.flatMap((record) => record.contacts)
    for (const field of ['hours', 'notes'] as const) expect(contacts.filter((contact) => contact[field]).length, field).toBeGreaterThan(2)
  })

  it('the lint reaches every user-facing field, in the languages of the record', () => {
    const record = initiatives.find((candidate) => candidate.id === 'kein-taeter-werden')
    if (!record) throw new Error('kein-taeter-werden is missing')
    const planted: Initiative = {
      ...record,
      confidentiality: 'Nothing about offenders.',
      costNotes: 'Keine Kosten für Pädophile.',
      contacts: [
        { hours: 'Mo–Fr', notes: null },
        { hours: null, notes: 'für Täter' },
      ],
    }
    expect(lintRecord(planted, userFacing).map((hit) => [hit.path, hit.match])).toEqual([
      ['kein-taeter-werden: confidentiality', 'offenders'],
      ['kein-taeter-werden: costNotes', 'Pädophile'],
      ['kein-taeter-werden: contacts[1].notes', 'Täter'],
    ])
    // Dutch terms do not apply to a German-only record.
    expect(lintRecord({ ...planted, confidentiality: 'dader', costNotes: null, contacts: [] }, userFacing)).toEqual([])
  })

  it('uses no banned term in confidentiality, costNotes or contact hours and notes', () => {
    expect(initiatives.flatMap((record) => lintRecord(record, userFacing)).map(formatHit)).toEqual([])
  })

  it('uses banned terms in service names only where EXEMPT_PROPER_NAMES lists them', () => {
    const found: Record<string, string[]> = {}
    for (const record of initiatives) {
      const matches = [...new Set(lintRecord(record, names).map((hit) => hit.match))].sort()
      if (matches.length > 0) found[record.id] = matches
    }
    const pinned = Object.fromEntries(Object.entries(EXEMPT_PROPER_NAMES).map(([id, words]) => [id, [...words].sort()]))
    expect(found).toEqual(pinned)
  })
})

// --- data/urgent-help.json -------------------------------------------------------------------

const UrgentLine = z.object({
  kind: z.string(),
  name: z.string(),
  number: z.string(),
  hours: z.string().nullable(),
  languages: z.array(z.string()).nullable(),
})
const urgentCountries = z
  .object({ countries: z.array(z.object({ country: z.string(), lines: z.array(UrgentLine) })) })
  .parse(readData('urgent-help.json')).countries

describe('data/urgent-help.json', () => {
  it('uses no banned term in the names and hours of urgent lines (no exemptions)', () => {
    const hits = urgentCountries.flatMap(({ country, lines }) =>
      lines.flatMap((line, index) => {
        const terms = termsForLanguages(terminology, [...(line.languages ?? []), ...(officialLanguages[country] ?? [])])
        return findBannedTerms({ name: line.name, hours: line.hours }, terms).map((hit) => `${country} lines[${index}].${formatHit(hit)}`)
      }),
    )
    expect(urgentCountries.length).toBeGreaterThan(30)
    expect(hits).toEqual([])
  })
})
