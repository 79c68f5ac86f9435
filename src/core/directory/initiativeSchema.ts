import * as z from 'zod'
import { CountryCode, LanguageCode } from './isoCodes'
import { checkPairMessage } from './checkPairMessage'
import { factsBeyond } from './factsBeyond'
import { HttpsUrl } from './httpsUrl'
import { type ChoiceFact, RECORD_CHOICE_FACTS as CHOICES } from './recordChoiceFacts'
import { RECORD_TEXT_FACTS as FACTS, type TextFact } from './recordTextFacts'
import { CHOICE_FACTS, TEXT_FACTS } from './recordFactNames'

const IsoDate = z.iso.date()

/** A way to reach a service. `value` is empty when the record names the channel but no address for it. */
export const ContactSchema = z.object({
  channel: z.enum(['phone', 'chat', 'email', 'sms', 'whatsapp', 'web_form', 'app', 'forum', 'online_self_help', 'face_to_face', 'group']),
  value: z.string().min(1).nullable(),
  hours: z.string().min(1).nullable(),
  languages: z.array(LanguageCode).nullable(),
  notes: z.string().min(1).nullable(),
  /** Countries this contact works from (a national freephone, say); absent when it works wherever the service works. */
  countries: z.array(CountryCode).min(1).optional(),
})
export type Contact = z.infer<typeof ContactSchema>

/** Where a fact came from: the page, the date the page shows (or "undated"), and what it supports. */
export const SourceSchema = z.object({
  url: HttpsUrl,
  date: z.string().min(1),
  supports: z.string().min(1),
})
export type Source = z.infer<typeof SourceSchema>

/** A short description in the service's own language, taken from one of the record's sources. */
export const OwnWordsSchema = z.object({
  language: LanguageCode,
  text: z.string().min(1).max(600),
  /** The source the words come from; must be one of the record's `sources`. */
  source: HttpsUrl,
})
export type OwnWords = z.infer<typeof OwnWordsSchema>

/** The record's fields in the order they are written; text and choice facts not placed here follow them. */
const PLACED = {
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  /** prevention: a prevention programme; child_helpline / general_line: urgent help and young people, never shown as prevention for adults. */
  kind: CHOICES.kind.schema,
  name: z.string().min(1),
  nameLocal: FACTS.nameLocal.schema,
  organisation: FACTS.organisation.schema,
  summary: FACTS.summary.schema,
  /** Only `active` records are shown to a person as a service they can use. */
  status: CHOICES.status.schema,
  statusNote: FACTS.statusNote.schema,
  countries: z.array(CountryCode),
  subnational: FACTS.subnational.schema,
  /** Reachable from anywhere online (self-help, chat), not only in `countries`. */
  online: z.boolean(),
  languages: z.array(LanguageCode),
  /** Tags per taxonomy criterion id, e.g. { target_group: ['fear_may_offend'] }. */
  tags: z.record(z.string(), z.array(z.string())),
  /** Criterion ids (e.g. "language", "jrc_category") whose values were inferred, not stated by a source. */
  inferred: z.array(z.string()),
  free: z.boolean().nullable(),
  costNotes: FACTS.costNotes.schema,
  anonymous: z.union([z.boolean(), z.literal('partial')]).nullable(),
  /** What the service says about confidentiality and when it passes information on. */
  confidentiality: FACTS.confidentiality.schema,
  website: FACTS.website.schema,
  /**
   * A page about this service by its operator (or by the public body that set it up), taken from
   * `sources`: a real way to learn more and find the service, shown as such, never as a booking line.
   */
  aboutPage: FACTS.aboutPage.schema,
  aboutPageBy: CHOICES.aboutPageBy.schema,
  contacts: z.array(ContactSchema),
  sources: z.array(SourceSchema).min(1, 'needs at least one source'),
  /** Short descriptions in the service's own language(s); English `summary` stays the fallback. */
  ownWords: z.array(OwnWordsSchema),
  /** The day someone compared the record with its sources; null until a real check happens. */
  lastChecked: IsoDate.nullable(),
  /** Who made that check (a curator's name, or the research named by an import file). */
  checkedBy: z.string().min(1).max(200).nullable(),
  confidence: CHOICES.confidence.schema,
}

/**
 * One service in the directory. Unknown facts stay null; facts inferred rather than sourced
 * are listed in `inferred` (criterion ids, or "languages") so matching can weigh them less.
 */
export const InitiativeSchema = z
  .object({ ...PLACED, ...factsBeyond(FACTS, PLACED), ...factsBeyond(CHOICES, PLACED) })
  .superRefine((record, context) => {
    if ((record.lastChecked === null) !== (record.checkedBy === null)) {
      context.addIssue({
        code: 'custom',
        path: [record.lastChecked === null ? 'lastChecked' : 'checkedBy'],
        message: checkPairMessage(record),
      })
    }
    if ((record.aboutPage === null) !== (record.aboutPageBy === null)) {
      context.addIssue({ code: 'custom', path: ['aboutPageBy'], message: 'aboutPage and aboutPageBy go together' })
    }
    const sourceUrls = new Set(record.sources.map((source) => source.url))
    if (record.aboutPage !== null && !sourceUrls.has(record.aboutPage)) {
      context.addIssue({ code: 'custom', path: ['aboutPage'], message: "must be one of the record's sources" })
    }
    record.ownWords.forEach((words, index) => {
      if (!sourceUrls.has(words.source))
        context.addIssue({ code: 'custom', path: ['ownWords', index, 'source'], message: "must be one of the record's sources" })
      if (record.ownWords.findIndex((other) => other.language === words.language) !== index) {
        context.addIssue({ code: 'custom', path: ['ownWords', index, 'language'], message: 'one description per language' })
      }
    })
  })
export type Initiative = z.infer<typeof InitiativeSchema>

/** Text facts added since PLACED was written: every part that lays the record out puts them after its own fields. */
export const LATER_TEXT_FACTS: readonly TextFact[] = TEXT_FACTS.filter((name) => !Object.hasOwn(PLACED, name))
/** Choice facts added since PLACED was written. */
export const LATER_CHOICE_FACTS: readonly ChoiceFact[] = CHOICE_FACTS.filter((name) => !Object.hasOwn(PLACED, name))

/** The file `data/initiatives.json`. */
export const InitiativesFileSchema = z.object({
  initiatives: z.array(InitiativeSchema),
})
