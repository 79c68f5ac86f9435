import { fileURLToPath } from 'node:url'
import * as z from 'zod'
import { InitiativeSchema, InitiativesFileSchema } from '../src/core/directory/initiativeSchema'
import { PRODUCTION_ORIGINS, type EmbedOriginRules } from '../src/core/directory/embedOrigin'
import { partnerSchema, partnersFileSchema } from '../src/core/directory/partnerSchema'
import { TaxonomySchema } from '../src/core/directory/taxonomySchema'
import { UrgentHelpFileSchema } from '../src/core/directory/urgentHelpSchema'
import { FlowSchema } from '../src/core/flow/flowSchema'
import { checkInitiatives } from '../src/curation/checkInitiatives'
import { checkPartners } from '../src/curation/checkPartners'
import { OfficialLanguagesFileSchema } from '../src/curation/computeCoverage'
import { readJsonFile } from './checks/readJsonFile'

/** Where the curated data lives; tests point this at broken copies. */
export interface DataFiles {
  initiatives: string
  taxonomy: string
  urgent: string
  partners: string
  flow: string
  officialLanguages: string
}

const root = fileURLToPath(new URL('..', import.meta.url))
export const projectData: DataFiles = {
  initiatives: `${root}data/initiatives.json`,
  taxonomy: `${root}data/taxonomy.json`,
  urgent: `${root}data/urgent-help.json`,
  partners: `${root}data/partners.json`,
  flow: `${root}flows/help-seeker.json`,
  officialLanguages: `${root}data/official-languages.json`,
}

/**
 * Validates data/ and flows/ as a curator would want to hear about it: one line per problem,
 * naming the file and the record. Empty means the data is fit to serve. Lines worth knowing that
 * are not problems (a partner embeddable nowhere) go to `note`. Partner origins are held to
 * `origins` (production unless PARTNER_DEV_ORIGINS=on), each bad one named with its partner id.
 * @example const problems = checkData(projectData, new Date(), (line) => notes.push(line))
 */
export function checkData(
  files: DataFiles,
  today: Date,
  note: (line: string) => void = () => undefined,
  origins: EmbedOriginRules = PRODUCTION_ORIGINS,
): string[] {
  const problems: string[] = []
  /** Validates a whole file; returns the raw JSON so record checks still run when one record fails. */
  const parse = (label: string, schema: z.ZodType, path: string): unknown => {
    const read = readJsonFile(path)
    if (!read.ok) {
      problems.push(`${label}: ${read.error}`)
      return undefined
    }
    const json = read.value
    const parsed = schema.safeParse(json)
    if (!parsed.success)
      for (const issue of parsed.error.issues) problems.push(`${label}: ${describePath(json, issue.path)}: ${issue.message}`)
    return json
  }

  const initiatives = parse('data/initiatives.json', InitiativesFileSchema, files.initiatives)
  const taxonomy = TaxonomySchema.safeParse(parse('data/taxonomy.json', TaxonomySchema, files.taxonomy))
  const urgent = UrgentHelpFileSchema.safeParse(parse('data/urgent-help.json', UrgentHelpFileSchema, files.urgent))
  const partners = parse('data/partners.json', partnersFileSchema(origins), files.partners)
  parse('flows/help-seeker.json', FlowSchema, files.flow)
  parse('data/official-languages.json', OfficialLanguagesFileSchema, files.officialLanguages)
  // Cross-record rules run on every record that passed the schema; the others are already reported.
  const records = validRecords(initiatives, 'initiatives', InitiativeSchema)
  const countries = urgent.success ? urgent.data.countries : []
  for (const problem of checkInitiatives(records, countries, today, taxonomy.data)) {
    problems.push(`${problem.startsWith('urgent help') ? 'data/urgent-help.json' : 'data/initiatives.json'}: ${problem}`)
  }
  const partnerFindings = checkPartners(validRecords(partners, 'partners', partnerSchema(origins)), records, countries)
  for (const problem of partnerFindings.problems) problems.push(`data/partners.json: ${problem}`)
  for (const line of partnerFindings.notes) note(`data/partners.json: ${line}`)
  return problems
}

/** The records of a data file (`{ [key]: [...] }`) that pass the schema on their own. */
function validRecords<T>(json: unknown, key: string, schema: z.ZodType<T>): T[] {
  const records = z.object({ [key]: z.array(z.unknown()) }).safeParse(json)
  return (records.data?.[key] ?? []).flatMap((record) => {
    const parsed = schema.safeParse(record)
    return parsed.success ? [parsed.data] : []
  })
}

/**
 * "initiatives[3] (id kein-taeter-werden).contacts[0].value" or "countries[4] (country DE).lines[0]
 * (Emergency, 112).checkedBy" rather than a bare index path.
 */
function describePath(json: unknown, path: readonly PropertyKey[]): string {
  let node: unknown = json
  let text = ''
  for (const key of path) {
    node = node && typeof node === 'object' ? Reflect.get(node, key) : undefined
    text += typeof key === 'number' ? `[${key}]` : `${text ? '.' : ''}${String(key)}`
    if (typeof key === 'number') text += nameOf(node)
  }
  return text || '(root)'
}

/** " (id x)" for a record or partner, " (country DE)" for an urgent-help country, " (name, number)" for its line. */
function nameOf(node: unknown): string {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return ''
  const field = (key: string) => {
    const value: unknown = Reflect.get(node, key)
    return typeof value === 'string' ? value : undefined
  }
  const [id, country, name, number] = [field('id'), field('country'), field('name'), field('number')]
  if (id) return ` (id ${id})`
  if (country) return ` (country ${country})`
  if (name && number) return ` (${name}, ${number})`
  return ''
}
