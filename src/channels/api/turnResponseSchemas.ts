import { uiLanguages } from '../../i18n/resources'
import { componentRef } from './componentRef'
import { strictObjectSchema } from './strictObjectSchema'

const text = { type: 'string' }
const describedText = (description: string) => ({ ...text, description })
const idAndLabel = { id: text, label: text }

/** The schemas of one turn's response (`channels/shared/buildTurnView.ts` TurnView) and its step and results. */
export const turnResponseSchemas = {
  TurnResponse: strictObjectSchema(
    'One turn, in words: the step the person is at, results once they are reached, and urgent help always. Fields without a value are left out, never sent as null.',
    {
      ui: { type: 'string', enum: [...uiLanguages], description: 'The interface language every text is in.' },
      dir: { type: 'string', enum: ['ltr', 'rtl'], description: "The interface language's direction." },
      state: describedText('The sealed conversation state; opaque. Send it back with the next request. Never put it in a URL or a log.'),
      step: componentRef('Step'),
      urgent: componentRef('UrgentHelp'),
      showUrgent: { type: 'boolean', description: 'The person asked for urgent help (or the flow led there): show it first.' },
      urgentSuggested: {
        type: 'boolean',
        description: 'Typed words suggested urgent help: show the urgent panel above the step, which stays.',
      },
      languages: {
        type: 'array',
        description: 'The interface languages, each named in itself: send a code as ui with action "language".',
        items: componentRef('InterfaceLanguage'),
      },
    },
    {
      notice: describedText('Something to say before the step: "Something went wrong with that step…", or that a new conversation began.'),
      error: describedText('The reply was not understood ("We did not recognise that country…"); the same step is asked again.'),
      results: componentRef('Results'),
    },
  ),
  Step: strictObjectSchema(
    'The question the person is at (or the end: results or urgent help).',
    {
      nodeId: describedText('The question\'s id in the flow ("asker", "age", "country", …, "results").'),
      number: { type: 'integer', description: 'This question\'s place: "Question 3 of 6".' },
      total: {
        type: 'integer',
        description: 'Questions on the path the answers so far lead to; it can grow by one when an answer opens a question.',
      },
      prompt: text,
      options: {
        type: 'array',
        description: 'The answers to choose from; for a country or language question, every one on file, named in the interface language.',
        items: componentRef('Option'),
      },
      canGoBack: { type: 'boolean' },
      suggestions: {
        type: 'array',
        maxItems: 3,
        description:
          'For a country or language name that was not understood ("Germnay"): the closest names ("did you mean"), best first, in the interface language; empty otherwise. Send an id back as the reply (reply: ["DE"]) to answer with it.',
        items: componentRef('Suggestion'),
      },
    },
    {
      outcome: { type: 'string', enum: ['results', 'urgent'], description: 'Present at the end of the conversation.' },
      hint: text,
      parser: {
        type: 'string',
        enum: ['choice', 'multi', 'country', 'language'],
        description: 'How to answer: one option id, several, or a country or language (an id or a name typed in any supported language).',
      },
      typed: describedText('What the person typed when it was not understood, to show it again for correcting.'),
    },
  ),
  Option: strictObjectSchema('An answer to choose.', {
    ...idAndLabel,
    selected: { type: 'boolean', description: 'Preselected: the answer taken back after "back", or a suggested one.' },
  }),
  Suggestion: strictObjectSchema('A "did you mean" answer.', idAndLabel),
  InterfaceLanguage: strictObjectSchema('An interface language, named in itself.', {
    code: { type: 'string', enum: [...uiLanguages] },
    name: text,
  }),
  Results: strictObjectSchema(
    'The results: an honest opening line, services with the reasons they were matched, then general helplines. Never empty: at worst, urgent numbers only (tier urgent_only).',
    {
      tier: {
        type: 'string',
        enum: ['fit', 'online_language', 'online_english', 'helplines', 'urgent_only'],
        description:
          'How well the services fit: for the situation, online in the language, online in English, general helplines, urgent numbers only.',
      },
      intro: text,
      services: { type: 'array', items: componentRef('ServiceCard') },
      helplinesTitle: text,
      helplinesIntro: text,
      helplines: { type: 'array', items: componentRef('ServiceCard') },
      disclaimer: text,
      countsContacts: {
        type: 'boolean',
        description:
          'True when this server keeps the anonymous partner figures (docs/figures.md): a client may then count a followed contact link with one form post to /figures/contact (fields state and from=web), nothing else; false with FIGURES=off.',
      },
    },
    {
      languageNote: describedText('Said when no service speaks the language asked for.'),
      directoryNote: describedText(
        "Outside English: that the services' details are recorded in English (and, when a card quotes the service's own words, that those are shown with their source).",
      ),
      onFile: componentRef('OnFile'),
    },
  ),
  OnFile: strictObjectSchema('Records on file that fit but have no confirmed way to reach them: named, never with a number or link.', {
    label: text,
    note: text,
    records: { type: 'array', items: strictObjectSchema(undefined, { id: text, name: text }) },
  }),
}
