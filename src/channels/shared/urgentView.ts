import type { Translate } from '../../i18n/translate'
import { orderUrgentLines, type UrgentReason } from '../../core/crisis/urgentReason'
import type { DirectoryIndex } from '../../core/directory/indexDirectory'
import { displayNames } from './displayNames'
import { namedCodes, type NamedCode } from './namedCodes'

/** One number to call, ready to show big with a tel: link. */
export interface UrgentLineView {
  kind: 'emergency' | 'child_helpline' | 'crisis'
  kindLabel: string
  name: string
  number: string
  tel: string
  hours: string | undefined
  source: string | undefined
}

/** The urgent-help panel: the person's country's numbers first, honest about what is missing. */
export interface UrgentView {
  /** The answer to the one question, if given: `lines` then start with the number for it. */
  reason: UrgentReason | undefined
  /** The one question and its answers, for channels that ask it. */
  question: { prompt: string; options: { id: UrgentReason; label: string }[] }
  /** Said above the first number once the person has answered. */
  callFirst: string | undefined
  title: string
  intro: string
  country: string | undefined
  countryName: string | undefined
  childDanger: string
  suicide: string
  lines: UrgentLineView[]
  /** Said when a country has no sourced crisis line or no data at all. */
  gap: string | undefined
  eu: string
  countries: readonly NamedCode[]
}

const REASONS = ['child_danger', 'self_harm', 'other'] as const

const KIND_LABELS = { emergency: 'urgent.emergency', child_helpline: 'urgent.child_helpline_kind', crisis: 'urgent.crisis' } as const

/** @example urgentView(index, 'DE', t, 'de').lines[0].number // '112' */
export function urgentView(index: DirectoryIndex, country: string | undefined, t: Translate, ui: string, reason?: UrgentReason): UrgentView {
  const names = displayNames(ui)
  const lines = orderUrgentLines(country ? (index.urgentByCountry.get(country) ?? []) : [], reason).map((line) => ({
    kind: line.kind,
    kindLabel: t(KIND_LABELS[line.kind]),
    name: line.name,
    number: line.number,
    tel: `tel:${line.number.replace(/\s+/g, '')}`,
    hours: line.hours ? t('urgent.hours', { hours: line.hours }) : undefined,
    source: line.sources[0]?.url,
  }))
  const emergency = lines.find((line) => line.kind === 'emergency')
  const gap =
    country === undefined
      ? undefined
      : !emergency
        ? t('urgent.no_country_data')
        : lines.some((line) => line.kind === 'crisis')
          ? undefined
          : t('urgent.no_crisis_line', { number: emergency.number })
  return {
    reason,
    question: { prompt: t('urgent.ask'), options: REASONS.map((id) => ({ id, label: t(`urgent.reason_${id}`) })) },
    callFirst: reason && lines[0] ? t('urgent.call_first', { number: lines[0].number }) : undefined,
    title: t('urgent.title'),
    intro: t('urgent.intro'),
    country,
    countryName: country ? names.country(country) : undefined,
    childDanger: t('urgent.child_danger'),
    suicide: t('urgent.suicide'),
    lines,
    gap,
    eu: t('urgent.eu'),
    countries: namedCodes(index.countries, 'region', ui),
  }
}
