import { CardFactory, type Attachment, type CardAction } from 'botbuilder'
import type { Translate } from '../../i18n/translate'
import type { ServiceView } from '../shared/serviceView'

const MAX_BUTTONS = 6

/**
 * A matched service as a hero card: what it is (in its own words where it wrote them in the
 * person's language, with the page they come from), why it is here, cost, anonymity,
 * confidentiality, when it was checked (or that it was not yet) and how recent its sources are;
 * its phone numbers as call buttons and its https links as openUrl buttons, its page about the
 * service as a button named for what it is.
 * @example serviceCard(view.results.services[0], t).content.title // 'Präventionsnetzwerk „Kein Täter werden“ …'
 */
export function serviceCard(service: ServiceView, t: Translate): Attachment {
  const buttons: CardAction[] = []
  const unlinked: string[] = []
  const viaWebsite: string[] = []
  for (const contact of service.contacts) {
    // A number given for other countries only has no href; its note says where it works from.
    if (contact.countryNote && !contact.href) unlinked.push(`${contact.label}: ${contact.text ?? ''} (${contact.countryNote})`)
    else if (contact.href?.startsWith('tel:')) buttons.push({ type: 'call', title: `${contact.label}: ${contact.text ?? ''}`.trim(), value: contact.href })
    // Channels reached through the website are named in the text; the website button leads there.
    else if (contact.href && contact.href === service.website) viaWebsite.push(contact.label)
    else if (contact.href?.startsWith('https://')) buttons.push({ type: 'openUrl', title: contact.label, value: contact.href })
    else if (contact.text) unlinked.push(`${contact.label}: ${contact.text}`)
  }
  if (viaWebsite.length > 0) unlinked.push(`${viaWebsite.join(', ')}: ${t('results.channel_via_website')}`)
  if (service.website?.startsWith('https://')) buttons.push({ type: 'openUrl', title: t('results.website'), value: service.website })
  if (service.aboutPage) buttons.push({ type: 'openUrl', title: service.aboutPage.label, value: service.aboutPage.href })
  const source = service.sources.find((entry) => entry.url.startsWith('https://'))
  if (source) buttons.push({ type: 'openUrl', title: source.label, value: source.url })
  const text = [
    ...descriptionLines(service.description, t),
    service.cost,
    service.anonymity,
    `${t('results.confidentiality')}: ${service.confidentiality}`,
    ...unlinked,
    service.checked,
    service.newestSource,
    ...(service.stale ? [t('results.stale')] : []),
  ].join('\n\n')
  return CardFactory.heroCard(service.name, text, undefined, buttons.slice(0, MAX_BUTTONS), { subtitle: service.reasons.join(' · ') || undefined })
}

/** The description, then, for the service's own words, where they come from (as plain text: the card escapes markdown). */
function descriptionLines(description: ServiceView['description'], t: Translate): string[] {
  if (!description) return []
  return description.ownWords && description.sourceUrl ? [description.text, `${t('results.own_words')}: ${description.sourceUrl}`] : [description.text]
}
