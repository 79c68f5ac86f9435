import { componentRef } from './componentRef'
import { strictObjectSchema } from './strictObjectSchema'

const text = { type: 'string' }
const texts = { type: 'array', items: text }
const uri = { type: 'string', format: 'uri' }
const describedText = (description: string) => ({ ...text, description })

/** The schemas of a matched service as `channels/shared/serviceView.ts` (with its reach, provenance and description) sends it. */
export const serviceCardSchemas = {
  ServiceCard: strictObjectSchema(
    'A matched service. Contacts list only channels the record really has. Texts from the directory (organisation, hours, notes, cost notes, confidentiality) are in English, as recorded.',
    {
      id: text,
      name: text,
      offers: { ...texts, description: 'Who it is for and how it works, in the interface language.' },
      contacts: { type: 'array', items: componentRef('Contact') },
      reach: {
        type: 'array',
        description:
          'How to reach the service, ready to show first: each number or address written out, then the website with the channels it leads to folded into its one line (never a line each repeating it), the page about the service, and last what works from other countries only.',
        items: componentRef('ReachLine'),
      },
      cost: describedText('"Free", "There is a fee", …: for the person\'s country, in the interface language.'),
      anonymity: text,
      confidentiality: text,
      confidentialityKnown: {
        type: 'boolean',
        description: 'False when confidentiality is the "not recorded" notice rather than the record\'s own words.',
      },
      languagesLabel: describedText('"Languages", or "Languages (likely)" when the languages were inferred.'),
      reasons: { ...texts, description: 'Why this service was matched, in the interface language.' },
      lastChecked: {
        type: ['string', 'null'],
        format: 'date',
        description: 'The day someone compared the record with its sources; null when no one has yet (an import is not a check).',
      },
      checked: describedText(
        '"Checked against its sources in March 2025" (the month in the interface language), or "Not yet checked by us against its sources".',
      ),
      stale: { type: 'boolean', description: 'Checked, but more than 12 months ago. Never true for a record that was never checked.' },
      sources: { type: 'array', items: componentRef('Source') },
      newestSource: describedText('"Information from September 2024", or that the sources give no date.'),
    },
    {
      nameLocal: describedText("The name in the service's own language, when it differs."),
      organisation: text,
      description: componentRef('Description'),
      website: uri,
      aboutPage: componentRef('AboutPage'),
      costNotes: describedText('What the record says about fees (English, as recorded).'),
      languages: describedText('"German, English": the languages it works in, named in the interface language.'),
      featuredNote: describedText('Why the embedding site shows this service first (its own service), in the widget only.'),
      checkedWhen: describedText('The month of the check as written in checked ("March 2025"); absent when no one has checked.'),
      newestSourceWhen: describedText('The newest source\'s date as written in newestSource ("September 2024", "about 2021").'),
      newestSourceDate: describedText('The newest source\'s date for a <time datetime> ("2024-09").'),
    },
  ),
  Description: strictObjectSchema(
    "What the service offers: its own words in the interface language where the record has them (ownWords true, with the page they come from), else the directory's English summary (lang 'en'). Absent when the record has neither.",
    {
      text,
      lang: describedText('The language of text (ISO 639-1), for a lang attribute.'),
      dir: { type: 'string', enum: ['ltr', 'rtl'] },
      ownWords: {
        type: 'boolean',
        description: 'True: the text is the service\'s own words from sourceUrl. Say so ("In the service\'s own words").',
      },
    },
    { sourceUrl: { ...uri, description: 'The page the own words are taken from; absent for the summary.' } },
  ),
  AboutPage: strictObjectSchema(
    'A page about the service by its operator or an official body: a real way to learn more and find the service, never a number to call or a place to book. Show it with its label.',
    {
      href: uri,
      label: describedText(
        '"The operator\'s page about this service" or "An official page about this service", in the interface language.',
      ),
    },
  ),
  Contact: strictObjectSchema(
    "One way to make contact, with a link only where the record has a real address that works from the person's country.",
    {
      channel: describedText('The channel\'s code ("phone", "chat", …); label is its name.'),
      label: text,
      viaWebsite: { type: 'boolean', description: 'The record names the channel but no address of its own: href is the website.' },
    },
    {
      text: describedText('The number or address, or "through their website".'),
      href: describedText("tel:, mailto: or https: link; absent for a contact that does not work from the person's country."),
      hours: describedText('Opening hours (English, as recorded).'),
      notes: describedText('English, as recorded.'),
      countryNote: describedText('"For calls from: United Kingdom" when the contact works from some countries only.'),
    },
  ),
  ReachLine: strictObjectSchema(
    'One way to reach the service, as a person meets it: the number or address itself, first.',
    {
      kind: {
        type: 'string',
        enum: ['call', 'mail', 'link', 'website', 'about-page', 'text'],
        description:
          "call: a tel: link; mail: mailto:; link: an https: address; website: the service's site; about-page: a page about the service; text: no link.",
      },
      label: describedText('"Phone", "Website", "The operator\'s page about this service".'),
      text: describedText('The number or address written out; for the website and a page about the service, its host.'),
      notes: { type: 'array', items: componentRef('ReachNote') },
    },
    {
      leadsTo: describedText('On the website\'s line: "Chat, Group: through their website". Show it in the label\'s place.'),
      href: describedText("tel:, mailto: or https: link; absent for a contact that does not work from the person's country."),
      countryNote: describedText('"For calls from: United Kingdom" when it works from some countries only.'),
    },
  ),
  ReachNote: strictObjectSchema(
    "A note under a way in: the directory's English words, after a label in the interface language where one helps.",
    { text },
    { label: describedText('"Opening hours", or the channel the note is about ("Chat").') },
  ),
  Source: strictObjectSchema(
    'One source of the record: the site it is on and the date it carries.',
    {
      url: uri,
      date: describedText('The date the source carries, as recorded ("2024-09", "~2021", "undated").'),
      label: describedText('The site and its date: "preventell.se (September 2024)".'),
      site: describedText('The site the source is on, as people name it ("preventell.se").'),
      dated: describedText('"September 2024", "about 2021", "2015–2017" or "undated", in the interface language.'),
    },
    { datetime: describedText('The source\'s date for a <time datetime> ("2024-09"); absent when it gives none.') },
  ),
}
