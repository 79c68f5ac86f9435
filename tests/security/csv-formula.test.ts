import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { parse } from 'csv-parse/sync'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as z from 'zod'
import { InitiativesFileSchema, type Initiative } from '../../src/core/directory/initiativeSchema'
import { initiativesToJson } from '../../src/curation/initiativesToJson'
import { parseCsvInitiatives } from '../../src/curation/parseCsvInitiatives'
import { loadBundledData } from '../../src/storage/bundledData'
import { createDirectoryRepository } from '../../src/storage/directoryRepository'
import * as schema from '../../src/storage/schema'
import { addCurators, consoleClient } from '../support/consoleClient'
import { startNodeServer } from '../support/startNodeServer'

// Security review, Medium 3: the console's export and `npm run data:export` wrote `=HYPERLINK(…)`,
// `+cmd|…`, `-2+3` and `@SUM` cells as stored, so a spreadsheet opening the file ran them as
// formulas. Replayed with those values in a record's text fields: every such cell must start with
// "'" (OWASP), and importing the export must give back exactly the same records.

const root = fileURLToPath(new URL('../..', import.meta.url))
const scratch = mkdtempSync(join(tmpdir(), 'helpfinder-'))
const PASSWORD = 'a long pass phrase'
const data = loadBundledData()
const template = data.initiatives.find((record) => record.id === 'kein-taeter-werden')
if (!template) throw new Error('data/ has no kein-taeter-werden')

/** The values the review tried, one per text field, plus a phone number and an apostrophe. */
const FORMULAS = {
  name: '=HYPERLINK("http://x","y")',
  nameLocal: "+cmd|' /C calc'!A0",
  organisation: '-2+3',
  summary: '@SUM(1)',
  statusNote: '\tstarts with a tab',
  costNotes: '\rstarts with a carriage return',
  confidentiality: '+49 30 1234567 answers in German',
  subnational: "'=already behind an apostrophe",
} satisfies Partial<Record<keyof Initiative, string>>
const hostile: Initiative = { ...template, id: 'test-formula-cells', ...FORMULAS }
/** A cell a spreadsheet would take for a formula. */
const FORMULA_START = /^[=+\-@\t\r]/

const Cells = z.array(z.array(z.string()))

/** The CSV's cells, and the hostile record's row by column name. */
function cellsOf(csv: string) {
  const [header = [], ...rows] = Cells.parse(parse(csv, { bom: true }))
  const row = rows.find((cells) => cells[0] === hostile.id)
  if (!row) throw new Error('the export has no test-formula-cells row')
  return { all: [header, ...rows].flat(), field: (name: string) => row[header.indexOf(name)] }
}

function expectSpreadsheetSafe(csv: string) {
  const { all, field } = cellsOf(csv)
  for (const [name, value] of Object.entries(FORMULAS)) expect(field(name), name).toBe(`'${value}`)
  expect(all.filter((cell) => FORMULA_START.test(cell))).toEqual([])
}

let server: Awaited<ReturnType<typeof startNodeServer>>

/** The record as the server's SQLite file holds it. */
async function storedRecord(id: string): Promise<Initiative | undefined> {
  const sqlite = new Database(server.databaseFile, { readonly: true })
  try {
    return (await createDirectoryRepository(drizzle(sqlite, { schema })).load()).initiatives.find((record) => record.id === id)
  } finally {
    sqlite.close()
  }
}

beforeAll(async () => {
  server = await startNodeServer({ seed: { ...data, initiatives: [...data.initiatives, hostile] } })
  await addCurators(server.databaseFile, [{ login: 'anna', displayName: 'Anna Admin', role: 'admin', password: PASSWORD }])
}, 60_000)
afterAll(async () => {
  await server?.stop()
  rmSync(scratch, { recursive: true, force: true })
})

describe('the console export', () => {
  it('starts every formula-like cell with an apostrophe, and imports back unchanged', async () => {
    const client = consoleClient(server.base)
    expect((await client.login('anna', PASSWORD)).status).toBe(303)
    const csv = await (await client.get('/admin/export/initiatives.csv')).text()
    expectSpreadsheetSafe(csv)

    // The importer takes exactly that apostrophe off again: the same records, "+49 …" included.
    const parsed = parseCsvInitiatives(csv)
    expect(parsed.problems).toEqual([])
    const stored = await storedRecord(hostile.id)
    expect(stored).toMatchObject(FORMULAS)
    expect(parsed.rows.find((row) => row.id === hostile.id)?.record).toEqual(stored)
    const form = new FormData()
    form.set('csrf', await client.csrf())
    form.set('mode', 'upsert')
    form.set('file', new File([csv], 'initiatives.csv', { type: 'text/csv' }))
    const preview = await (await client.post('/admin/import', form)).text()
    expect(preview).toMatch(/0 new, 0 changed, \d+ unchanged/)
  }, 30_000)
})

describe('npm run data:export', () => {
  it('writes every formula-like cell with an apostrophe, and npm run data:import reads the file back byte for byte', () => {
    const dataDir = join(scratch, 'data')
    cpSync(join(root, 'data'), dataDir, { recursive: true })
    const initiatives = [
      ...InitiativesFileSchema.parse(JSON.parse(readFileSync(join(dataDir, 'initiatives.json'), 'utf8'))).initiatives,
      hostile,
    ]
    writeFileSync(join(dataDir, 'initiatives.json'), initiativesToJson(initiatives, data.taxonomy))
    const before = readFileSync(join(dataDir, 'initiatives.json'), 'utf8')
    const out = join(scratch, 'export')
    const tsx = join(root, 'node_modules/.bin/tsx')
    const exported = spawnSync(tsx, ['scripts/dataExport.ts', '--data-dir', dataDir, '--out', out], { cwd: root, encoding: 'utf8' })
    expect(exported.status, exported.stderr).toBe(0)
    expectSpreadsheetSafe(readFileSync(join(out, 'initiatives.csv'), 'utf8'))

    const imported = spawnSync(
      tsx,
      ['scripts/dataImport.ts', join(out, 'initiatives.csv'), '--data-dir', dataDir, '--database', join(scratch, 'no-database.sqlite')],
      { cwd: root, encoding: 'utf8' },
    )
    expect(imported.status, imported.stderr).toBe(0)
    expect(imported.stdout).toContain('changed (0)')
    expect(readFileSync(join(dataDir, 'initiatives.json'), 'utf8')).toBe(before)
  }, 60_000)
})
