import { URGENT_LINE_KINDS } from '../../core/directory/urgentHelpSchema'
import { UrgentReasonSchema } from '../../core/crisis/urgentReason'
import { componentRef } from './componentRef'
import { strictObjectSchema } from './strictObjectSchema'

const text = { type: 'string' }
const describedText = (description: string) => ({ ...text, description })
const reason = { type: 'string', enum: [...UrgentReasonSchema.options] }

/** The schemas of the urgent-help panel (`channels/shared/urgentView.ts`), sent with every response, errors included. */
export const urgentHelpSchemas = {
  UrgentHelp: strictObjectSchema(
    "Urgent-help numbers, present on every response: the person's country's numbers first, honest about what is missing.",
    {
      question: componentRef('UrgentQuestion'),
      title: text,
      intro: text,
      privacyNotes: {
        type: 'array',
        items: text,
        description: "Every line's privacy note, in order, for a client that says them once rather than beside each line.",
      },
      childDanger: describedText('"Is a child in danger right now?" Kept for earlier clients: each line now has its own heading.'),
      suicide: describedText('"Thinking of ending your life?" Kept for earlier clients: each line now has its own heading.'),
      lines: {
        type: 'array',
        description: 'Never empty while the directory has urgent numbers: without a country, the numbers many countries share (112 first).',
        items: componentRef('UrgentLine'),
      },
      shared: {
        type: 'boolean',
        description: 'No country known (or none on file for it): the lines are the numbers many countries share, each saying where.',
      },
      eu: text,
      countries: {
        type: 'array',
        description:
          'Every country with urgent numbers on file, named in the interface language and sorted by name: for a country picker (send a code back as urgentCountry).',
        items: componentRef('NamedCode'),
      },
    },
    {
      reason: { ...reason, description: 'The answer to the one question, once given; lines then start with the number for it.' },
      callFirst: describedText('Said above the first number once the person has answered the question.'),
      country: describedText('The country whose numbers these are (ISO 3166-1 alpha-2).'),
      countryName: text,
      gap: describedText('Said when the country is unknown, has no sourced crisis line or no data at all.'),
    },
  ),
  UrgentQuestion: strictObjectSchema('The one question urgent help asks, with its answers (send one back as urgentReason).', {
    prompt: text,
    options: {
      type: 'array',
      items: strictObjectSchema(undefined, { id: reason, label: text }),
    },
  }),
  UrgentLine: strictObjectSchema(
    'One number to call, ready to show big with a tel: link.',
    {
      kind: { type: 'string', enum: [...URGENT_LINE_KINDS] },
      kindLabel: text,
      heading: describedText(
        'The question this kind of line answers, or what it is for ("Is someone in danger right now?" over an emergency number): show it above the line.',
      ),
      name: text,
      number: describedText('As written ("116 111"); show it as a left-to-right run in right-to-left text.'),
      tel: describedText('"tel:116111"'),
    },
    {
      privacy: describedText(
        'What is true about giving your name on this kind of line ("Emergency services see the number you call from…"), on the first line of its kind only.',
      ),
      hours: describedText('The opening hours in a sentence ("Hours: 24/7"), in the interface language.'),
      hoursText: describedText("The directory's own words for the hours (English, as recorded)."),
      source: { ...text, format: 'uri', description: 'Where the number is published.' },
      where: strictObjectSchema('For a number many countries share (shown while the country is unknown): the countries on file with it.', {
        summary: describedText('"Countries on our list with this number (31)"'),
        countries: describedText('The countries named in a sentence, in the interface language.'),
        codes: { type: 'array', items: text },
      }),
    },
  ),
  NamedCode: strictObjectSchema('A code with its name in the interface language.', { code: text, name: text }),
  Error: strictObjectSchema(
    "Helpfinder's own error body for the API's paths (413, 404, 500): what went wrong in the interface language, and urgent help all the same (for the browser's region if Accept-Language names one, else the numbers many countries share).",
    {
      error: strictObjectSchema(undefined, {
        status: { type: 'integer', description: 'The HTTP status again.' },
        message: describedText('What went wrong, in the language Accept-Language asks for.'),
      }),
      urgent: componentRef('UrgentHelp'),
    },
  ),
}
