import * as z from 'zod'
import { InitiativeSchema } from '../../core/directory/initiativeSchema'
import { CountryCode } from '../../core/directory/isoCodes'
import { TaxonomySchema } from '../../core/directory/taxonomySchema'
import { UrgentLineSchema } from '../../core/directory/urgentHelpSchema'

/**
 * A record's fields the open data leaves out: `statusNote` is a curator's note (why a record is
 * doubtful or closed), `checkedBy` names who checked it (a curator's name). The day of the check stays.
 */
export const OMITTED_RECORD_FIELDS = { statusNote: true, checkedBy: true } as const
/** An urgent line's field left out: who checked it. */
export const OMITTED_URGENT_FIELDS = { checkedBy: true } as const

/** One record as the open data gives it: the export's record (data/initiatives.json) without the omitted fields. */
export const DirectoryInitiativeSchema = z
  .object(InitiativeSchema.shape)
  .omit(OMITTED_RECORD_FIELDS)
  .extend({ status: z.literal('active').describe('Always "active": only records shown to people as a service are included.') })
  .describe(
    "A service, in the record shape of data/initiatives.json (docs/data-format.md) without statusNote and checkedBy. lastChecked is the day someone compared the record with its sources (null: not yet checked), never an import's day; each source carries the date the page itself shows. ownWords texts are quoted from the service's own page (their source) and remain the service's.",
  )
export type DirectoryInitiative = z.infer<typeof DirectoryInitiativeSchema>

/** One urgent-help line, as in data/urgent-help.json without `checkedBy`. */
export const DirectoryUrgentLineSchema = z.object(UrgentLineSchema.shape).omit(OMITTED_URGENT_FIELDS)
export type DirectoryUrgentLine = z.infer<typeof DirectoryUrgentLineSchema>

/** One country's urgent-help lines. */
export const DirectoryUrgentCountrySchema = z.object({ country: CountryCode, lines: z.array(DirectoryUrgentLineSchema) })
export type DirectoryUrgentCountry = z.infer<typeof DirectoryUrgentCountrySchema>

/** The terms the data is given under. */
export const DirectoryLicenceSchema = z.object({
  name: z.string(),
  spdx: z.string(),
  url: z.string(),
  attribution: z.string().describe('Name this when you use the data, with the sources of each record you use.'),
  quotations: z.string().describe("Which texts are the services' own words, not under this licence."),
})
export type DirectoryLicence = z.infer<typeof DirectoryLicenceSchema>

/**
 * The body of `GET /api/v1/directory` and `GET /api/v1/directory/{country}`: `initiatives` in the
 * shape `npm run data:export` writes, the urgent-help lines in the shape of data/urgent-help.json,
 * the taxonomy the tags come from, and what is in it and under which licence.
 */
export const DirectoryBodySchema = z.object({
  name: z.literal('Helpfinder directory'),
  country: CountryCode.nullable().describe('The country asked for (upper case), or null for the whole directory.'),
  scope: z.string().describe('In words: which records and urgent lines this response holds, and which it leaves out.'),
  omittedFields: z.array(z.string()).describe("Fields of the export's records and urgent lines that are not public, left out."),
  newestCheck: z.iso
    .date()
    .nullable()
    .describe(
      'The newest day a record or urgent line here was compared with its sources, or null if none was. Not a change date: edits and retirements carry no date, so no Last-Modified header is sent.',
    ),
  licence: DirectoryLicenceSchema,
  initiatives: z.array(DirectoryInitiativeSchema).describe('Sorted by id.'),
  urgentHelp: z.object({ countries: z.array(DirectoryUrgentCountrySchema).describe('Sorted by country code.') }),
  taxonomy: TaxonomySchema.describe(
    "data/taxonomy.json: the criteria and tags a record's tags refer to (labels are locale keys; descriptions are English).",
  ),
})
export type DirectoryBody = z.infer<typeof DirectoryBodySchema>

/** A refused request: a malformed or unknown country code. */
export const DirectoryErrorSchema = z.object({ error: z.object({ status: z.number().int(), message: z.string() }) })
export type DirectoryError = z.infer<typeof DirectoryErrorSchema>
