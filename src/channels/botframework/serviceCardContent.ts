import type { Translate } from '../../i18n/translate'
import { isolateNumbers } from '../shared/isolateNumbers'
import type { ServiceView } from '../shared/serviceView'

/** At most this many buttons on a service's card; Teams shows no more than six actions. */
const MAX_BUTTONS = 6

/** A button on a service's card: a number to call or an https: page to open. */
export type ServiceButton = { kind: 'call'; title: string; tel: string } | { kind: 'link'; title: string; url: string }

/** What a service's card says, whatever the card's format: lines of plain text and buttons, in order. */
export interface ServiceCardContent {
  title: string
  /** Why the service is here, when matching said why. */
  subtitle: string | undefined
  /** What it is, cost, anonymity and confidentiality. */
  about: string[]
  /** Contacts with no button of their own: numbers for other countries only, addresses that are not https, channels reached through the website. */
  contacts: string[]
  /** When it was checked (or that it was not yet) and how recent its sources are. */
  provenance: string[]
  buttons: ServiceButton[]
}

/**
 * A matched service's card in words: what it is (in its own words where it wrote them in the
 * person's language, with the page they come from), why it is here, cost, anonymity,
 * confidentiality, when it was checked and how recent its sources are; its phone numbers as call
 * buttons, its https links, website, page about the service and first https source as link buttons.
 * In right-to-left languages every number in its words is isolated (isolateNumbers), never in a tel: or https: address.
 * @example serviceCardContent(view.results.services[0], t, 'ltr').buttons[0] // { kind: 'call', title: 'Phone: 0800 70 222 40', tel: 'tel:08007022240' }
 */
export function serviceCardContent(service: ServiceView, t: Translate, dir: 'ltr' | 'rtl'): ServiceCardContent {
  const words = (text: string) => isolateNumbers(text, dir)
  const buttons: ServiceButton[] = []
  const contacts: string[] = []
  const viaWebsite: string[] = []
  for (const contact of service.contacts) {
    // A number given for other countries only has no href; its note says where it works from.
    if (contact.countryNote && !contact.href) contacts.push(`${contact.label}: ${contact.text ?? ''} (${contact.countryNote})`)
    else if (contact.href?.startsWith('tel:'))
      buttons.push({ kind: 'call', title: `${contact.label}: ${contact.text ?? ''}`.trim(), tel: contact.href })
    // Channels reached through the website are named in the text; the website button leads there.
    else if (contact.href && contact.href === service.website) viaWebsite.push(contact.label)
    else if (contact.href?.startsWith('https://')) buttons.push({ kind: 'link', title: contact.label, url: contact.href })
    else if (contact.text) contacts.push(`${contact.label}: ${contact.text}`)
  }
  if (viaWebsite.length > 0) contacts.push(`${viaWebsite.join(', ')}: ${t('results.channel_via_website')}`)
  if (service.website?.startsWith('https://')) buttons.push({ kind: 'link', title: t('results.website'), url: service.website })
  if (service.aboutPage) buttons.push({ kind: 'link', title: service.aboutPage.label, url: service.aboutPage.href })
  const source = service.sources.find((entry) => entry.url.startsWith('https://'))
  if (source) buttons.push({ kind: 'link', title: source.label, url: source.url })
  const subtitle = service.reasons.join(' · ')
  return {
    title: words(service.name),
    subtitle: subtitle ? words(subtitle) : undefined,
    about: [
      ...descriptionLines(service.description, t),
      service.cost,
      service.anonymity,
      `${t('results.confidentiality')}: ${service.confidentiality}`,
    ].map(words),
    contacts: contacts.map(words),
    provenance: [service.checked, service.newestSource, ...(service.stale ? [t('results.stale')] : [])].map(words),
    buttons: buttons.slice(0, MAX_BUTTONS).map((button) => ({ ...button, title: words(button.title) })),
  }
}

/** The description, then, for the service's own words, where they come from (as plain text: cards escape markdown). */
function descriptionLines(description: ServiceView['description'], t: Translate): string[] {
  if (!description) return []
  return description.ownWords && description.sourceUrl
    ? [description.text, `${t('results.own_words')}: ${description.sourceUrl}`]
    : [description.text]
}
