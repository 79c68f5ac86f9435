import * as z from 'zod'
import { ApiTurnRequestSchema } from './apiTurnRequest'
import { URGENT_LINE_KINDS } from '../../core/directory/urgentHelpSchema'

const text = { type: 'string' } as const
const optionalText = { type: ['string', 'null'] } as const

const service = {
  type: 'object',
  description: 'A matched service. Contacts list only channels the record really has.',
  properties: {
    id: text,
    name: text,
    nameLocal: optionalText,
    organisation: optionalText,
    description: {
      type: 'object',
      description:
        "What the service offers: its own words in the interface language where the record has them (ownWords true, with the page they come from), else the directory's English summary (lang 'en'). Absent when the record has neither.",
      required: ['text', 'lang', 'dir', 'ownWords'],
      properties: {
        text,
        lang: { ...text, description: 'The language of text (ISO 639-1), for a lang attribute.' },
        dir: { enum: ['ltr', 'rtl'] },
        sourceUrl: { ...text, format: 'uri', description: 'The page the own words are taken from; absent for the summary.' },
        ownWords: {
          type: 'boolean',
          description: 'True: the text is the service\'s own words from sourceUrl. Say so ("In the service\'s own words").',
        },
      },
    },
    offers: { type: 'array', items: text },
    contacts: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          channel: { ...text, description: 'The channel\'s code ("phone", "chat", …); label is its name.' },
          label: text,
          text: optionalText,
          href: optionalText,
          hours: optionalText,
          notes: optionalText,
          countryNote: optionalText,
          viaWebsite: { type: 'boolean', description: 'The record names the channel but no address of its own: href is the website.' },
        },
      },
    },
    reach: {
      type: 'array',
      description:
        "How to reach the service, ready to show first: each number or address written out, then the website with the channels it leads to folded into its one line (never a line each repeating it), the page about the service, and last what works from other countries only. Hours and notes are the directory's English.",
      items: {
        type: 'object',
        required: ['kind', 'label', 'text', 'notes'],
        properties: {
          kind: { enum: ['call', 'mail', 'link', 'website', 'about-page', 'text'] },
          label: { ...text, description: '"Phone", "Website", "The operator\'s page about this service".' },
          leadsTo: { ...text, description: 'On the website\'s line: "Chat, Group: through their website". Show it in the label\'s place.' },
          text: { ...text, description: 'The number or address written out; for the website and a page about the service, its host.' },
          href: {
            ...text,
            description: "tel:, mailto: or https: link; absent for a contact that does not work from the person's country.",
          },
          notes: { type: 'array', items: { type: 'object', properties: { label: text, text } } },
          countryNote: text,
        },
      },
    },
    website: optionalText,
    aboutPage: {
      type: 'object',
      description:
        'A page about the service by its operator or an official body: a real way to learn more and find the service, never a number to call or a place to book. Show it with its label. Absent when the record has none.',
      required: ['href', 'label'],
      properties: {
        href: { ...text, format: 'uri' },
        label: {
          ...text,
          description: '"The operator\'s page about this service" or "An official page about this service", in the interface language.',
        },
      },
    },
    cost: text,
    costNotes: optionalText,
    anonymity: text,
    confidentiality: text,
    confidentialityKnown: {
      type: 'boolean',
      description: 'False when confidentiality is the "not recorded" notice; directory texts are in English.',
    },
    languages: optionalText,
    languagesLabel: text,
    reasons: { type: 'array', items: text, description: 'Why this service was matched, in the interface language.' },
    lastChecked: {
      type: ['string', 'null'],
      format: 'date',
      description: 'The day someone compared the record with its sources; null when no one has yet (an import is not a check).',
    },
    checked: {
      ...text,
      description:
        '"Checked against its sources in March 2025" (the month in the interface language), or "Not yet checked by us against its sources".',
    },
    checkedWhen: { ...text, description: 'The month of the check as written in checked ("March 2025"); absent when no one has checked.' },
    stale: { type: 'boolean', description: 'Checked, but more than 12 months ago. Never true for a record that was never checked.' },
    sources: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          url: text,
          date: { ...text, description: 'The date the source carries, as recorded ("2024-09", "~2021", "undated").' },
          label: { ...text, description: 'The site and its date: "preventell.se (September 2024)".' },
          site: { ...text, description: 'The site the source is on, as people name it ("preventell.se").' },
          dated: { ...text, description: '"September 2024", "about 2021", "2015–2017" or "undated", in the interface language.' },
          datetime: { ...text, description: 'The source\'s date for a <time datetime> ("2024-09"); absent when it gives none.' },
        },
      },
    },
    newestSource: { ...text, description: '"Information from September 2024", or that the sources give no date.' },
    newestSourceWhen: { ...text, description: 'The newest source\'s date as written in newestSource ("September 2024", "about 2021").' },
    newestSourceDate: { ...text, description: 'The newest source\'s date for a <time datetime> ("2024-09").' },
  },
}

/** The OpenAPI 3.1 description served at `/api/v1/openapi.json`. */
export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Helpfinder conversation API',
      version: '1.0.0',
      description:
        'One stateless turn of the Helpfinder conversation. The whole conversation memory is the sealed `state` string: send back the one you received. Nothing is stored on the server. All text in responses is already in the interface language.',
    },
    paths: {
      '/api/v1/turn': {
        post: {
          summary: 'Take one turn: start, answer, go back, restart, show urgent help or change language',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: z.toJSONSchema(ApiTurnRequestSchema, { target: 'draft-2020-12' }) } },
          },
          responses: {
            '200': { description: 'The next step', content: { 'application/json': { schema: { $ref: '#/components/schemas/TurnView' } } } },
            '400': {
              description: 'The body was not understood; the response still carries a usable step and urgent help',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/TurnView' } } },
            },
            '413': {
              description:
                'The body was over 64 KiB and was not read, so its state could not be kept: send the previous state again with a shorter reply. Urgent help is still included.',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: {
                      error: { type: 'object', properties: { status: { type: 'integer' }, message: { type: 'string' } } },
                      urgent: { type: 'object' },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        TurnView: {
          type: 'object',
          required: ['ui', 'dir', 'state', 'step', 'urgent'],
          properties: {
            ui: text,
            dir: { enum: ['ltr', 'rtl'] },
            state: { ...text, description: 'Sealed conversation state; opaque. Never put it in a URL.' },
            notice: optionalText,
            error: optionalText,
            step: {
              type: 'object',
              properties: {
                nodeId: text,
                number: { type: 'integer' },
                total: {
                  type: 'integer',
                  description:
                    'Questions on the path the answers so far lead to ("Question 3 of 6"); it can grow by one when an answer opens a question.',
                },
                outcome: { enum: ['results', 'urgent', null] },
                prompt: text,
                hint: optionalText,
                parser: { enum: ['choice', 'multi', 'country', 'language', null] },
                options: { type: 'array', items: { type: 'object', properties: { id: text, label: text, selected: { type: 'boolean' } } } },
                canGoBack: { type: 'boolean' },
                typed: {
                  type: ['string', 'null'],
                  description: 'What the person typed when it was not understood, to show it again for correcting.',
                },
                suggestions: {
                  type: 'array',
                  maxItems: 3,
                  description:
                    'For a country or language name that was not understood ("Germnay"): the closest names ("did you mean"), best first, in the interface language; empty otherwise. Send an id back as the reply (reply: ["DE"]) to answer with it.',
                  items: { type: 'object', required: ['id', 'label'], properties: { id: text, label: text } },
                },
              },
            },
            results: {
              type: ['object', 'null'],
              properties: {
                tier: { enum: ['fit', 'online_language', 'online_english', 'helplines', 'urgent_only'] },
                intro: text,
                languageNote: optionalText,
                services: { type: 'array', items: service },
                helplines: { type: 'array', items: service },
                disclaimer: text,
                countsContacts: {
                  type: 'boolean',
                  description:
                    'True when this server keeps the anonymous partner figures (docs/figures.md): a client may then count a followed contact link with one form post to /figures/contact (fields state and from=web), nothing else; false with FIGURES=off.',
                },
                onFile: {
                  type: ['object', 'null'],
                  description:
                    'Records on file that fit but have no confirmed way to reach them: named after the services, never with a number or link.',
                  properties: {
                    label: text,
                    note: text,
                    records: { type: 'array', items: { type: 'object', properties: { id: text, name: text } } },
                  },
                },
              },
            },
            urgent: {
              type: 'object',
              description: 'Urgent-help numbers, present on every response.',
              properties: {
                reason: {
                  type: ['string', 'null'],
                  enum: ['child_danger', 'self_harm', 'other', null],
                  description: 'The answer to the one question; lines then start with the number for it.',
                },
                question: {
                  type: 'object',
                  description: 'The one question urgent help asks, with its answers (send one back as urgentReason).',
                  properties: {
                    prompt: text,
                    options: { type: 'array', items: { type: 'object', properties: { id: text, label: text } } },
                  },
                },
                callFirst: optionalText,
                title: text,
                intro: text,
                country: optionalText,
                countryName: optionalText,
                gap: optionalText,
                eu: text,
                shared: {
                  type: 'boolean',
                  description:
                    'No country known (or none on file for it): the lines are the numbers many countries share, each saying where.',
                },
                lines: {
                  type: 'array',
                  description: 'Never empty: without a country, the numbers many countries share (112 first).',
                  items: {
                    type: 'object',
                    properties: {
                      kind: { enum: [...URGENT_LINE_KINDS] },
                      kindLabel: text,
                      name: text,
                      number: text,
                      tel: text,
                      hours: optionalText,
                      hoursText: { ...optionalText, description: "The directory's own words for the hours (English, as recorded)." },
                      source: optionalText,
                      where: {
                        type: ['object', 'null'],
                        description: 'For a shared number: the countries whose records list it.',
                        properties: { summary: text, countries: text, codes: { type: 'array', items: text } },
                      },
                    },
                  },
                },
              },
            },
            showUrgent: { type: 'boolean' },
            urgentSuggested: {
              type: 'boolean',
              description: 'Typed words suggested urgent help: show the urgent panel above the step, which stays.',
            },
          },
        },
      },
    },
  }
}
