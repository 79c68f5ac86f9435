import { describe, expect, it } from 'vitest'
import { regionFromAcceptLanguage } from '../../src/channels/shared/regionFromAcceptLanguage'
import { urgentView } from '../../src/channels/shared/urgentView'
import { sharedUrgentLines } from '../../src/core/crisis/sharedUrgentLines'
import { orderUrgentLines } from '../../src/core/crisis/urgentReason'
import type { DirectoryData } from '../../src/core/directory/directoryData'
import { indexDirectory } from '../../src/core/directory/indexDirectory'
import type { UrgentLine } from '../../src/core/directory/urgentHelpSchema'
import { createTranslator } from '../../src/i18n/createTranslator'
import { loadBundledData } from '../../src/storage/bundledData'

// With no country known, urgent help offers the numbers many countries' records share, derived
// from the data on file; and the browser's region is found in any Accept-Language entry.
const data = loadBundledData()
const index = indexDirectory(data)

const line = (
  kind: UrgentLine['kind'],
  number: string,
  url = `https://example.org/${number.replace(/\s+/g, '')}`,
  supports = 'a fact',
): UrgentLine => ({
  kind,
  name: `${kind} ${number}`,
  number,
  hours: null,
  languages: null,
  sources: [{ url, date: '2025-01-01', supports }],
  lastChecked: '2025-01-01',
  checkedBy: 'Test curator',
})
const withUrgent = (urgent: DirectoryData['urgent']) => indexDirectory({ ...data, urgent })

describe('sharedUrgentLines on the data on file', () => {
  it('gives 112, 116 111, 116 123 and 116 000, emergency first, each with the countries that list it and a source', () => {
    const shared = sharedUrgentLines(index)
    expect(shared.map(({ kind, number }) => [kind, number])).toEqual([
      ['emergency', '112'],
      ['child_helpline', '116 111'],
      ['crisis', '116 123'],
      ['missing_children', '116 000'],
    ])
    for (const entry of shared) {
      const listing = data.urgent.filter((country) =>
        country.lines.some((each) => each.kind === entry.kind && each.number.replace(/\s+/g, '') === entry.number.replace(/\s+/g, '')),
      )
      expect(entry.countries).toEqual(listing.map((country) => country.country).sort())
      // The source is one those countries' own lines cite: nothing invented.
      const cited = listing.flatMap((country) => country.lines.flatMap((each) => each.sources.map((source) => source.url)))
      expect(cited).toContain(entry.source.url)
    }
    expect(shared[0]?.countries).not.toContain('US')
    expect(shared[0]?.countries).toContain('DE')
  })

  it('is computed once per directory index', () => {
    expect(sharedUrgentLines(index)).toBe(sharedUrgentLines(index))
    expect(sharedUrgentLines(indexDirectory(data))).not.toBe(sharedUrgentLines(index))
  })

  it('ordered by the answer: a child in danger → 112 first; "I might hurt myself" → 116 123 first, nothing dropped', () => {
    expect(orderUrgentLines(sharedUrgentLines(index), 'child_danger').map((entry) => entry.number)).toEqual([
      '112',
      '116 111',
      '116 000',
      '116 123',
    ])
    expect(orderUrgentLines(sharedUrgentLines(index), 'self_harm').map((entry) => entry.number)).toEqual([
      '116 123',
      '112',
      '116 111',
      '116 000',
    ])
  })
})

describe('sharedUrgentLines rules', () => {
  it('a number only two countries share is not offered (999 in GB and IE, 911 in US and CA)', () => {
    const shared = sharedUrgentLines(
      withUrgent([
        { country: 'US', lines: [line('emergency', '911')] },
        { country: 'CA', lines: [line('emergency', '911')] },
      ]),
    )
    expect(shared).toEqual([])
  })

  it('per kind, the number the most countries share; spacing does not split a number', () => {
    const shared = sharedUrgentLines(
      withUrgent([
        { country: 'AA', lines: [line('emergency', '112'), line('crisis', '116 123')] },
        { country: 'BB', lines: [line('emergency', '112'), line('crisis', '116123')] },
        { country: 'CC', lines: [line('emergency', '112'), line('crisis', '116 123')] },
        { country: 'DD', lines: [line('emergency', '911')] },
        { country: 'EE', lines: [line('emergency', '911')] },
        { country: 'FF', lines: [line('emergency', '911')] },
        { country: 'GG', lines: [line('emergency', '911')] },
      ]),
    )
    expect(shared.map(({ kind, number, countries }) => [kind, number, countries.length])).toEqual([
      ['emergency', '911', 4],
      ['crisis', '116 123', 3],
    ])
  })

  it('the source: the one cited most; on a tie, one that names the number', () => {
    const shared = sharedUrgentLines(
      withUrgent([
        { country: 'AA', lines: [line('crisis', '116 123', 'https://a.example/', 'a crisis line')] },
        { country: 'BB', lines: [line('crisis', '116 123', 'https://b.example/', 'call 116-123 any time')] },
        { country: 'CC', lines: [line('crisis', '116 123', 'https://c.example/', 'free')] },
      ]),
    )
    expect(shared[0]?.source.url).toBe('https://b.example/')
  })

  it('the source records list first wins over one merely cited more often: 112 shows the official EC release, not a local page', () => {
    const twoSources = (country: string, first: string, second: string) => ({
      country,
      lines: [
        {
          ...line('emergency', '112', first, '112 works'),
          sources: [line('emergency', '112', first, '112 works').sources[0]!, line('emergency', '112', second, '112 works').sources[0]!],
        },
      ],
    })
    const shared = sharedUrgentLines(
      withUrgent([
        twoSources('AA', 'https://official.example/', 'https://local.example/'),
        twoSources('BB', 'https://official.example/', 'https://local.example/'),
        { country: 'CC', lines: [line('emergency', '112', 'https://local.example/', '112 works')] },
      ]),
    )
    expect(shared[0]?.source.url).toBe('https://official.example/')
    expect(sharedUrgentLines(index).find((entry) => entry.number === '112')?.source.url).toBe(
      'https://www.anacom.pt/render.jsp?contentId=779218',
    )
  })
})

describe('urgentView never leaves the person without a number or a sentence', () => {
  it('no country: the shared numbers, "Call 112 now." and the reason it shows these', async () => {
    const t = (await createTranslator()).t('en')
    const view = urgentView(index, undefined, t, 'en', 'child_danger')
    expect(view.shared).toBe(true)
    expect(view.lines.map((each) => each.tel)).toEqual(['tel:112', 'tel:116111', 'tel:116000', 'tel:116123'])
    expect(view.callFirst).toBe('Call 112 now.')
    expect(view.gap).toBe(t('urgent.no_country'))
    expect(view.lines[0]?.where?.countries).toMatch(/^Austria, Belgium, .*, Switzerland, and United Kingdom$/)
  })

  it('a country with nothing on file: the shared numbers, but not told to dial numbers listed for other countries', async () => {
    const t = (await createTranslator()).t('en')
    expect(index.urgentByCountry.has('JP')).toBe(false)
    const view = urgentView(index, 'JP', t, 'en', 'child_danger')
    expect(view.lines.length).toBeGreaterThan(0)
    expect(view.lines.every((each) => each.where !== undefined)).toBe(true)
    expect(view.callFirst).toBe(t('urgent.no_country_data'))
  })

  it('a directory with no shared numbers still says something when asked', async () => {
    const t = (await createTranslator()).t('en')
    const view = urgentView(withUrgent([{ country: 'US', lines: [line('emergency', '911')] }]), undefined, t, 'en', 'self_harm')
    expect(view.lines).toEqual([])
    expect(view.callFirst).toBe(t('urgent.no_country_data'))
  })
})

describe('regionFromAcceptLanguage', () => {
  const known = index.countries
  it.each([
    ['fr', undefined],
    ['', undefined],
    [undefined, undefined],
    ['de-AT,de;q=0.9', 'AT'],
    ['fr, de-AT;q=0.8', 'AT'],
    // The most preferred entry wins, not the first written.
    ['fr-CH;q=0.5, nl-BE;q=0.9', 'BE'],
    // q=0 means "not this one".
    ['de-AT;q=0, fr-BE;q=0.1', 'BE'],
    // A script before the region.
    ['sr-Latn-RS, zh-Hant-TW', undefined],
    ['sr-Latn-HR', 'HR'],
    ['de_DE', 'DE'],
    // Not a country: a numeric region, a private use tag, a region Helpfinder has nothing for.
    ['es-419, x-klingon, en-ZZ', undefined],
    // After more than 8 entries (the old limit), still found.
    ['en, fr, pl, sv, ar, it, es, nl, da, de-AT', 'AT'],
  ])('%s → %s', (header, region) => {
    expect(regionFromAcceptLanguage(header, known)).toBe(region)
  })

  it('reads at most 32 entries of a long header', () => {
    const filler = Array.from({ length: 31 }, () => 'fr').join(',')
    expect(regionFromAcceptLanguage(`${filler},de-AT`, known)).toBe('AT')
    expect(regionFromAcceptLanguage(`${filler},fr,de-AT`, known)).toBeUndefined()
  })
})
