/**
 * `npm run data:coverage [-- --out FILE] [--data FILE] [--today YYYY-MM-DD]`: prints how many active
 * prevention services serve each country and writes the same report as HTML (default coverage/coverage.html).
 * --data reads a JSON file shaped like DirectoryData ({ initiatives, taxonomy?, urgent? }); parts it
 * leaves out come from data/. Exits 1 on bad arguments or data that fails its schema.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import * as z from 'zod'
import officialLanguagesFile from '../data/official-languages.json'
import type { DirectoryData } from '../src/core/directory/directoryData'
import { InitiativeSchema } from '../src/core/directory/initiativeSchema'
import { TaxonomySchema } from '../src/core/directory/taxonomySchema'
import { UrgentCountrySchema } from '../src/core/directory/urgentHelpSchema'
import { loadBundledData } from '../src/storage/bundledData'
import { computeCoverage, OfficialLanguagesFileSchema } from '../src/curation/computeCoverage'
import { coverageHtml } from '../src/curation/coverageHtml'
import { coverageText } from '../src/curation/coverageText'

const DataFileSchema = z.object({
  initiatives: z.array(InitiativeSchema),
  taxonomy: TaxonomySchema.optional(),
  urgent: z.array(UrgentCountrySchema).optional(),
})

function main(): void {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, data: { type: 'string' }, today: { type: 'string' } },
    strict: true,
  })
  const today = values.today === undefined ? new Date() : new Date(`${values.today}T00:00:00Z`)
  if (Number.isNaN(today.getTime())) throw new Error(`--today ${values.today}: not a date (YYYY-MM-DD)`)
  const report = computeCoverage({
    data: values.data === undefined ? loadBundledData() : readDataFile(values.data),
    officialLanguages: OfficialLanguagesFileSchema.parse(officialLanguagesFile).countries,
    today,
  })
  const out = values.out === undefined ? fileURLToPath(new URL('../coverage/coverage.html', import.meta.url)) : resolve(values.out)
  mkdirSync(dirname(out), { recursive: true })
  writeFileSync(out, coverageHtml(report))
  process.stdout.write(coverageText(report))
  process.stderr.write(`HTML written to ${out}\n`)
}

/** A DirectoryData JSON file, validated; missing taxonomy or urgent numbers (and the partners) come from data/. */
function readDataFile(path: string): DirectoryData {
  const parsed = DataFileSchema.parse(JSON.parse(readFileSync(path, 'utf8')))
  const bundled = loadBundledData()
  return {
    ...bundled,
    initiatives: parsed.initiatives,
    taxonomy: parsed.taxonomy ?? bundled.taxonomy,
    urgent: parsed.urgent ?? bundled.urgent,
  }
}

try {
  main()
} catch (error) {
  process.stderr.write(`data:coverage: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 1
}
