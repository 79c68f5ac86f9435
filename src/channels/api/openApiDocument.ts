import { ApiTurnRequestSchema } from './apiTurnRequest'
import { componentRef } from './componentRef'
import { directoryOpenApi } from './directoryOpenApi'
import { openApiExample } from './openApiExample'
import { serviceCardSchemas } from './serviceCardSchemas'
import { turnResponseSchemas } from './turnResponseSchemas'
import { urgentHelpSchemas } from './urgentHelpSchemas'
import { zodComponentSchemas } from './zodComponentSchemas'

const json = (schema: object, extra: object = {}) => ({ 'application/json': { schema, ...extra } })

const DESCRIPTION = `One stateless turn of the Helpfinder conversation, which finds confidential help to prevent child sexual abuse. The whole conversation memory is the sealed \`state\` string: send back the one you received. Nothing is stored on the server. All text in responses is already in the interface language.

**A whole conversation** (the examples of \`takeTurn\`): send \`{ "ui": "en" }\` with no state to start; the response's \`step\` asks the first question ("Who are you looking for help for?") with its \`options\`. Answer with an option's id and the state you received: \`{ "state": "…", "reply": "self" }\`. The next step asks for the age ("adult"), then the country (\`parser: "country"\`: an id such as \`"DE"\`, or a name typed in any supported language; a near miss such as "Germnay" comes back with \`error\` and up to three \`step.suggestions\`), then the language ("de"), the situation ("nothing_happened"), how the person could make contact (\`parser: "multi"\`: \`["any"]\`) and whether anonymity matters ("not_needed"). That last answer reaches \`step.outcome: "results"\`, with \`results\` filled: services, then general helplines. Every response carries \`urgent\` (urgent-help numbers, for the country once it is known); \`{ "action": "urgent" }\` shows them first, \`{ "action": "back" }\` takes the last answer back, \`{ "action": "language", "ui": "ar" }\` changes the interface language and keeps the answers.

**Errors.** A body that is not understood (not JSON, a wrong type) gets a 400 with the same response shape, a \`notice\` and a usable step (the state is kept when it could be read). A body over 64 KiB is not read: 413 with \`Error\`. Helpfinder itself never answers 429: it keeps no client address to count requests by.`

/**
 * The OpenAPI 3.1 description served at `/api/v1/openapi.json`, with the directory's paths
 * (directoryOpenApi.ts) merged in. `publicOrigin` (PUBLIC_ORIGIN) names the server; without it the
 * server is the one the document was fetched from.
 * @example openApiDocument({ publicOrigin: 'https://help.example.org' }).servers[0].url // 'https://help.example.org'
 */
export function openApiDocument(options: { publicOrigin?: string }) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Helpfinder API: the conversation and the open directory',
      version: '1.0.0',
      description: DESCRIPTION,
      license: { name: 'CC BY 4.0 (the directory data; see README)', identifier: 'CC-BY-4.0' },
    },
    servers: [
      options.publicOrigin
        ? { url: options.publicOrigin, description: 'This Helpfinder server (its configured PUBLIC_ORIGIN).' }
        : { url: '/', description: 'The server this document was fetched from (no PUBLIC_ORIGIN is configured).' },
    ],
    // The public API needs no credentials, and the document says so rather than leaving it open.
    security: [],
    paths: {
      '/api/v1/turn': {
        post: {
          operationId: 'takeTurn',
          summary: 'Take one turn: start, answer, go back, restart, show urgent help or change language',
          requestBody: {
            required: true,
            content: json(componentRef('TurnRequest'), { examples: openApiExample.requests }),
          },
          responses: {
            '200': {
              description: 'The next step (or the results, or urgent help).',
              content: json(componentRef('TurnResponse'), { examples: openApiExample.responses }),
            },
            '400': {
              description:
                'The body was not understood (not JSON, or a field of the wrong type): the response is a whole turn all the same, with a notice, a usable step (the state kept when it could be read) and urgent help.',
              content: json(
                {
                  allOf: [
                    componentRef('TurnResponse'),
                    {
                      type: 'object',
                      required: ['notice'],
                      properties: { notice: { type: 'string', description: 'Says the request was not understood.' } },
                    },
                  ],
                },
                { examples: { malformedBody: openApiExample.malformedBody } },
              ),
            },
            '413': {
              description:
                'The body was over 64 KiB and was not read, so its state could not be kept: send the previous state again with a shorter reply. Urgent help is still included.',
              content: json(componentRef('Error'), { examples: { oversizedBody: openApiExample.oversizedBody } }),
            },
            '429': {
              description:
                "Never sent by Helpfinder, which keeps no client address to count requests by. An operator's edge in front of it (for example a Cloudflare rate-limiting rule) may answer 429 with a body of its own, not described here; wait before trying again (a Retry-After header, when sent, says how long).",
            },
            '500': {
              description: 'Something failed on the server: the error in words and urgent help all the same.',
              content: json(componentRef('Error')),
            },
          },
        },
      },
      '/api/v1/openapi.json': {
        get: {
          operationId: 'getOpenApiDocument',
          summary: 'This document',
          responses: {
            '200': {
              description: 'The OpenAPI 3.1 document of this API.',
              content: json({ type: 'object', description: 'An OpenAPI 3.1 document.' }),
            },
          },
        },
      },
      ...directoryOpenApi.paths,
    },
    components: {
      schemas: {
        ...zodComponentSchemas(ApiTurnRequestSchema),
        ...turnResponseSchemas,
        ...serviceCardSchemas,
        ...urgentHelpSchemas,
        ...directoryOpenApi.schemas,
      },
    },
  }
}
