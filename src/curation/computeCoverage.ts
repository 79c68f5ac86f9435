import * as z from 'zod'
import type { DirectoryData } from '../core/directory/directoryData'
import type { Initiative } from '../core/directory/initiativeSchema'
import { indexDirectory } from '../core/directory/indexDirectory'
import { isContactable } from '../core/directory/isContactable'
import { CountryCode, LanguageCode } from '../core/directory/isoCodes'
import { isStale } from '../core/directory/isStale'

/** The file `data/official-languages.json`: official languages per country, for the coverage report only. */
export const OfficialLanguagesFileSchema = z.object({
  note: z.string().min(1),
  countries: z.record(CountryCode, z.array(LanguageCode).min(1)),
})

const EU_MEMBER_STATES = ['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK']
const OTHER_COUNTRIES = ['GB', 'NO', 'CH', 'US', 'CA', 'AU']

/** The target groups the report splits by, with the words it uses for them. */
const TARGET_GROUPS = [
  { id: 'fear_may_offend', column: 'Fear', heading: 'Fear of offending', audience: 'people who fear they may offend' },
  { id: 'csam_users', column: 'Images', heading: 'Use of sexual images of children', audience: 'people who use sexual images of children' },
  { id: 'in_criminal_proceedings', column: 'Proceed', heading: 'In criminal proceedings', audience: 'people in criminal proceedings' },
  { id: 'after_conviction', column: 'Convict', heading: 'After conviction', audience: 'people after conviction' },
  { id: 'minors_hsb', column: 'Young', heading: 'Young people', audience: 'young people with harmful sexual behaviour or a sexual interest in children' },
  { id: 'family_friends', column: 'Family', heading: 'Family and friends', audience: 'family and friends' },
] as const
export type TargetGroup = (typeof TARGET_GROUPS)[number]

const URGENT_KINDS = [
  { kind: 'emergency', words: 'emergency number', short: 'emergency' },
  { kind: 'child_helpline', words: 'child helpline number', short: 'child helpline' },
  { kind: 'crisis', words: 'crisis line number', short: 'crisis line' },
] as const

export interface CountedService {
  id: string
  name: string
  lastChecked: string
  stale: boolean
  /** The first source of the record, so a curator can check it. */
  sourceUrl: string | null
}

export interface CountryCoverage {
  code: string
  name: string
  officialLanguages: string[]
  /** Services whose `countries` include this country. */
  national: CountedService[]
  /** Online services not national here that list one of the country's official languages. */
  onlineOnly: CountedService[]
  /** Per target group id: how many national and online-only services serve it. */
  targetGroups: Record<string, { national: number; online: number }>
  /** Languages of the counted services (online-only ones: only their official-language matches). */
  languages: Array<{ code: string; count: number; inferred: number }>
  /** Counted services that list no language at all. */
  languageNotRecorded: number
  urgent: { emergency: boolean; child_helpline: boolean; crisis: boolean }
  /** Counted services and urgent lines last checked more than 12 months before `today`. */
  stale: Array<{ name: string; lastChecked: string }>
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
 * with the app's own rules (indexDirectory): by target group, by language, online-only, urgent numbers, staleness.
 * @example const report = computeCoverage({ data: loadBundledData(), officialLanguages, today: new Date() })
 */
export function computeCoverage({ data, officialLanguages, today }: CoverageInput): CoverageReport {
  assertTargetGroupsExist(data)
  const index = indexDirectory(data)
  const countedOnce = (initiative: Initiative): CountedService => ({
    id: initiative.id,
    name: initiative.name,
    lastChecked: initiative.lastChecked,
    stale: isStale(initiative.lastChecked, today.getTime()),
    sourceUrl: initiative.sources[0]?.url ?? null,
  })
  const countries = [...sortByName(EU_MEMBER_STATES), ...OTHER_COUNTRIES].map((code): CountryCoverage => {
    const official = officialLanguages[code]
    if (!official) throw new Error(`no official languages on file for ${code} (data/official-languages.json)`)
    const national = index.preventionByCountry.get(code) ?? []
    const onlineOnly = index.onlinePrevention.filter(
      (initiative) => !initiative.countries.includes(code) && initiative.languages.some((language) => official.includes(language)),
    )
    const urgentLines = index.urgentByCountry.get(code) ?? []
    const counted = [...national, ...onlineOnly]
    return {
      code,
      name: countryNames.of(code) ?? code,
      officialLanguages: official,
      national: national.map(countedOnce),
      onlineOnly: onlineOnly.map(countedOnce),
      targetGroups: Object.fromEntries(
        TARGET_GROUPS.map(({ id }) => [id, { national: national.filter((s) => hasTargetGroup(s, id)).length, online: onlineOnly.filter((s) => hasTargetGroup(s, id)).length }]),
      ),
      languages: countLanguages([
        ...national.map((s) => ({ languages: s.languages, inferred: s.inferred.includes('language') })),
        ...onlineOnly.map((s) => ({ languages: s.languages.filter((language) => official.includes(language)), inferred: s.inferred.includes('language') })),
      ]),
      languageNotRecorded: national.filter((s) => s.languages.length === 0).length,
      urgent: {
        emergency: urgentLines.some((line) => line.kind === 'emergency'),
        child_helpline: urgentLines.some((line) => line.kind === 'child_helpline'),
        crisis: urgentLines.some((line) => line.kind === 'crisis'),
      },
      stale: [...counted, ...urgentLines]
        .filter((record) => isStale(record.lastChecked, today.getTime()))
        .map((record) => ({ name: record.name, lastChecked: record.lastChecked })),
    }
  })
  const gaps = countries.flatMap(gapsOf)
  return { today: isoDay(today), targetGroups: TARGET_GROUPS, countries, gaps, summary: summarise(data, index.onlinePrevention, countries) }
}

function gapsOf(country: CountryCoverage): Array<{ country: string; text: string }> {
  const lines: string[] = []
  if (country.national.length === 0) {
    const online = country.onlineOnly.length
    lines.push(`no national service found in ${country.name}${online > 0 ? ` (${online} online-only in its official languages)` : ''}`)
  }
  for (const group of TARGET_GROUPS) {
    const counts = country.targetGroups[group.id]
    if (counts && counts.national + counts.online === 0) lines.push(`no service found for ${group.audience} in ${country.name}`)
  }
  for (const { kind, words } of URGENT_KINDS) if (!country.urgent[kind]) lines.push(`no ${words} on file for ${country.name}`)
  return lines.map((text) => ({ country: country.code, text }))
}

function summarise(data: DirectoryData, onlinePrevention: Initiative[], countries: CountryCoverage[]): string {
  const prevention = data.initiatives.filter((initiative) => initiative.kind === 'prevention')
  const notActive = prevention.filter((initiative) => initiative.status !== 'active').length
  const notContactable = prevention.filter((initiative) => initiative.status === 'active' && !isContactable(initiative)).length
  const counted = new Set(countries.flatMap((country) => [...country.national, ...country.onlineOnly].map((service) => service.id)))
  const onlineCounted = onlinePrevention.filter((initiative) => counted.has(initiative.id)).length
  const noNational = countries.filter((country) => country.national.length === 0)
  const noneAtAll = noNational.filter((country) => country.onlineOnly.length === 0)
  const perGroup = TARGET_GROUPS.map((group) => {
    const missing = countries.filter(({ targetGroups }) => (targetGroups[group.id]?.national ?? 0) + (targetGroups[group.id]?.online ?? 0) === 0)
    return `${group.audience} ${missing.length}`
  })
  const stale = countries.reduce((sum, country) => sum + country.stale.length, 0)
  const missingUrgent = URGENT_KINDS.map(({ kind, short }) => `${short} ${countries.filter((country) => !country.urgent[kind]).length}`)
  return [
    `${counted.size} active prevention services with a website or contact serve these ${countries.length} countries (${onlineCounted} of them online).`,
    `Not counted: ${notActive} prevention records that are doubtful or closed and ${notContactable} active ones with no website or contact.`,
    `${noNational.length} of ${countries.length} countries have no national service${noNational.length > 0 ? ` (${noNational.map((country) => country.name).join(', ')})` : ''},`,
    `and ${noneAtAll.length} of them have no online service in an official language either.`,
    `Countries with no service at all, national or online, for: ${perGroup.join('; ')}.`,
    `Countries missing an urgent-help number: ${missingUrgent.join('; ')}.`,
    `Stale records (last checked more than 12 months ago): ${stale}.`,
  ].join(' ')
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

function sortByName(codes: string[]): string[] {
  return [...codes].sort((a, b) => (countryNames.of(a) ?? a).localeCompare(countryNames.of(b) ?? b, 'en'))
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10)
}
