import * as z from 'zod'

/** One choice of a record: a value, and how the console names it. */
type Option = readonly [value: string, label: string]

/** One fact of a record chosen from a fixed list: how it is checked, and how the console asks for it. */
export interface ChoiceFactSpec {
  schema: z.ZodType<string | null>
  /** The console's choices, in its order; a nullable fact's '' option stands for "none" (null). */
  options: readonly Option[]
  /** The console's label, also used in its error summary. */
  label: string
  hint?: string
  /** What a new record starts with ('' = nothing chosen). */
  initial: string
}

/**
 * The record's facts chosen from a fixed list, each listed once, as RECORD_TEXT_FACTS lists the text
 * ones: InitiativeSchema, the CSV's columns and the console's select, label, reading and saving derive
 * from this list. Adding one takes three files: an entry here (with a nullable schema and a '' option:
 * records written before it have none), its column in `storage/schema.ts`, and the migration
 * `npm run db:generate` writes.
 * @example RECORD_CHOICE_FACTS.status.options[0] // ['active', 'active (shown to people)']
 */
export const RECORD_CHOICE_FACTS = {
  kind: {
    schema: z.enum(['prevention', 'child_helpline', 'general_line']),
    options: [
      ['prevention', 'prevention programme'],
      ['child_helpline', 'child helpline (urgent help, young people)'],
      ['general_line', 'general line (urgent help)'],
    ],
    label: 'Kind of service',
    hint: 'Child helplines and general lines are urgent help; they are never shown as prevention for adults.',
    initial: 'prevention',
  },
  status: {
    schema: z.enum(['active', 'doubtful', 'closed']),
    options: [
      ['active', 'active (shown to people)'],
      ['doubtful', 'doubtful (not shown until checked)'],
      ['closed', 'closed (never shown)'],
    ],
    label: 'Status',
    hint: 'Only active records are shown to a person as a service.',
    initial: 'active',
  },
  aboutPageBy: {
    schema: z.enum(['operator', 'official']).nullable(),
    options: [
      ['', 'no page about the service'],
      ['operator', 'the operator (the organisation that runs the service)'],
      ['official', 'an official body (e.g. the ministry that funds it)'],
    ],
    label: 'Who published that page',
    hint: 'Who published the page above.',
    initial: '',
  },
  confidence: {
    schema: z.enum(['high', 'medium', 'low']),
    options: [
      ['high', 'high'],
      ['medium', 'medium'],
      ['low', 'low'],
    ],
    label: 'Confidence',
    hint: 'How sure the directory is of this record as a whole.',
    initial: 'medium',
  },
} as const satisfies Record<string, ChoiceFactSpec>

export type ChoiceFact = keyof typeof RECORD_CHOICE_FACTS

/** Whether a fact may be unknown: its form value '' is then saved as null. */
export function isNullableChoice(name: ChoiceFact): boolean {
  return RECORD_CHOICE_FACTS[name].schema.safeParse(null).success
}
