import * as z from 'zod'
import type { DirectoryData } from '../core/directory/directoryData'
import type { Initiative } from '../core/directory/initiativeSchema'
import { indexDirectory } from '../core/directory/indexDirectory'
import { isContactable } from '../core/directory/isContactable'
import { CountryCode, LanguageCode } from '../core/directory/isoCodes'
import { checkState, type CheckState } from '../core/directory/checkState'
import { EU_MEMBER_STATES } from './euMemberStates'
import { expectedUrgentKinds, URGENT_KINDS_REPORTED, urgentKindWords } from './expectedUrgentKinds'

/** The file `data/official-languages.json`: official languages per country, for the coverage report only. */
export const OfficialLanguagesFileSchema = z.object({
  note: z.string().min(1),
  countries: z.record(CountryCode, z.array(LanguageCode).min(1)),
})

const OTHER_COUNTRIES = ['GB', 'NO', 'CH', 'US', 'CA', 'AU']

/** The target groups the report splits by, with the words it uses for them. */
const TARGET_GROUPS = [
  { id: 'fear_may_offend', column: 'Fear', heading: 'Fear of offending', audience: 'people who fear they may offend' },
  { id: 'csam_users', column: 'Images', heading: 'Use of sexual images of children', audience: 'people who use sexual images of children' },
  { id: 'in_criminal_proceedings', column: 'Proceed', heading: 'In criminal proceedings', audience: 'people in criminal proceedings' },
  { id: 'after_conviction', column: 'Convict', heading: 'After conviction', audience: 'people after conviction' },
  {
    id: 'minors_hsb',
    column: 'Young',
    heading: 'Young people',
    audience: 'young people with harmful sexual behaviour or a sexual interest in children',
  },
  { id: 'family_friends', column: 'Family', heading: 'Family and friends', audience: 'family and friends' },
] as const
export type TargetGroup = (typeof TARGET_GROUPS)[number]

export interface CountedService {
  id: string
  name: string
  /** The day someone compared the record with its sources; null when no one has yet. */
  lastChecked: string | null
  /** checkState: never checked, checked over 12 months ago, or within them. */
  check: CheckState
  /** Checked, but more than 12 months ago (check === 'stale'). */
  stale: boolean
  /** The first source of the record, so a curator can check it. */
  sourceUrl: string | null
  /** The record's target_group tags, so a gap can name the records on file for a group. */
  targetGroups: string[]
}

export interface CountryCoverage {
  code: string
  name: string
  officialLanguages: string[]
  /** Services whose `countries` include this country. */
  national: CountedService[]
  /** Online services not national here that list one of the country's official languages. */
  onlineOnly: CountedService[]
  /** Active prevention records national here that cannot be shown: no website and no contact confirmed. */
  nationalUnconfirmed: CountedService[]
  /** The same for online records not national here, in one of the country's official languages. */
  onlineUnconfirmed: CountedService[]
  /** Per target group id: how many national and online-only services serve it. */
  targetGroups: Record<string, { national: number; online: number }>
  /** Languages of the counted services (online-only ones: only their official-language matches). */
  languages: Array<{ code: string; count: number; inferred: number }>
  /** Counted services that list no language at all. */
  languageNotRecorded: number
  /** Per urgent-line kind (the schema's, plus 116 000): whether one is on file. */
  urgent: Record<string, boolean>
  /** Kinds expected here (expectedUrgentKinds) with no line on file, in report order. */
  urgentMissing: string[]
  /** Counted services and urgent lines last checked more than 12 months before `today`. */
  stale: Array<{ name: string; lastChecked: string }>
  /** Counted services and urgent lines no one has compared with their sources yet (`urgent`: an urgent line). */
  neverChecked: Array<{ name: string; urgent: boolean }>
}

export interface CoverageReport {
  /** The day the report describes, YYYY-MM-DD. */
  today: string
  targetGroups: readonly TargetGroup[]
  countries: CountryCoverage[]
  /** One plain sentence per gap, in country order. */
  gaps: Array<{ country: string; text: string }>
  summary: string
}

export interface CoverageInput {
  data: DirectoryData
  /** Official languages per country code; must cover every country in the report. */
  officialLanguages: Record<string, string[]>
  today: Date
}

const countryNames = new Intl.DisplayNames(['en'], { type: 'region' })

/**
 * How many active prevention services serve each EU member state plus GB, NO, CH, US, CA and AU,
 * with the app's own rules (indexDirectory): by target group, by language, online-only, urgent numbers, staleness and records never checked.
 * @example const report = computeCoverage({ data: loadBundledData(), officialLanguages, today: new Date() })
 */
export function computeCoverage({ data, officialLanguages, today }: CoverageInput): CoverageReport {
  assertTargetGroupsExist(data)
  const index = indexDirectory(data)
  // The records matching never offers because a person could not act on them; the report names them instead.
  const unconfirmed = data.initiatives.filter(
    (initiative) => initiative.kind === 'prevention' && initiative.status === 'active' && !isContactable(initiative),
  )
  const countedOnce = (initiative: Initiative): CountedService => {
    const check = checkState(initiative.lastChecked, today.getTime())
    return {
      id: initiative.id,
      name: initiative.name,
      lastChecked: initiative.lastChecked,
      check,
      stale: check === 'stale',
      sourceUrl: initiative.sources[0]?.url ?? null,
      targetGroups: initiative.tags.target_group ?? [],
    }
  }
  const countries = [...sortByName(EU_MEMBER_STATES), ...OTHER_COUNTRIES].map((code): CountryCoverage => {
    const official = officialLanguages[code]
    if (!official) throw new Error(`no official languages on file for ${code} (data/official-languages.json)`)
    const national = index.preventionByCountry.get(code) ?? []
    const onlineOnly = index.onlinePrevention.filter(
      (initiative) => !initiative.countries.includes(code) && initiative.languages.some((language) => official.includes(language)),
    )
    const urgentLines = index.urgentByCountry.get(code) ?? []
    const onFile = new Set<string>(urgentLines.map((line) => line.kind))
    const nationalUnconfirmed = unconfirmed.filter((initiative) => initiative.countries.includes(code))
    const onlineUnconfirmed = unconfirmed.filter(
      (initiative) =>
        initiative.online && !initiative.countries.includes(code) && initiative.languages.some((language) => official.includes(language)),
    )
    const counted = [...national, ...onlineOnly]
    return {
      code,
      name: countryNames.of(code) ?? code,
      officialLanguages: official,
      national: national.map(countedOnce),
      onlineOnly: onlineOnly.map(countedOnce),
      nationalUnconfirmed: nationalUnconfirmed.map(countedOnce),
      onlineUnconfirmed: onlineUnconfirmed.map(countedOnce),
      targetGroups: Object.fromEntries(
        TARGET_GROUPS.map(({ id }) => [
          id,
          {
            national: national.filter((s) => hasTargetGroup(s, id)).length,
            online: onlineOnly.filter((s) => hasTargetGroup(s, id)).length,
          },
        ]),
      ),
      languages: countLanguages([
        ...national.map((s) => ({ languages: s.languages, inferred: s.inferred.includes('language') })),
        ...onlineOnly.map((s) => ({
          languages: s.languages.filter((language) => official.includes(language)),
          inferred: s.inferred.includes('language'),
        })),
      ]),
      languageNotRecorded: national.filter((s) => s.languages.length === 0).length,
      urgent: Object.fromEntries(URGENT_KINDS_REPORTED.map((kind) => [kind, onFile.has(kind)])),
      urgentMissing: expectedUrgentKinds(code).filter((kind) => !onFile.has(kind)),
      stale: [...counted, ...urgentLines].flatMap((record) =>
        record.lastChecked !== null && checkState(record.lastChecked, today.getTime()) === 'stale'
          ? [{ name: record.name, lastChecked: record.lastChecked }]
          : [],
      ),
      neverChecked: [
        ...counted.filter((record) => record.lastChecked === null).map((record) => ({ name: record.name, urgent: false })),
        ...urgentLines.filter((line) => line.lastChecked === null).map((line) => ({ name: line.name, urgent: true })),
      ],
    }
  })
  const gaps = countries.flatMap(gapsOf)
  return { today: isoDay(today), targetGroups: TARGET_GROUPS, countries, gaps, summary: summarise(data, index.onlinePrevention, countries) }
}

function gapsOf(country: CountryCoverage): Array<{ country: string; text: string }> {
  const lines: string[] = []
  const onFile = (services: CountedService[]) => `on file, contact not confirmed: ${names(services)}`
  if (country.national.length === 0) {
    const online = country.onlineOnly.length
    const unconfirmed = country.nationalUnconfirmed.length > 0
    lines.push(
      `no national service ${unconfirmed ? 'shown' : 'found'} in ${country.name}${online > 0 ? ` (${online} online-only in its official languages)` : ''}${unconfirmed ? `; ${onFile(country.nationalUnconfirmed)}` : ''}`,
    )
  } else if (country.nationalUnconfirmed.length > 0) {
    lines.push(`more national services in ${country.name}, ${onFile(country.nationalUnconfirmed)}`)
  }
  if (country.onlineUnconfirmed.length > 0)
    lines.push(`online services in ${country.name}'s official languages, ${onFile(country.onlineUnconfirmed)}`)
  for (const group of TARGET_GROUPS) {
    const counts = country.targetGroups[group.id]
    if (!counts || counts.national + counts.online > 0) continue
    const unconfirmed = [...country.nationalUnconfirmed, ...country.onlineUnconfirmed].filter((service) =>
      service.targetGroups.includes(group.id),
    )
    lines.push(
      unconfirmed.length > 0
        ? `no service shown for ${group.audience} in ${country.name}; ${onFile(unconfirmed)}`
        : `no service found for ${group.audience} in ${country.name}`,
    )
  }
  for (const kind of country.urgentMissing) lines.push(`no ${urgentKindWords(kind).words} on file for ${country.name}`)
  return lines.map((text) => ({ country: country.code, text }))
}

function summarise(data: DirectoryData, onlinePrevention: Initiative[], countries: CountryCoverage[]): string {
  const prevention = data.initiatives.filter((initiative) => initiative.kind === 'prevention')
  const notActive = prevention.filter((initiative) => initiative.status !== 'active').length
  // Named here as well as per country: a record outside the report's countries (India, say) is still named.
  const notContactable = prevention
    .filter((initiative) => initiative.status === 'active' && !isContactable(initiative))
    .map((initiative) => `${initiative.name} (${initiative.countries.join(', ') || 'online'})`)
  const counted = new Set(countries.flatMap((country) => [...country.national, ...country.onlineOnly].map((service) => service.id)))
  const onlineCounted = onlinePrevention.filter((initiative) => counted.has(initiative.id)).length
  const noNational = countries.filter((country) => country.national.length === 0)
  const heldBack = noNational.filter((country) => country.nationalUnconfirmed.length > 0)
  const noneShown = noNational.filter((country) => country.onlineOnly.length === 0)
  const nothingOnFile = noneShown.filter((country) => country.nationalUnconfirmed.length + country.onlineUnconfirmed.length === 0)
  const perGroup = TARGET_GROUPS.map((group) => {
    const missing = countries.filter(
      ({ targetGroups }) => (targetGroups[group.id]?.national ?? 0) + (targetGroups[group.id]?.online ?? 0) === 0,
    )
    const onFile = missing.filter((country) =>
      [...country.nationalUnconfirmed, ...country.onlineUnconfirmed].some((service) => service.targetGroups.includes(group.id)),
    )
    return `${group.audience} ${missing.length}${onFile.length > 0 ? ` (${onFile.length} with one on file, contact not confirmed)` : ''}`
  })
  const stale = countries.reduce((sum, country) => sum + country.stale.length, 0)
  const neverServices = new Set(
    countries.flatMap((country) =>
      [...country.national, ...country.onlineOnly].filter((service) => service.check === 'never').map((service) => service.id),
    ),
  ).size
  const neverLines = countries.reduce((sum, country) => sum + country.neverChecked.filter((entry) => entry.urgent).length, 0)
  const missingUrgent = URGENT_KINDS_REPORTED.flatMap((kind) => {
    const expected = countries.filter((country) => expectedUrgentKinds(country.code).includes(kind))
    if (expected.length === 0) return []
    return [
      `${urgentKindWords(kind).short} ${expected.filter((country) => country.urgentMissing.includes(kind)).length} of ${expected.length}`,
    ]
  })
  return [
    `${counted.size} active prevention services with a website, contact or page about the service serve these ${countries.length} countries (${onlineCounted} of them online).`,
    `Not counted: ${notActive} prevention records that are doubtful or closed, and ${notContactable.length} active ones on file whose contact is not confirmed (no website, contact or page about the service)${notContactable.length > 0 ? `: ${notContactable.join('; ')}` : ''}.`,
    `${noNational.length} of ${countries.length} countries have no national service shown${noNational.length > 0 ? ` (${noNational.map((country) => country.name).join(', ')})` : ''};`,
    `${heldBack.length} of them have one on file whose contact is not confirmed${heldBack.length > 0 ? ` (${heldBack.map((country) => `${country.name}: ${names(country.nationalUnconfirmed)}`).join('; ')})` : ''},`,
    `${noneShown.length} of them show no online service in an official language either, and ${nothingOnFile.length} of those have nothing on file at all.`,
    `Countries with no service shown at all, national or online, for: ${perGroup.join('; ')}.`,
    `Countries missing an expected urgent-help number: ${missingUrgent.join('; ')}.`,
    `Stale records (last checked more than 12 months ago): ${stale}.`,
    `Never checked against their sources: ${neverServices} counted services and ${neverLines} urgent-help lines.`,
  ].join(' ')
}

function names(services: CountedService[]): string {
  return services.map((service) => service.name).join(', ')
}

function assertTargetGroupsExist(data: DirectoryData): void {
  const tags = new Set(data.taxonomy.criteria.find((criterion) => criterion.id === 'target_group')?.tags.map((tag) => tag.id))
  const missing = TARGET_GROUPS.filter((group) => !tags.has(group.id)).map((group) => group.id)
  if (missing.length > 0) throw new Error(`taxonomy has no target_group tag ${missing.join(', ')}`)
}

function hasTargetGroup(initiative: Initiative, id: string): boolean {
  return initiative.tags.target_group?.includes(id) ?? false
}

function countLanguages(services: Array<{ languages: string[]; inferred: boolean }>): CountryCoverage['languages'] {
  const byCode = new Map<string, { code: string; count: number; inferred: number }>()
  for (const service of services) {
    for (const code of service.languages) {
      const entry = byCode.get(code) ?? { code, count: 0, inferred: 0 }
      entry.count += 1
      if (service.inferred) entry.inferred += 1
      byCode.set(code, entry)
    }
  }
  return [...byCode.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code))
}

function sortByName(codes: readonly string[]): string[] {
  return [...codes].sort((a, b) => (countryNames.of(a) ?? a).localeCompare(countryNames.of(b) ?? b, 'en'))
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10)
}
