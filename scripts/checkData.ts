import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import * as z from 'zod'
import { InitiativesFileSchema } from '../src/core/directory/initiativeSchema'
import { TaxonomySchema } from '../src/core/directory/taxonomySchema'
import { UrgentHelpFileSchema } from '../src/core/directory/urgentHelpSchema'
import { FlowSchema } from '../src/core/flow/flowSchema'

/** Where the curated data lives; tests point this at broken copies. */
export interface DataFiles {
  initiatives: string
  taxonomy: string
  urgent: string
  flow: string
}

const root = fileURLToPath(new URL('..', import.meta.url))
export const projectData: DataFiles = {
  initiatives: `${root}data/initiatives.json`,
  taxonomy: `${root}data/taxonomy.json`,
  urgent: `${root}data/urgent-help.json`,
  flow: `${root}flows/help-seeker.json`,
}

/**
 * Validates data/ and flows/ as a curator would want to hear about it: one line per problem,
 * naming the file and the record. Empty means the data is fit to serve.
 * @example const problems = checkData(projectData, new Date())
 */
export function checkData(files: DataFiles, today: Date): string[] {
  const problems: string[] = []
  /** Validates a whole file; returns the raw JSON so record checks still run when one record fails. */
  const parse = (label: string, schema: z.ZodType, path: string): unknown => {
    let json: unknown
    try {
      json = JSON.parse(readFileSync(path, 'utf8'))
    } catch (error) {
      problems.push(`${label}: not readable JSON (${error instanceof Error ? error.message : String(error)})`)
      return undefined
    }
    const parsed = schema.safeParse(json)
    if (!parsed.success) for (const issue of parsed.error.issues) problems.push(`${label}: ${describePath(json, issue.path)}: ${issue.message}`)
    return json
  }

  const initiatives = LenientInitiatives.safeParse(parse('data/initiatives.json', InitiativesFileSchema, files.initiatives)).data?.initiatives
  parse('data/taxonomy.json', TaxonomySchema, files.taxonomy)
  const urgent = LenientUrgent.safeParse(parse('data/urgent-help.json', UrgentHelpFileSchema, files.urgent)).data?.countries
  parse('flows/help-seeker.json', FlowSchema, files.flow)

  const todayIso = today.toISOString().slice(0, 10)
  const seen = new Set<string>()
  for (const record of initiatives ?? []) {
    if (seen.has(record.id)) problems.push(`data/initiatives.json: ${record.id}: duplicate id`)
    seen.add(record.id)
    if (record.lastChecked && record.lastChecked > todayIso) problems.push(`data/initiatives.json: ${record.id}: lastChecked ${record.lastChecked} is in the future`)
    for (const source of record.sources ?? []) {
      // Source dates are often approximate ("~2020", "undated"); only exact dates can be checked.
      if (source.date && EXACT_DATE.test(source.date) && source.date > todayIso) {
        problems.push(`data/initiatives.json: ${record.id}: source dated ${source.date} is in the future`)
      }
    }
  }
  const countries = new Set<string>()
  for (const entry of urgent ?? []) {
    if (countries.has(entry.country)) problems.push(`data/urgent-help.json: ${entry.country}: listed twice`)
    countries.add(entry.country)
  }
  return problems
}

const EXACT_DATE = /^\d{4}-\d{2}(-\d{2})?$/

// Just enough shape to check ids and dates across records, even when the strict schema fails.
const LenientInitiatives = z.object({
  initiatives: z.array(
    z.object({
      id: z.string(),
      lastChecked: z.string().optional(),
      sources: z.array(z.object({ date: z.string().optional() })).optional(),
    }),
  ),
})
const LenientUrgent = z.object({ countries: z.array(z.object({ country: z.string() })) })

/** "initiatives[3] (id kein-taeter-werden).contacts[0].value" rather than a bare index path. */
function describePath(json: unknown, path: readonly PropertyKey[]): string {
  let node: unknown = json
  let text = ''
  for (const key of path) {
    node = node && typeof node === 'object' ? Reflect.get(node, key) : undefined
    text += typeof key === 'number' ? `[${key}]` : `${text ? '.' : ''}${String(key)}`
    const id = node && typeof node === 'object' && !Array.isArray(node) ? Reflect.get(node, 'id') : undefined
    if (typeof key === 'number' && typeof id === 'string') text += ` (id ${id})`
  }
  return text || '(root)'
}
