import type { Translate } from '../../i18n/translate'
import type { Initiative } from '../../core/directory/initiativeSchema'
import { isFreeFrom } from '../../core/directory/isFreeFrom'
import { worksFrom } from '../../core/directory/worksFrom'
import type { Reason } from '../../core/matching/reason'
import { aboutPageView, type AboutPageView } from './aboutPageView'
import { descriptionView, type DescriptionView } from './descriptionView'
import { displayNames } from './displayNames'
import { provenanceView, type ProvenanceView } from './provenanceView'
import { reachLines, type ReachLine } from './reachLines'

/** One way to make contact, with a link only where the record has a real address. */
export interface ContactView {
  /** The channel's code ("phone", "chat", …); `label` is its name. */
  channel: string
  label: string
  text: string | undefined
  href: string | undefined
  hours: string | undefined
  notes: string | undefined
  /** "For calls from: United Kingdom" when the contact is given for some countries only. */
  countryNote: string | undefined
  /** True when the record names the channel but no address of its own: the website leads there. */
  viaWebsite: boolean
}

/** A matched service as every channel shows it: what it offers, how to reach it, why it is here. */
export interface ServiceView extends ProvenanceView {
  id: string
  name: string
  nameLocal: string | undefined
  organisation: string | undefined
  /** The service's own words in the person's language, else the English summary, else undefined. */
  description: DescriptionView | undefined
  offers: string[]
  contacts: ContactView[]
  /** How to reach the service, ready to show first: each number or address written out, the channels the website leads to folded into its one line. */
  reach: ReachLine[]
  website: string | undefined
  /** The operator's (or an official) page about the service: a way to learn more, never a booking line. */
  aboutPage: AboutPageView | undefined
  cost: string
  /** What the record says about fees (in English, from the directory), if anything. */
  costNotes: string | undefined
  anonymity: string
  confidentiality: string
  /** False when `confidentiality` is our own "not recorded" text rather than the record's words. */
  confidentialityKnown: boolean
  languages: string | undefined
  languagesLabel: string
  reasons: string[]
  /** Why an embedding site shows this service first (its own service), when it does. */
  featuredNote?: string
}

/** @example serviceView(initiative, scored.reasons, t, 'en', Date.now(), 'IE') */
export function serviceView(
  initiative: Initiative,
  reasons: Reason[],
  t: Translate,
  ui: string,
  nowMs: number,
  country?: string,
): ServiceView {
  const names = displayNames(ui)
  const groups = initiative.tags.target_group ?? []
  const channels = initiative.tags.contact_channel ?? []
  const contacts = contactsFor(initiative, country).flatMap(({ contact, works }) =>
    contactView(contact, works, initiative.website, t, names.country),
  )
  const aboutPage = aboutPageView(initiative, t)
  return {
    id: initiative.id,
    name: initiative.name,
    nameLocal: initiative.nameLocal ?? undefined,
    organisation: initiative.organisation ?? undefined,
    description: descriptionView(initiative, t, ui),
    offers: [...groups.map((group) => t(`reason.group.${group}`)), ...channels.map((channel) => t(`channel.${channel}`))],
    contacts,
    reach: reachLines(contacts, initiative.website ?? undefined, aboutPage, t, ui),
    website: initiative.website ?? undefined,
    aboutPage,
    cost: t(costKey(initiative, country)),
    costNotes: initiative.costNotes ?? undefined,
    anonymity: t(
      initiative.anonymous === true
        ? 'results.anonymous_yes'
        : initiative.anonymous === 'partial'
          ? 'results.anonymous_partial'
          : initiative.anonymous === false
            ? 'results.anonymous_no'
            : 'results.anonymous_unknown',
    ),
    confidentiality: initiative.confidentiality ?? t('results.confidentiality_unknown'),
    confidentialityKnown: initiative.confidentiality !== null,
    languages: initiative.languages.length > 0 ? listOf(ui).format(initiative.languages.map(names.language)) : undefined,
    languagesLabel: t(initiative.inferred.includes('language') ? 'results.languages_likely' : 'results.languages'),
    reasons: reasons.map((reason) => reasonText(reason, t, ui)),
    ...provenanceView(initiative, t, ui, nowMs),
  }
}

type Contact = Initiative['contacts'][number]

const lists = new Map<string, Intl.ListFormat>()

/** "German, English" with the language's own separators ("الألمانية، والإنجليزية" on an Arabic page). */
function listOf(ui: string): Intl.ListFormat {
  const known = lists.get(ui)
  if (known) return known
  const made = new Intl.ListFormat([ui, 'en'], { type: 'unit', style: 'short' })
  lists.set(ui, made)
  return made
}

/**
 * The contacts to show a person in `country`, those that work from there first. A contact given
 * for other countries only (a UK freephone, for someone in Ireland) is left out when another
 * contact of the same channel works from there: a frightened person needs the one number that
 * connects, not a second one that fails. When nothing else of that channel works, it stays, as
 * plain text with its countries named, so the person still learns the way exists.
 */
function contactsFor(initiative: Initiative, country: string | undefined): { contact: Contact; works: boolean }[] {
  const rows = initiative.contacts.map((contact) => ({ contact, works: worksFrom(contact, country) }))
  const reachable = new Set(rows.filter((row) => row.works && row.contact.value).map((row) => row.contact.channel))
  return [...rows.filter((row) => row.works), ...rows.filter((row) => !row.works && !reachable.has(row.contact.channel))]
}

/** "Free" only where it holds for the person's country; a record's free line may not reach them. */
function costKey(initiative: Initiative, country: string | undefined): string {
  const free = isFreeFrom(initiative, country)
  if (free === null && initiative.free === true) return 'results.cost_from_country'
  return free === true ? 'results.free' : free === false ? 'results.fee' : 'results.cost_unknown'
}

function contactView(
  contact: Contact,
  works: boolean,
  website: string | null,
  t: Translate,
  countryName: (code: string) => string,
): ContactView[] {
  const channel = contact.channel
  const label = t(`channel.${channel}`)
  const countryNote = contact.countries
    ? t('results.contact_for_countries', { countries: contact.countries.map(countryName).join(', ') })
    : undefined
  const base = { channel, hours: contact.hours ?? undefined, notes: contact.notes ?? undefined, countryNote, viaWebsite: false }
  // No link where the contact does not work from the person's country: one tap must not dial a dead number.
  if (!works) return contact.value ? [{ label, text: contact.value, href: undefined, ...base }] : []
  if (contact.value && contact.channel === 'phone') {
    return [{ label, text: contact.value, href: `tel:${contact.value.replace(/[^0-9+]/g, '')}`, ...base }]
  }
  if (contact.value) return [{ label, text: contact.value, href: hrefOf(contact.value), ...base }]
  // The record names the channel but no address: only offer it if the website can lead there.
  return website ? [{ label, text: t('results.channel_via_website'), href: website, ...base, viaWebsite: true }] : []
}

/** A link for an https: address or an email address; anything else stays text. */
function hrefOf(value: string): string | undefined {
  if (value.startsWith('https://')) return value
  return /^[^\s@:/]+@[^\s@:/]+\.[a-z]{2,}$/i.test(value) ? `mailto:${value}` : undefined
}

function reasonText(reason: Reason, t: Translate, ui: string): string {
  const names = displayNames(ui)
  const params: Record<string, string> = { ...reason.params }
  if (params.country) params.country = names.country(params.country)
  if (params.language) params.language = names.language(params.language)
  if (params.channels)
    params.channels = params.channels
      .split(',')
      .map((channel) => t(`channel.${channel}`))
      .join(', ')
  return t(reason.key, params)
}
