import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import officialLanguagesFile from '../data/official-languages.json'
import { computeCoverage, OfficialLanguagesFileSchema, type CountryCoverage, type CoverageReport } from '../src/curation/computeCoverage'
import { coverageHtml } from '../src/curation/coverageHtml'
import { coverageText, urgentCell } from '../src/curation/coverageText'
import { expectedUrgentKinds } from '../src/curation/expectedUrgentKinds'
import type { DirectoryData } from '../src/core/directory/directoryData'
import { InitiativeSchema, type Initiative } from '../src/core/directory/initiativeSchema'
import { isContactable } from '../src/core/directory/isContactable'
import { TaxonomySchema } from '../src/core/directory/taxonomySchema'
import { UrgentCountrySchema, type UrgentLine } from '../src/core/directory/urgentHelpSchema'
import { loadBundledData } from '../src/storage/bundledData'
import { findBannedTerms, formatHit, loadTerminology, termsForLanguage } from './support/terminologyLint'
import { EU_27 } from './support/euMemberStates'

const officialLanguages = OfficialLanguagesFileSchema.parse(officialLanguagesFile).countries
const EU = EU_27
const REPORT_COUNTRIES = [...EU, 'GB', 'NO', 'CH', 'US', 'CA', 'AU']

function country(report: CoverageReport, code: string): CountryCoverage {
  const found = report.countries.find((entry) => entry.code === code)
  if (!found) throw new Error(`${code} missing from the report`)
  return found
}
const ids = (services: { id: string }[]) => services.map((service) => service.id)
const gapsFor = (report: CoverageReport, code: string) => report.gaps.filter((gap) => gap.country === code).map((gap) => gap.text)

describe('data/official-languages.json', () => {
  it('covers every country of the report with the official languages we expect', () => {
    expect(Object.keys(officialLanguages).sort()).toEqual([...REPORT_COUNTRIES].sort())
    expect(officialLanguages.BE).toEqual(['nl', 'fr', 'de'])
    expect(officialLanguages.CH).toEqual(['de', 'fr', 'it', 'rm'])
    expect(officialLanguages.LU).toEqual(['lb', 'fr', 'de'])
    expect(officialLanguages.FI).toEqual(['fi', 'sv'])
    expect(officialLanguages.CA).toEqual(['en', 'fr'])
  })
})

describe('computeCoverage on the real directory', () => {
  const data = loadBundledData()
  const report = computeCoverage({ data, officialLanguages, today: new Date('2026-11-23') })
  const byId = new Map(data.initiatives.map((initiative) => [initiative.id, initiative]))

  it('has one row per EU member state plus GB, NO, CH, US, CA and AU', () => {
    expect(report.countries.map((entry) => entry.code).sort()).toEqual([...REPORT_COUNTRIES].sort())
    expect(country(report, 'SK').name).toBe('Slovakia')
  })

  it('finds at least two national services in Germany for people who fear they may offend', () => {
    expect(country(report, 'DE').targetGroups.fear_may_offend?.national).toBeGreaterThanOrEqual(2)
  })

  it('lists a country with no service for people in criminal proceedings, in plain words', () => {
    expect(country(report, 'SK').targetGroups.in_criminal_proceedings).toEqual({ national: 0, online: 0 })
    expect(gapsFor(report, 'SK')).toContain('no service found for people in criminal proceedings in Slovakia')
  })

  it('counts no service both national and online-only, and target groups add up', () => {
    for (const entry of report.countries) {
      const national = new Set(ids(entry.national))
      expect(
        ids(entry.onlineOnly).filter((id) => national.has(id)),
        entry.code,
      ).toEqual([])
      for (const counts of Object.values(entry.targetGroups)) {
        expect(counts.national).toBeLessThanOrEqual(entry.national.length)
        expect(counts.online).toBeLessThanOrEqual(entry.onlineOnly.length)
      }
    }
  })

  it('counts only active, contactable prevention services; doubtful records never', () => {
    const counted = report.countries.flatMap((entry) => [...entry.national, ...entry.onlineOnly]).map((service) => byId.get(service.id))
    expect(counted.length).toBeGreaterThan(0)
    for (const initiative of counted) {
      expect(initiative?.status).toBe('active')
      expect(initiative?.kind).toBe('prevention')
      expect(initiative && isContactable(initiative)).toBe(true)
    }
    const doubtful = data.initiatives.filter((initiative) => initiative.status === 'doubtful').map((initiative) => initiative.id)
    expect(doubtful.length).toBeGreaterThan(0)
    expect(counted.filter((initiative) => initiative && doubtful.includes(initiative.id))).toEqual([])
  })

  it('counts an online service for a country only in one of its official languages', () => {
    for (const entry of report.countries) {
      for (const service of entry.onlineOnly) {
        const initiative = byId.get(service.id) as Initiative
        expect(initiative.online).toBe(true)
        expect(
          initiative.languages.some((language) => entry.officialLanguages.includes(language)),
          `${service.id} in ${entry.code}`,
        ).toBe(true)
      }
    }
  })
})

// A directory small enough to know every number by heart.
const TARGET_GROUP_IDS = [
  'fear_may_offend',
  'csam_users',
  'in_criminal_proceedings',
  'after_conviction',
  'minors_hsb',
  'family_friends',
  'professionals',
]
const taxonomy = TaxonomySchema.parse({
  name: 'fixture',
  note: 'fixture taxonomy',
  criteria: [
    {
      id: 'target_group',
      label: 'l',
      description: 'Who it is for.',
      multiple: true,
      valueSet: 'tags',
      tags: TARGET_GROUP_IDS.map((id) => ({ id, label: `l.${id}` })),
      source: 'test',
    },
  ],
})

function service(id: string, fields: Partial<Initiative>): Initiative {
  return InitiativeSchema.parse({
    id,
    kind: 'prevention',
    name: `Service ${id}`,
    nameLocal: null,
    organisation: null,
    summary: null,
    status: 'active',
    statusNote: null,
    countries: [],
    subnational: null,
    online: false,
    languages: [],
    tags: {},
    inferred: [],
    free: null,
    costNotes: null,
    anonymous: null,
    confidentiality: null,
    website: `https://example.org/${id}`,
    contacts: [],
    sources: [{ url: `https://example.org/source/${id}`, date: 'undated', supports: 'test' }],
    aboutPage: null,
    aboutPageBy: null,
    ownWords: [],
    lastChecked: '2026-01-01',
    checkedBy: 'Test curator',
    confidence: 'high',
    ...fields,
  })
}

function urgentLine(kind: UrgentLine['kind'], lastChecked: string | null = '2026-01-01') {
  return {
    kind,
    name: `${kind} line`,
    number: '112',
    hours: null,
    languages: null,
    sources: [{ url: 'https://example.org/urgent', date: 'undated', supports: 'test' }],
    lastChecked,
    checkedBy: lastChecked === null ? null : 'Test curator',
  }
}

const fixture: DirectoryData = {
  taxonomy,
  initiatives: [
    service('de-national', { countries: ['DE'], languages: ['de'], tags: { target_group: ['fear_may_offend', 'csam_users'] } }),
    service('at-online', {
      countries: ['AT'],
      online: true,
      languages: ['de'],
      inferred: ['language'],
      tags: { target_group: ['in_criminal_proceedings'] },
    }),
    service('de-doubtful', {
      status: 'doubtful',
      countries: ['DE'],
      online: true,
      languages: ['de'],
      tags: { target_group: TARGET_GROUP_IDS },
    }),
    service('de-unreachable', { countries: ['DE'], languages: ['de'], website: null, tags: { target_group: ['after_conviction'] } }),
    service('de-helpline', { kind: 'child_helpline', countries: ['DE'], languages: ['de'], tags: { target_group: ['minors_hsb'] } }),
    service('fr-stale', {
      name: 'Aide <b>maintenant</b>',
      countries: ['FR'],
      languages: ['fr'],
      lastChecked: '2025-05-31',
      tags: { target_group: ['family_friends'] },
    }),
    service('fr-boundary', {
      countries: ['FR'],
      languages: ['fr'],
      lastChecked: '2025-06-01',
      tags: { target_group: ['after_conviction'] },
    }),
    service('en-online', { online: true, languages: ['en'], tags: { target_group: ['after_conviction', 'minors_hsb'] } }),
    service('ja-online', { online: true, languages: ['ja'], tags: { target_group: ['fear_may_offend'] } }),
  ],
  urgent: [
    UrgentCountrySchema.parse({ country: 'DE', lines: [urgentLine('emergency'), urgentLine('child_helpline')] }),
    UrgentCountrySchema.parse({
      country: 'FR',
      lines: [urgentLine('emergency'), urgentLine('child_helpline'), urgentLine('crisis', '2025-05-01')],
    }),
  ],
  partners: [],
}
const today = new Date('2026-06-01')

describe('computeCoverage on a hand-made directory', () => {
  const report = computeCoverage({ data: fixture, officialLanguages, today })

  it('counts national and online-only services exactly', () => {
    const germany = country(report, 'DE')
    expect(ids(germany.national)).toEqual(['de-national'])
    expect(ids(germany.onlineOnly)).toEqual(['at-online'])
    expect(germany.targetGroups).toEqual({
      fear_may_offend: { national: 1, online: 0 },
      csam_users: { national: 1, online: 0 },
      in_criminal_proceedings: { national: 0, online: 1 },
      after_conviction: { national: 0, online: 0 },
      minors_hsb: { national: 0, online: 0 },
      family_friends: { national: 0, online: 0 },
    })
    expect(germany.languages).toEqual([{ code: 'de', count: 2, inferred: 1 }])
    expect(germany.urgent).toMatchObject({ emergency: true, child_helpline: true, crisis: false, missing_children: false })
    expect(germany.urgentMissing).toEqual(['crisis', 'missing_children'])
    expect(ids(germany.nationalUnconfirmed)).toEqual(['de-unreachable'])
    expect(ids(germany.onlineUnconfirmed)).toEqual([])
    expect(ids(country(report, 'AT').national)).toEqual(['at-online'])
    expect(ids(country(report, 'AT').onlineOnly)).toEqual([])
    for (const code of ['BE', 'CH', 'LU']) expect(ids(country(report, code).onlineOnly), code).toEqual(['at-online'])
    for (const code of ['IE', 'MT', 'GB', 'US', 'CA', 'AU']) expect(ids(country(report, code).onlineOnly), code).toEqual(['en-online'])
    expect(ids(country(report, 'FR').national)).toEqual(['fr-stale', 'fr-boundary'])
    expect(
      report.countries
        .flatMap((entry) => [...entry.national, ...entry.onlineOnly])
        .filter((s) => ['de-doubtful', 'de-unreachable', 'de-helpline', 'ja-online'].includes(s.id)),
    ).toEqual([])
  })

  it('lists every gap of a country in plain words', () => {
    expect(gapsFor(report, 'DE')).toEqual([
      'more national services in Germany, on file, contact not confirmed: Service de-unreachable',
      'no service shown for people after conviction in Germany; on file, contact not confirmed: Service de-unreachable',
      'no service found for young people with harmful sexual behaviour or a sexual interest in children in Germany',
      'no service found for family and friends in Germany',
      'no crisis line number on file for Germany',
      'no 116 000 (missing children) number on file for Germany',
    ])
    expect(gapsFor(report, 'CH')[0]).toBe('no national service found in Switzerland (1 online-only in its official languages)')
    expect(gapsFor(report, 'CH')).not.toContain('no service found for people in criminal proceedings in Switzerland')
    expect(gapsFor(report, 'SK')).toContain('no national service found in Slovakia')
  })

  it('flags records last checked more than twelve months before today, and only those', () => {
    const france = country(report, 'FR')
    expect(france.national.map((s) => [s.id, s.stale])).toEqual([
      ['fr-stale', true],
      ['fr-boundary', false],
    ])
    expect(france.stale).toEqual([
      { name: 'Aide <b>maintenant</b>', lastChecked: '2025-05-31' },
      { name: 'crisis line', lastChecked: '2025-05-01' },
    ])
    expect(country(report, 'DE').stale).toEqual([])
    // A day earlier, the record checked on 2025-05-31 is exactly twelve months old: not yet stale.
    const dayBefore = computeCoverage({ data: fixture, officialLanguages, today: new Date('2026-05-31') })
    expect(dayBefore.countries.flatMap((entry) => entry.stale)).toEqual([{ name: 'crisis line', lastChecked: '2025-05-01' }])
  })

  it('sums it up in one paragraph', () => {
    expect(report.summary).toContain(
      '5 active prevention services with a website, contact or page about the service serve these 33 countries (2 of them online).',
    )
    expect(report.summary).toContain(
      'Not counted: 1 prevention records that are doubtful or closed, and 1 active ones on file whose contact is not confirmed',
    )
    expect(report.summary).toContain('30 of 33 countries have no national service shown')
    expect(report.summary).toContain('0 of them have one on file whose contact is not confirmed,')
    expect(report.summary).toContain('people after conviction 26 (1 with one on file, contact not confirmed)')
    expect(report.summary).toContain(
      'Countries missing an expected urgent-help number: emergency number 31 of 33; child helpline 31 of 33; crisis line 32 of 33; 116 000 27 of 27.',
    )
    expect(report.summary).toContain('Stale records (last checked more than 12 months ago): 2.')
  })

  it('fails loudly when a country has no official languages on file', () => {
    const { DE: _germany, ...withoutGermany } = officialLanguages
    expect(() => computeCoverage({ data: fixture, officialLanguages: withoutGermany, today })).toThrow(/DE/)
  })

  it('prints one text row per country with national+online counts', () => {
    const text = coverageText(report)
    const row = text.split('\n').find((line) => line.startsWith('Germany (DE)'))
    expect(row?.split(/ {2,}/)).toEqual([
      'Germany (DE)',
      '1 (+1 unconfirmed)',
      '1',
      '1',
      '1',
      '0+1',
      '0',
      '0',
      '0',
      'de 2 (1 inferred)',
      'no crisis line, no 116 000',
      '0',
      '0',
    ])
    expect(text).toContain('\n- Germany: on file, contact not confirmed: Service de-unreachable\n')
    expect(text).toContain('\nGaps\n- no service found for people who fear they may offend in Austria\n')
    expect(text).toContain(
      '\n- no service shown for people after conviction in Germany; on file, contact not confirmed: Service de-unreachable\n',
    )
    expect(text).toContain('- France: Aide <b>maintenant</b>, last checked 2025-05-31')
  })

  it('writes a self-contained HTML page that escapes every record name', () => {
    const html = coverageHtml(report)
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/)
    expect(html).not.toMatch(/<script|\bon[a-z]+=|\bsrc=|@import|url\(/i)
    const sourceUrls = new Set(fixture.initiatives.flatMap((initiative) => initiative.sources.map((source) => source.url)))
    const urls = [...html.matchAll(/https?:\/\/[^\s"'<>]+/g)].map((match) => match[0])
    expect(urls.length).toBeGreaterThan(0)
    expect(urls.filter((url) => !sourceUrls.has(url))).toEqual([])
    expect(html).toContain('Aide &lt;b&gt;maintenant&lt;/b&gt;')
    expect(html).not.toContain('<b>')
    expect(html).toMatch(/<caption>[^<]*Generated 2026-06-01\.<\/caption>/)
  })

  it('uses no stigmatising terms in its own words', () => {
    const terms = termsForLanguage(loadTerminology(), 'en')
    expect(findBannedTerms([coverageText(report), coverageHtml(report)], terms).map(formatHit)).toEqual([])
  })
})

// Dates that mean what they say: a record or urgent line no one has checked is "never checked", not stale,
// and the report says so in its own column and list, never printing "null".
describe('records never checked in the coverage report', () => {
  const withUnchecked: DirectoryData = {
    ...fixture,
    initiatives: fixture.initiatives.map((record) =>
      record.id === 'de-national' ? { ...record, lastChecked: null, checkedBy: null } : record,
    ),
    urgent: fixture.urgent.map((entry) =>
      entry.country === 'DE'
        ? { ...entry, lines: entry.lines.map((line, at) => (at === 1 ? { ...line, lastChecked: null, checkedBy: null } : line)) }
        : entry,
    ),
  }
  const report = computeCoverage({ data: withUnchecked, officialLanguages, today })

  it('lists them apart from stale ones, services and urgent lines, and never as stale', () => {
    const germany = country(report, 'DE')
    expect(germany.national.map((s) => [s.id, s.check, s.stale, s.lastChecked])).toEqual([['de-national', 'never', false, null]])
    expect(germany.neverChecked).toEqual([
      { name: 'Service de-national', urgent: false },
      { name: 'child_helpline line', urgent: true },
    ])
    expect(germany.stale).toEqual([])
    expect(country(report, 'FR').neverChecked).toEqual([])
    expect(report.summary).toContain('Never checked against their sources: 1 counted services and 1 urgent-help lines.')
    expect(report.summary).toContain('Stale records (last checked more than 12 months ago): 2.')
  })

  it('counts them in the text and HTML reports and names them, without "null" or "undefined"', () => {
    const text = coverageText(report)
    const row = text.split('\n').find((line) => line.startsWith('Germany (DE)'))
    expect(row?.split(/ {2,}/).slice(-2)).toEqual(['0', '2'])
    expect(text).toContain(
      '\nNever checked against their sources (counted services and urgent lines; an import is not a check)\n- Germany: services Service de-national; urgent lines child_helpline line\n',
    )
    const html = coverageHtml(report)
    expect(html).toContain('<li>Germany: services Service de-national; urgent lines child_helpline line</li>')
    expect(html).toContain('<li>Service de-national, never checked · <a href="https://example.org/source/de-national">source</a></li>')
    for (const output of [text, html]) expect(output).not.toMatch(/\bnull\b|\bundefined\b/)
  })
})

// Honest gaps: a record on file that cannot be shown is named, never hidden behind "none"; "all on file" only when true.
const honestFixture: DirectoryData = {
  taxonomy,
  initiatives: [
    service('preventell', {
      name: 'PrevenTell',
      countries: ['SE'],
      languages: ['sv'],
      website: null,
      contacts: [{ channel: 'phone', value: null, hours: null, languages: null, notes: null }],
      tags: { target_group: ['fear_may_offend', 'family_friends'] },
    }),
    service('se-closed', { name: 'Closed Swedish line', status: 'closed', countries: ['SE'], languages: ['sv'], website: null }),
    service('en-unconfirmed-online', {
      name: 'Unconfirmed English online',
      online: true,
      languages: ['en'],
      website: null,
      tags: { target_group: ['csam_users'] },
    }),
    service('ie-national', { countries: ['IE'], languages: ['en'], tags: { target_group: ['fear_may_offend'] } }),
  ],
  urgent: [
    UrgentCountrySchema.parse({
      country: 'BG',
      lines: [urgentLine('emergency'), urgentLine('child_helpline'), urgentLine('missing_children')],
    }),
    UrgentCountrySchema.parse({
      country: 'SE',
      lines: [urgentLine('emergency'), urgentLine('child_helpline'), urgentLine('crisis'), urgentLine('missing_children')],
    }),
    UrgentCountrySchema.parse({ country: 'DK', lines: [urgentLine('emergency'), urgentLine('child_helpline'), urgentLine('crisis')] }),
    UrgentCountrySchema.parse({ country: 'NO', lines: [urgentLine('emergency'), urgentLine('child_helpline'), urgentLine('crisis')] }),
  ],
  partners: [],
}

describe('honest gaps in the coverage report', () => {
  const report = computeCoverage({ data: honestFixture, officialLanguages, today })
  const text = coverageText(report)
  const html = coverageHtml(report)
  const row = (code: string) =>
    text
      .split('\n')
      .find((line) => line.includes(`(${code})  `))
      ?.split(/ {2,}/) ?? []

  it('names PrevenTell for Sweden as on file but not shown, and never says none for Sweden', () => {
    const sweden = country(report, 'SE')
    expect(ids(sweden.national)).toEqual([])
    expect(ids(sweden.nationalUnconfirmed)).toEqual(['preventell'])
    expect(gapsFor(report, 'SE')).toContain('no national service shown in Sweden; on file, contact not confirmed: PrevenTell')
    expect(gapsFor(report, 'SE')).toContain(
      'no service shown for people who fear they may offend in Sweden; on file, contact not confirmed: PrevenTell',
    )
    expect(gapsFor(report, 'SE')).not.toContain('no national service found in Sweden')
    expect(gapsFor(report, 'SE')).not.toContain('no service found for people who fear they may offend in Sweden')
    expect(gapsFor(report, 'SE')).not.toContain('no service found for family and friends in Sweden')
    expect(row('SE').slice(1, 3)).toEqual(['0 (+1 unconfirmed)', '0'])
    expect(text).toContain('\n- Sweden: on file, contact not confirmed: PrevenTell\n')
    expect(text).not.toContain('Closed Swedish line')
    expect(report.summary).toContain('1 of them have one on file whose contact is not confirmed (Sweden: PrevenTell)')
    expect(report.summary).toContain('and 2 active ones on file whose contact is not confirmed')
    expect(html).toContain('<li>Sweden: on file, contact not confirmed: PrevenTell</li>')
    expect(html).toContain('<h3>Sweden</h3>\n<p>National: none shown</p>\n<p>National, on file, contact not confirmed: PrevenTell</p>')
    expect(html).toMatch(/<th scope="row">Sweden \(SE\)<\/th><td class="num none">0 \(\+1 unconfirmed\)<\/td>/)
  })

  it('names an online record without a confirmed contact in the countries of its language', () => {
    expect(ids(country(report, 'IE').onlineUnconfirmed)).toEqual(['en-unconfirmed-online'])
    expect(row('IE').slice(1, 3)).toEqual(['1', '0 (+1 unconfirmed)'])
    expect(gapsFor(report, 'IE')).toContain(
      "online services in Ireland's official languages, on file, contact not confirmed: Unconfirmed English online",
    )
    expect(gapsFor(report, 'GB')).toContain('no national service found in United Kingdom')
    expect(text).toContain(
      '\n- United Kingdom (online, in its official languages): on file, contact not confirmed: Unconfirmed English online\n',
    )
  })

  it('still says none for a country with no record at all', () => {
    expect(gapsFor(report, 'SK')).toContain('no national service found in Slovakia')
    expect(row('SK').slice(1, 3)).toEqual(['0', '0'])
    expect(html).toContain('<h3>Slovakia</h3>\n<p>National: none</p>\n<p>Online-only in its official languages: none</p>')
  })

  it('names the missing urgent kinds: no crisis line for Bulgaria, no 116 000 only in EU member states', () => {
    expect(urgentCell(country(report, 'BG'))).toBe('no crisis line')
    // The last columns are Urgent, Stale and Never.
    expect(row('BG').at(-3)).toBe('no crisis line')
    expect(gapsFor(report, 'BG')).toContain('no crisis line number on file for Bulgaria')
    expect(urgentCell(country(report, 'SE'))).toBe('all on file')
    expect(urgentCell(country(report, 'DK'))).toBe('no 116 000')
    expect(urgentCell(country(report, 'NO'))).toBe('all on file')
    expect(expectedUrgentKinds('NO')).not.toContain('missing_children')
    expect(expectedUrgentKinds('SE')).toEqual(['emergency', 'child_helpline', 'crisis', 'missing_children'])
    expect(html).toContain('<td class="none">no crisis line</td>')
  })

  it('says "all on file" in no row while an expected kind is missing, here or on the real directory', () => {
    const real = computeCoverage({ data: loadBundledData(), officialLanguages, today })
    for (const each of [report, real]) {
      for (const entry of each.countries) {
        const missing = expectedUrgentKinds(entry.code).filter((kind) => !entry.urgent[kind])
        expect(entry.urgentMissing, entry.code).toEqual(missing)
        expect(urgentCell(entry) === 'all on file', entry.code).toBe(missing.length === 0)
      }
      // Country rows, not the "- …" list lines, which may name a service such as "Stop It Now! (US) Helpline".
      const rows = coverageText(each)
        .split('\n')
        .filter((line) => !line.startsWith('- ') && / \([A-Z]{2}\) /.test(line))
      expect(rows.length).toBe(each.countries.length)
      for (const [at, line] of rows.entries()) {
        const entry = each.countries[at] as CountryCoverage
        expect(line.includes('all on file'), entry.code).toBe(entry.urgentMissing.length === 0)
      }
    }
  })

  it('on the real directory, says "no national service found" only where nothing is on file', () => {
    const data = loadBundledData()
    const real = computeCoverage({ data, officialLanguages, today })
    const unconfirmedIds = new Set(
      data.initiatives.filter((r) => r.kind === 'prevention' && r.status === 'active' && !isContactable(r)).map((r) => r.id),
    )
    for (const entry of real.countries) {
      const onFile = entry.national.length + entry.nationalUnconfirmed.length > 0
      expect(
        gapsFor(real, entry.code).some((gap) => gap.startsWith(`no national service found in ${entry.name}`)),
        entry.code,
      ).toBe(!onFile)
      for (const held of entry.nationalUnconfirmed) {
        expect(unconfirmedIds.has(held.id)).toBe(true)
        expect(coverageText(real)).toContain(held.name)
      }
    }
    // Every active record that cannot be shown is named for at least one country of the report, or serves none of them.
    const named = new Set(
      real.countries.flatMap((entry) => [...entry.nationalUnconfirmed, ...entry.onlineUnconfirmed].map((held) => held.id)),
    )
    const reportCountries = new Set(real.countries.map((entry) => entry.code))
    for (const id of unconfirmedIds) {
      const record = data.initiatives.find((r) => r.id === id) as Initiative
      if (record.countries.some((code) => reportCountries.has(code))) expect(named.has(id), id).toBe(true)
    }
  })
})

describe('npm run data:coverage', () => {
  const folder = mkdtempSync(join(tmpdir(), 'helpfinder-coverage-'))
  afterAll(() => rmSync(folder, { recursive: true, force: true }))

  it('prints the report and writes the HTML page to --out', () => {
    const root = fileURLToPath(new URL('..', import.meta.url))
    const out = join(folder, 'report.html')
    const stdout = execFileSync(join(root, 'node_modules/.bin/tsx'), ['scripts/dataCoverage.ts', '--out', out, '--today', '2026-11-23'], {
      cwd: root,
      encoding: 'utf8',
    })
    expect(stdout).toContain('Active prevention services by country, 2026-11-23')
    expect(stdout).toMatch(/\nGaps\n[\s\S]*\nSummary\n/)
    expect(readFileSync(out, 'utf8')).toContain('Generated 2026-11-23.')
  })
})
