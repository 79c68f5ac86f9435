import * as z from 'zod'
import {
  DirectoryBodySchema,
  DirectoryErrorSchema,
  DirectoryInitiativeSchema,
  DirectoryLicenceSchema,
  DirectoryUrgentCountrySchema,
  DirectoryUrgentLineSchema,
} from './directoryBodySchema'

const SCHEMAS = '#/components/schemas/'

// Derived from the zod schemas the handlers build their bodies with, so the document cannot drift.
const registry = z.registry<{ id: string }>()
registry.add(DirectoryBodySchema, { id: 'DirectoryResponse' })
registry.add(DirectoryInitiativeSchema, { id: 'DirectoryInitiative' })
registry.add(DirectoryUrgentCountrySchema, { id: 'DirectoryUrgentCountry' })
registry.add(DirectoryUrgentLineSchema, { id: 'DirectoryUrgentLine' })
registry.add(DirectoryLicenceSchema, { id: 'DirectoryLicence' })
registry.add(DirectoryErrorSchema, { id: 'DirectoryError' })

/** Each schema as a component: without the `$schema` and `$id` zod puts on a stand-alone document. */
function componentSchemas(): Record<string, Record<string, unknown>> {
  const { schemas } = z.toJSONSchema(registry, { target: 'draft-2020-12', uri: (id) => `${SCHEMAS}${id}` })
  return Object.fromEntries(Object.entries(schemas).map(([name, { $schema: _schema, $id: _id, ...schema }]) => [name, schema]))
}

const json = (name: string) => ({ 'application/json': { schema: { $ref: `${SCHEMAS}${name}` } } })

const CACHE_HEADERS = {
  ETag: { description: 'A strong tag of the body (weak, W/"…", when the Node server sends it compressed).', schema: { type: 'string' } },
  'Cache-Control': { description: '`public, max-age=300`: nothing in it is about a person.', schema: { type: 'string' } },
  'Access-Control-Allow-Origin': {
    description: '`*`: any site may read the open data (no credentials are involved).',
    schema: { type: 'string' },
  },
}

const ifNoneMatch = {
  name: 'If-None-Match',
  in: 'header',
  required: false,
  description: 'The ETag of a copy you hold: if it is still current, the answer is 304 with no body.',
  schema: { type: 'string' },
}

const served = (what: string) => ({
  '200': { description: what, headers: CACHE_HEADERS, content: json('DirectoryResponse') },
  '304': { description: 'Not modified: the copy named by If-None-Match is current.', headers: CACHE_HEADERS },
})

const LICENCE_NOTE =
  'Open data under CC BY 4.0 (attribution: "Helpfinder directory", with each record\'s sources); the services\' own words (ownWords) remain theirs and are quoted with their source. No Last-Modified header: the directory holds check days, not change dates (see newestCheck).'

/**
 * The open-data directory's part of the OpenAPI document (`GET /api/v1/directory` and per
 * country): its paths and component schemas, merged into openApiDocument.ts.
 * @example const { paths, schemas } = directoryOpenApi
 */
export const directoryOpenApi = {
  paths: {
    '/api/v1/directory': {
      get: {
        operationId: 'getDirectory',
        summary: 'The whole directory as open data',
        description: `Every active record of the directory (doubtful and closed ones left out; records with no confirmed way in included with what is known), with its sources and dates, in the record shape of \`npm run data:export\` without statusNote and checkedBy; the urgent-help lines of every country; the taxonomy. ${LICENCE_NOTE}`,
        parameters: [ifNoneMatch],
        responses: served('The whole directory'),
      },
    },
    '/api/v1/directory/{country}': {
      get: {
        operationId: 'getDirectoryForCountry',
        summary: "One country's part of the directory as open data",
        description: `The services that list the country among their countries and the country's urgent-help lines, in the same shape as the whole directory. Online services based in other countries are not included (they are in /api/v1/directory with online true). ${LICENCE_NOTE}`,
        parameters: [
          {
            name: 'country',
            in: 'path',
            required: true,
            description: 'ISO 3166-1 alpha-2 code, in either case (de or DE).',
            schema: { type: 'string', pattern: '^[A-Za-z]{2}$' },
          },
          ifNoneMatch,
        ],
        responses: {
          ...served("The country's part of the directory"),
          '400': { description: 'Not a code of two letters.', content: json('DirectoryError') },
          '404': {
            description: 'Not an ISO 3166-1 alpha-2 country code, or a country the directory holds no services or urgent-help lines for.',
            content: json('DirectoryError'),
          },
        },
      },
    },
  },
  schemas: componentSchemas(),
}
