import type { Translate } from '../../i18n/translate'
import type { Initiative } from '../../core/directory/initiativeSchema'
import { isStale } from '../../core/directory/isStale'
import type { Reason } from '../../core/matching/reason'
import { displayNames } from './displayNames'

/** One way to make contact, with a link only where the record has a real address. */
export interface ContactView {
  label: string
  text: string | undefined
  href: string | undefined
  hours: string | undefined
  notes: string | undefined
}

/** A matched service as every channel shows it: what it offers, how to reach it, why it is here. */
export interface ServiceView {
  id: string
  name: string
  nameLocal: string | undefined
  organisation: string | undefined
  offers: string[]
  contacts: ContactView[]
  website: string | undefined
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
  lastChecked: string
  stale: boolean
  sources: { url: string; date: string }[]
  /** Why an embedding site shows this service first (its own service), when it does. */
  featuredNote?: string
}

/** @example serviceView(initiative, scored.reasons, t, 'en', Date.now()) */
export function serviceView(initiative: Initiative, reasons: Reason[], t: Translate, ui: string, nowMs: number): ServiceView {
  const names = displayNames(ui)
  const groups = initiative.tags.target_group ?? []
  const channels = initiative.tags.contact_channel ?? []
  return {
    id: initiative.id,
    name: initiative.name,
    nameLocal: initiative.nameLocal ?? undefined,
    organisation: initiative.organisation ?? undefined,
    offers: [...groups.map((group) => t(`reason.group.${group}`)), ...channels.map((channel) => t(`channel.${channel}`))],
    contacts: initiative.contacts.flatMap((contact) => contactView(contact, initiative.website, t)),
    website: initiative.website ?? undefined,
    cost: t(initiative.free === true ? 'results.free' : initiative.free === false ? 'results.fee' : 'results.cost_unknown'),
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
    languages: initiative.languages.length > 0 ? initiative.languages.map(names.language).join(', ') : undefined,
    languagesLabel: t(initiative.inferred.includes('language') ? 'results.languages_likely' : 'results.languages'),
    reasons: reasons.map((reason) => reasonText(reason, t, ui)),
    lastChecked: initiative.lastChecked,
    stale: isStale(initiative.lastChecked, nowMs),
    sources: initiative.sources.map(({ url, date }) => ({ url, date })),
  }
}

function contactView(contact: Initiative['contacts'][number], website: string | null, t: Translate): ContactView[] {
  const label = t(`channel.${contact.channel}`)
  const base = { hours: contact.hours ?? undefined, notes: contact.notes ?? undefined }
  if (contact.value && contact.channel === 'phone') {
    return [{ label, text: contact.value, href: `tel:${contact.value.replace(/[^0-9+]/g, '')}`, ...base }]
  }
  if (contact.value) return [{ label, text: contact.value, href: contact.value.startsWith('https://') ? contact.value : undefined, ...base }]
  // The record names the channel but no address: only offer it if the website can lead there.
  return website ? [{ label, text: t('results.channel_via_website'), href: website, ...base }] : []
}

function reasonText(reason: Reason, t: Translate, ui: string): string {
  const names = displayNames(ui)
  const params: Record<string, string> = { ...reason.params }
  if (params.country) params.country = names.country(params.country)
  if (params.language) params.language = names.language(params.language)
  if (params.channels) params.channels = params.channels.split(',').map((channel) => t(`channel.${channel}`)).join(', ')
  return t(reason.key, params)
}
