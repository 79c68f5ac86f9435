import type { Translate } from '../../i18n/translate'
import type { AboutPageView } from './aboutPageView'
import type { ContactView } from './serviceView'
import { writtenAddress } from './writtenAddress'

/** A note under a way in: the directory's own English words, after a label in the person's language where one helps. */
export interface ReachNote {
  /** "Opening hours", or the channel a note is about ("Chat"), in the person's language. */
  label: string | undefined
  /** The directory's words, recorded in English. */
  text: string
}

/** One way to reach a service, as a person meets it: the number or address itself, first. */
export interface ReachLine {
  /** call: a tel: link; mail: mailto:; link: an https: address; website: the service's site (with the channels it leads to); about-page: a page about the service; text: no link (a number for other countries, an address that is not https). */
  kind: 'call' | 'mail' | 'link' | 'website' | 'about-page' | 'text'
  /** "Phone", "Website", "The operator's page about this service". */
  label: string
  /** On the website's line, the channels it leads to: "Chat, Group: through their website". Shown in the label's place on a card. */
  leadsTo: string | undefined
  /** The number or address, written out ("0800 70 222 40", "chat.example.org/start"); for the website and a page about the service, their host ("www.fsyc.org"), the full address being in `href`. */
  text: string
  href: string | undefined
  /** Hours and notes, in the directory's English. */
  notes: ReachNote[]
  /** "For calls from: United Kingdom" when it works from some countries only. */
  countryNote: string | undefined
}

/**
 * The ways in, ready to show first on a card and to copy: numbers and addresses that work from the
 * person's country, then the website — with the channels it leads to folded into its one line,
 * never a line each repeating it —, the page about the service, and last what works from elsewhere.
 * @example reachLines(contacts, 'https://troubled-desire.com', undefined, t, 'en')[0].leadsTo // 'Online self-help: through their website'
 */
export function reachLines(
  contacts: readonly ContactView[],
  website: string | undefined,
  aboutPage: AboutPageView | undefined,
  t: Translate,
  ui: string,
): ReachLine[] {
  const own = contacts.filter((contact) => !contact.viaWebsite && contact.href !== undefined)
  const elsewhere = contacts.filter((contact) => !contact.viaWebsite && contact.href === undefined)
  const via = contacts.filter((contact) => contact.viaWebsite)
  const lines: ReachLine[] = own.map((contact) => contactLine(contact, t))
  if (website) {
    const channels = via.length > 0 ? new Intl.ListFormat([ui, 'en'], { type: 'unit', style: 'short' }).format(via.map((c) => c.label)) : ''
    lines.push({
      kind: 'website',
      label: t('results.website'),
      leadsTo: via.length > 0 ? `${channels}: ${t('results.channel_via_website')}` : undefined,
      text: hostOf(website),
      href: website,
      // What the record says about a channel the website leads to stays, under the channel's name.
      notes: via.flatMap((contact) => [
        ...(contact.hours ? [{ label: `${contact.label} · ${t('results.hours')}`, text: contact.hours }] : []),
        ...(contact.notes ? [{ label: contact.label, text: contact.notes }] : []),
      ]),
      countryNote: undefined,
    })
  }
  if (aboutPage)
    lines.push({
      kind: 'about-page',
      label: aboutPage.label,
      leadsTo: undefined,
      text: hostOf(aboutPage.href),
      href: aboutPage.href,
      notes: [],
      countryNote: undefined,
    })
  return [...lines, ...elsewhere.map((contact) => contactLine(contact, t))]
}

function contactLine(contact: ContactView, t: Translate): ReachLine {
  const href = contact.href
  const kind = href?.startsWith('tel:') ? 'call' : href?.startsWith('mailto:') ? 'mail' : href ? 'link' : 'text'
  return {
    kind,
    label: contact.label,
    leadsTo: undefined,
    text: kind === 'link' && href ? writtenAddress(href) : (contact.text ?? ''),
    href,
    notes: [
      ...(contact.hours ? [{ label: t('results.hours'), text: contact.hours }] : []),
      ...(contact.notes ? [{ label: undefined, text: contact.notes }] : []),
    ],
    countryNote: contact.countryNote,
  }
}

/** "www.fsyc.org" for a long address: what a card's link says; the whole address stays in its href (and is printed). */
function hostOf(url: string): string {
  return URL.canParse(url) ? new URL(url).host : writtenAddress(url)
}
