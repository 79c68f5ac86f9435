import * as z from 'zod'
import { HttpsUrl } from './httpsUrl'

const Text = z.string().min(1).nullable()
const Url = HttpsUrl.nullable()

/** One optional text fact of a record: how it is checked, and how the console asks for it. */
export interface TextFactSpec {
  /** Null when unknown: an unknown fact stays empty, never guessed. */
  schema: z.ZodType<string | null>
  /** The console's label, also used in its error summary. */
  label: string
  control: 'text' | 'textarea' | 'url'
  hint?: string
  /** A <datalist> the console suggests values from (`source-urls`: the record's own sources). */
  list?: 'source-urls'
}

/**
 * The record's optional text facts, each listed once. InitiativeSchema, the CSV's columns (and so
 * the import and the export), and the console's form, labels, reading and saving all derive from
 * this list. Adding a fact takes three files: an entry here, its column in `storage/schema.ts`,
 * and the migration `npm run db:generate` writes (tests/recordFieldRecipe.test.ts does exactly that).
 * A new fact is kept, edited, imported and exported; showing it to people is a decision of its own
 * (`channels/shared/serviceView.ts`).
 * @example RECORD_TEXT_FACTS.summary.label // 'Summary'
 */
export const RECORD_TEXT_FACTS = {
  nameLocal: {
    schema: Text,
    label: 'Name in the local language',
    control: 'text',
    hint: 'The name in the service’s own language, when it differs.',
  },
  organisation: { schema: Text, label: 'Organisation', control: 'text' },
  summary: { schema: Text, label: 'Summary', control: 'textarea', hint: 'What the service offers and to whom, in English.' },
  statusNote: {
    schema: Text,
    label: 'Note on the status',
    control: 'textarea',
    hint: 'Why it is doubtful or closed, and how that is known.',
  },
  subnational: {
    schema: Text,
    label: 'Region within the country',
    control: 'text',
    hint: 'Only when the service is for part of a country, e.g. Bavaria.',
  },
  costNotes: { schema: Text, label: 'Notes on cost', control: 'textarea', hint: 'What the service says about fees, if anything.' },
  confidentiality: {
    schema: Text,
    label: 'Confidentiality',
    control: 'textarea',
    hint: 'What the service says about confidentiality and when it passes information on.',
  },
  website: { schema: Url, label: 'Website', control: 'url', hint: 'Starting with https://.' },
  aboutPage: {
    schema: Url,
    label: 'Page about the service',
    control: 'url',
    list: 'source-urls',
    hint: 'A page about this service by its operator or an official body, one of the sources below. Shown to people as such (“The operator’s page about this service”), never as a number to call or a place to book; a record with only this page is still shown.',
  },
} as const satisfies Record<string, TextFactSpec>

export type TextFact = keyof typeof RECORD_TEXT_FACTS
