import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// ARCHITECTURE.md's recipe "add a record field", done for real on a copy of the project, twice: a
// text fact (waiting time) in RECORD_TEXT_FACTS and a choice (who refers) in RECORD_CHOICE_FACTS,
// their columns in storage/schema.ts, and the migration `npm run db:generate` writes. Nothing else is
// edited; then the copy's own code must carry both through the schema, the CSV and JSON files, the
// console's form and SQLite.

const root = fileURLToPath(new URL('..', import.meta.url))
const ENTRY = `  waitingTime: { schema: Text, label: 'Waiting time', control: 'text', hint: 'How long people wait for a first appointment, as the service says.' },\n`
const CHOICE = `  referral: { schema: z.enum(['self', 'professional']).nullable(), options: [['', 'not known'], ['self', 'people refer themselves'], ['professional', 'a professional refers them']], label: 'Who refers', initial: '' },\n`
const COLUMNS = `  waitingTime: text('waiting_time'),\n  referral: text('referral'),\n`

let copy = ''
const handEdited: string[] = []
let generated: string[] = []

/** Every file under `folder` (relative paths). */
function filesUnder(folder: string, prefix = ''): string[] {
  return readdirSync(join(folder, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(folder, join(prefix, entry.name)) : [join(prefix, entry.name)],
  )
}

function insertBefore(file: string, anchor: string, text: string) {
  const path = join(copy, file)
  const before = readFileSync(path, 'utf8')
  const at = before.indexOf(anchor)
  if (at < 0) throw new Error(`${file}: "${anchor}" not found`)
  writeFileSync(path, before.slice(0, at) + text + before.slice(at))
  handEdited.push(file)
}

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'helpfinder-recipe-'))
  for (const entry of ['src', 'migrations', 'data', 'flows', 'locales', 'package.json', 'tsconfig.json', 'drizzle.config.ts']) {
    cpSync(join(root, entry), join(copy, entry), { recursive: true })
  }
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir')
  const migrationsBefore = new Set(filesUnder(join(copy, 'migrations')))
  // 1. Each fact, once.
  insertBefore('src/core/directory/recordTextFacts.ts', '} as const satisfies Record<string, TextFactSpec>', ENTRY)
  insertBefore('src/core/directory/recordChoiceFacts.ts', '} as const satisfies Record<string, ChoiceFactSpec>', CHOICE)
  // 2. Their columns.
  insertBefore('src/storage/schema.ts', "  confidence: text('confidence').notNull(),\n", COLUMNS)
  // 3. The migration, written by drizzle-kit (`npm run db:generate`).
  execFileSync(process.execPath, [join(root, 'node_modules/drizzle-kit/bin.cjs'), 'generate'], { cwd: copy, stdio: 'pipe' })
  generated = filesUnder(join(copy, 'migrations')).filter((file) => !migrationsBefore.has(file) || file.endsWith('_journal.json'))
}, 120_000)

afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true })
})

describe('adding a record field (ARCHITECTURE.md, "a record field")', () => {
  it('takes, for each fact, its entry and its column by hand, and one generated migration', () => {
    expect(handEdited).toEqual([
      'src/core/directory/recordTextFacts.ts',
      'src/core/directory/recordChoiceFacts.ts',
      'src/storage/schema.ts',
    ])
    const sql = generated.filter((file) => file.endsWith('.sql'))
    expect(sql).toHaveLength(1)
    expect(readFileSync(join(copy, 'migrations', sql[0] ?? ''), 'utf8')).toMatch(
      /ALTER TABLE `initiatives` ADD `waiting_time` text[\s\S]*ALTER TABLE `initiatives` ADD `referral` text/,
    )
  })

  it('is then carried by the schema, the CSV and JSON files, the console form and SQLite', () => {
    const probe = join(copy, 'probe.ts')
    writeFileSync(probe, PROBE)
    const output = execFileSync(process.execPath, ['--import', 'tsx', probe], { cwd: copy, encoding: 'utf8' })
    const facts: unknown = JSON.parse(output)
    expect(facts).toEqual({
      parsed: 'About two weeks',
      olderRecord: null,
      csvHeader: true,
      csvBack: 'About two weeks',
      olderCsvProblems: [],
      json: true,
      formLabel: true,
      formValue: true,
      formSaved: 'One month',
      sqlite: 'About two weeks',
      choiceParsed: 'professional',
      choiceOlder: null,
      choiceRefused: false,
      choiceCsvBack: 'professional',
      choiceForm: true,
      choiceSavedNone: null,
      choiceSavedSelf: 'self',
      choiceSqlite: 'professional',
    })
  })
})

/** Runs inside the copy: what each part of the copy's code does with the new fact. */
const PROBE = `
import { jsx } from 'hono/jsx'
import { InitiativeSchema } from './src/core/directory/initiativeSchema'
import { loadBundledData } from './src/storage/bundledData'
import { initiativesToCsv } from './src/curation/initiativesToCsv'
import { parseCsvInitiatives } from './src/curation/parseCsvInitiatives'
import { initiativesToJson } from './src/curation/initiativesToJson'
import { recordFormValues } from './src/console/records/recordFormValues'
import { parseRecordForm } from './src/console/records/parseRecordForm'
import { recordFormCandidate } from './src/console/records/recordFormCandidate'
import { RecordForm } from './src/console/records/RecordForm'
import { openSqliteDirectory } from './src/storage/sqlite/openSqliteDirectory'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const data = loadBundledData()
const first = data.initiatives[0]
const parsed = InitiativeSchema.parse({ ...first, waitingTime: 'About two weeks', referral: 'professional' })
const { waitingTime: _dropped, referral: _alsoDropped, ...older } = parsed
const csv = initiativesToCsv([parsed], data.taxonomy)
const header = csv.split('\\r\\n')[0].split(',')
const olderCsv = csv.split('\\r\\n').map((line) => line.split(',').filter((_, index) => index !== header.indexOf('waitingTime')).join(',')).join('\\r\\n')
const html = String(await jsx(RecordForm, { values: recordFormValues(parsed, 'v1'), taxonomy: data.taxonomy, problems: [], action: '/admin/records/x', csrf: 'c', isNew: false, readOnly: false }).toString())
const form = parseRecordForm({ ...Object.fromEntries(Object.entries(recordFormValues(parsed, 'v1')).filter(([, value]) => typeof value === 'string')), waitingTime: '  One month ' }, data.taxonomy)
const folder = mkdtempSync(join(tmpdir(), 'helpfinder-recipe-db-'))
const directory = openSqliteDirectory(join(folder, 'h.sqlite'), { ...data, initiatives: [parsed, ...data.initiatives.slice(1)] }, 'migrations')
const loaded = await directory.source.load()
directory.close()
rmSync(folder, { recursive: true, force: true })
process.stdout.write(JSON.stringify({
  parsed: parsed.waitingTime,
  olderRecord: InitiativeSchema.parse(older).waitingTime,
  csvHeader: header.includes('waitingTime'),
  csvBack: parseCsvInitiatives(csv).rows[0]?.record?.waitingTime,
  olderCsvProblems: parseCsvInitiatives(olderCsv).problems,
  json: initiativesToJson([parsed], data.taxonomy).includes('"waitingTime": "About two weeks"'),
  formLabel: html.includes('<label for="waitingTime">Waiting time</label>'),
  formValue: html.includes('value="About two weeks"'),
  formSaved: recordFormCandidate(form, first.id, { today: '2026-12-03', curator: 'Ana' }).candidate.waitingTime,
  sqlite: loaded.initiatives.find((record) => record.id === first.id)?.waitingTime,
  choiceParsed: parsed.referral,
  choiceOlder: InitiativeSchema.parse(older).referral,
  choiceRefused: InitiativeSchema.safeParse({ ...first, referral: 'a friend' }).success,
  choiceCsvBack: parseCsvInitiatives(csv).rows[0]?.record?.referral,
  choiceForm: html.includes('<label for="referral">Who refers</label>') && html.includes('<option value="professional" selected="">a professional refers them</option>'),
  choiceSavedNone: recordFormCandidate({ ...form, referral: '' }, first.id, { today: '2026-12-03', curator: 'Ana' }).candidate.referral,
  choiceSavedSelf: recordFormCandidate({ ...form, referral: 'self' }, first.id, { today: '2026-12-03', curator: 'Ana' }).candidate.referral,
  choiceSqlite: loaded.initiatives.find((record) => record.id === first.id)?.referral,
}))
`
