import { readJsonFile } from '../checks/readJsonFile'
import { join } from 'node:path'
import type * as z from 'zod'
import type { DirectoryData } from '../../src/core/directory/directoryData'
import { InitiativesFileSchema } from '../../src/core/directory/initiativeSchema'
import { DEVELOPMENT_ORIGINS } from '../../src/core/directory/embedOrigin'
import { partnersFileSchema } from '../../src/core/directory/partnerSchema'
import { TaxonomySchema } from '../../src/core/directory/taxonomySchema'
import { UrgentHelpFileSchema } from '../../src/core/directory/urgentHelpSchema'
import type { Result } from '../../src/core/result'

/** File names inside a data folder (data/ by default; tests use copies). */
export const DATA_FILES = {
  initiatives: 'initiatives.json',
  taxonomy: 'taxonomy.json',
  urgent: 'urgent-help.json',
  partners: 'partners.json',
} as const

/**
 * Reads and validates a data folder's directory files; on failure, one line per problem
 * (run `npm run data:check` for the record-by-record detail).
 * @example const data = readDataDir('data') // { ok: true, value: { taxonomy, initiatives, urgent, partners } }
 */
export function readDataDir(dataDir: string): Result<DirectoryData, string[]> {
  const problems: string[] = []
  const read = <T>(name: string, schema: z.ZodType<T>): T | undefined => {
    const path = join(dataDir, name)
    const json = readJsonFile(path)
    if (!json.ok) {
      problems.push(`${path}: ${json.error}`)
      return undefined
    }
    const parsed = schema.safeParse(json.value)
    if (!parsed.success) problems.push(`${path}: ${parsed.error.issues.length} schema problem(s); run npm run data:check`)
    return parsed.data
  }
  const taxonomy = read(DATA_FILES.taxonomy, TaxonomySchema)
  const initiatives = read(DATA_FILES.initiatives, InitiativesFileSchema)
  const urgent = read(DATA_FILES.urgent, UrgentHelpFileSchema)
  // Partners as the loader reads them (widest rules); data:check holds data/ to production's.
  const partners = read(DATA_FILES.partners, partnersFileSchema(DEVELOPMENT_ORIGINS))
  if (!taxonomy || !initiatives || !urgent || !partners) return { ok: false, error: problems }
  return { ok: true, value: { taxonomy, initiatives: initiatives.initiatives, urgent: urgent.countries, partners: partners.partners } }
}
