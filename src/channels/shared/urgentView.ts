import type { Translate } from '../../i18n/translate'
import { orderUrgentLines, type UrgentReason } from '../../core/crisis/urgentReason'
import { sharedUrgentLines } from '../../core/crisis/sharedUrgentLines'
import type { DirectoryIndex } from '../../core/directory/indexDirectory'
import type { UrgentLine } from '../../core/directory/urgentHelpSchema'
import { displayNames } from './displayNames'
import { namedCodes, type NamedCode } from './namedCodes'

/** One number to call, ready to show big with a tel: link. */
export interface UrgentLineView {
  kind: UrgentLine['kind']
  kindLabel: string
  /** The question this kind of line answers, or what it is for: each kind its own, never another kind's. */
  heading: string
  /** What is true about giving your name on this kind of line; on the first line of its kind only, so it is said once. */
  privacy: string | undefined
  name: string
  number: string
  tel: string
  /** The opening hours in a sentence ("Hours: 24/7"), for channels that show plain text. */
  hours: string | undefined
  /** The directory's own words for the hours (English, as recorded), for channels that mark their language. */
  hoursText: string | undefined
  source: string | undefined
  /** For a number many countries share (shown while the person's country is unknown): where it is on file. */
  where: { summary: string; countries: string; codes: readonly string[] } | undefined
}

/** The urgent-help panel: the person's country's numbers first, honest about what is missing. */
export interface UrgentView {
  /** The answer to the one question, if given: `lines` then start with the number for it. */
  reason: UrgentReason | undefined
  /** The one question and its answers, for channels that ask it. */
  question: { prompt: string; options: { id: UrgentReason; label: string }[] }
  /** Said above the first number once the person has answered; never empty then. */
  callFirst: string | undefined
  title: string
  intro: string
  /** Every line's `privacy`, in order: for channels that say them once, not beside each line. */
  privacyNotes: string[]
  country: string | undefined
  countryName: string | undefined
  /** Kept for API clients written before each line had its own `heading`. */
  childDanger: string
  suicide: string
  /** Never empty while the directory has urgent numbers: without a country's own, the numbers many countries share. */
  lines: UrgentLineView[]
  /** True when `lines` are the shared numbers (no country known, or none on file for it). */
  shared: boolean
  /** Said when the country is unknown, has no sourced crisis line or no data at all. */
  gap: string | undefined
  eu: string
  countries: readonly NamedCode[]
}

const REASONS = ['child_danger', 'self_harm', 'other'] as const

/** Each kind's heading: a question where the kind answers one, else what the line is for. A new kind must choose here. */
const HEADINGS: Record<UrgentLine['kind'], string> = {
  emergency: 'urgent.emergency_heading',
  crisis: 'urgent.suicide',
  child_helpline: 'urgent.child_helpline',
  child_protection: 'urgent.child_protection_kind',
  missing_children: 'urgent.missing_children_kind',
}

/** Only what is true for each kind: emergency services see the caller's number; other kinds' rules differ by country, so they say nothing. */
const PRIVACY: Partial<Record<UrgentLine['kind'], string>> = {
  emergency: 'urgent.privacy_emergency',
  crisis: 'urgent.privacy_crisis',
  child_helpline: 'urgent.privacy_child_helpline',
}

const KIND_LABELS: Record<UrgentLine['kind'], string> = {
  emergency: 'urgent.emergency',
  child_helpline: 'urgent.child_helpline_kind',
  child_protection: 'urgent.child_protection_kind',
  missing_children: 'urgent.missing_children_kind',
  crisis: 'urgent.crisis',
}

/** @example urgentView(index, 'DE', t, 'de').lines[0].number // '112' */
export function urgentView(
  index: DirectoryIndex,
  country: string | undefined,
  t: Translate,
  ui: string,
  reason?: UrgentReason,
): UrgentView {
  const names = displayNames(ui)
  const own = country ? (index.urgentByCountry.get(country) ?? []) : []
  const shared = own.length === 0
  const lines = withPrivacy(orderUrgentLines(shared ? sharedLineViews(index, t, ui) : own.map((line) => ownLineView(line, t)), reason), t)
  const first = lines[0]
  return {
    reason,
    question: { prompt: t('urgent.ask'), options: REASONS.map((id) => ({ id, label: t(`urgent.reason_${id}`) })) },
    // A known country with nothing on file is not told to dial numbers on file for other countries.
    callFirst: reason
      ? first && !(shared && country)
        ? t('urgent.call_first', { number: first.number })
        : t('urgent.no_country_data')
      : undefined,
    title: t('urgent.title'),
    intro: t('urgent.intro'),
    privacyNotes: lines.flatMap((line) => (line.privacy ? [line.privacy] : [])),
    country,
    countryName: country ? names.country(country) : undefined,
    childDanger: t('urgent.child_danger'),
    suicide: t('urgent.suicide'),
    lines,
    shared,
    gap: gapOf(country, own, lines.length > 0, t),
    eu: t('urgent.eu'),
    countries: namedCodes(index.countries, 'region', ui),
  }
}

/** Each kind's privacy note on its first line only (after ordering, so it sits on the line shown first). */
function withPrivacy(lines: readonly UrgentLineView[], t: Translate): UrgentLineView[] {
  const said = new Set<UrgentLine['kind']>()
  return lines.map((line) => {
    const key = PRIVACY[line.kind]
    if (!key || said.has(line.kind)) return line
    said.add(line.kind)
    return { ...line, privacy: t(key) }
  })
}

function gapOf(country: string | undefined, own: readonly UrgentLine[], anyLines: boolean, t: Translate): string | undefined {
  if (own.length === 0) return country === undefined && anyLines ? t('urgent.no_country') : t('urgent.no_country_data')
  const emergency = own.find((line) => line.kind === 'emergency')
  if (!emergency) return t('urgent.no_country_data')
  return own.some((line) => line.kind === 'crisis') ? undefined : t('urgent.no_crisis_line', { number: emergency.number })
}

function ownLineView(line: UrgentLine, t: Translate): UrgentLineView {
  return {
    kind: line.kind,
    kindLabel: t(KIND_LABELS[line.kind]),
    heading: t(HEADINGS[line.kind]),
    privacy: undefined,
    name: line.name,
    number: line.number,
    tel: telOf(line.number),
    hours: line.hours ? t('urgent.hours', { hours: line.hours }) : undefined,
    hoursText: line.hours ?? undefined,
    source: line.sources[0]?.url,
    where: undefined,
  }
}

const sharedCache = new WeakMap<DirectoryIndex, Map<string, readonly UrgentLineView[]>>()

/** The shared numbers in words, once per directory index and language (they are on every page before a country is known). */
function sharedLineViews(index: DirectoryIndex, t: Translate, ui: string): readonly UrgentLineView[] {
  const byUi = sharedCache.get(index) ?? new Map<string, readonly UrgentLineView[]>()
  sharedCache.set(index, byUi)
  const cached = byUi.get(ui)
  if (cached) return cached
  const list = new Intl.ListFormat([ui], { type: 'conjunction' })
  const views = sharedUrgentLines(index).map((line) => ({
    kind: line.kind,
    kindLabel: t(KIND_LABELS[line.kind]),
    heading: t(HEADINGS[line.kind]),
    privacy: undefined,
    // Each country's own service has its own name; what they share is the kind of line.
    name: t(KIND_LABELS[line.kind]),
    number: line.number,
    tel: telOf(line.number),
    // Hours differ from country to country.
    hours: undefined,
    hoursText: undefined,
    source: line.source.url,
    where: {
      summary: t('urgent.shared_where', { total: line.countries.length }),
      countries: list.format(namedCodes(line.countries, 'region', ui).map((named) => named.name)),
      codes: line.countries,
    },
  }))
  byUi.set(ui, views)
  return views
}

function telOf(number: string): string {
  return `tel:${number.replace(/\s+/g, '')}`
}
