import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import { afterAll, describe, expect, it } from 'vitest'
import * as z from 'zod'
import { InitiativesFileSchema, type Initiative } from '../src/core/directory/initiativeSchema'
import { isContactable } from '../src/core/directory/isContactable'
import { PartnersFileSchema } from '../src/core/directory/partnerSchema'
import { openSqliteDirectory } from '../src/storage/sqlite/openSqliteDirectory'
import { exportDirectory } from '../scripts/export/exportDirectory'
import { importInitiatives } from '../scripts/import/importInitiatives'
import { readDataDir } from '../scripts/import/readDataDir'
import { replaceSqliteDirectory } from '../src/storage/sqlite/replaceSqliteDirectory'
import { comparableInitiative } from '../src/curation/comparableInitiative'
import { initiativesToCsv } from '../src/curation/initiativesToCsv'
import type { ImportMode } from '../src/curation/mergeInitiatives'
import { parseCsvInitiatives } from '../src/curation/parseCsvInitiatives'

// Every test works on its own copy of data/ and a real SQLite file made by openSqliteDirectory.
// Byte identity of the database is asserted on the file's SHA-256 with every connection closed:
// closing the last connection checkpoints the WAL into the main file and deletes the -wal file
// (asserted too), so the hash covers everything the database holds. Where a rewrite is expected,
// a dump of every table (row ids and sqlite_sequence included) is compared instead, because
// SQLite's page layout and header counters legitimately differ after a rewrite.
const root = fileURLToPath(new URL('..', import.meta.url))
const migrations = join(root, 'migrations')
const fixture = (name: string) => join(root, 'tests/fixtures/import', name)
const scratch = mkdtempSync(join(tmpdir(), 'helpfinder-import-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

interface Workspace {
  dir: string
  dataDir: string
  json: string
  db: string
}

/** A fresh copy of data/ plus a seeded, closed SQLite file. */
function workspace(): Workspace {
  const dir = mkdtempSync(join(scratch, 'ws-'))
  const dataDir = join(dir, 'data')
  cpSync(join(root, 'data'), dataDir, { recursive: true })
  const db = join(dir, 'helpfinder.sqlite')
  seed(db, dataDir)
  return { dir, dataDir, json: join(dataDir, 'initiatives.json'), db }
}

function seed(db: string, dataDir: string): void {
  const data = readDataDir(dataDir)
  if (!data.ok) throw new Error(data.error.join('\n'))
  openSqliteDirectory(db, data.value, migrations).close()
}

function run(ws: Workspace, file: string, mode: ImportMode = 'upsert') {
  return importInitiatives({ file, dataDir: ws.dataDir, databaseFile: ws.db, migrationsFolder: migrations, mode, today: new Date() })
}

/** SHA-256 of a closed database file (its WAL already checkpointed) or of any file. */
function hash(file: string): string {
  if (file.endsWith('.sqlite')) expect(existsSync(`${file}-wal`), `${file}-wal left behind`).toBe(false)
  return createHash('sha256').update(readFileSync(file)).digest('hex')
}

const TableName = z.object({ name: z.string() })

/** Every row of every table (sqlite_sequence and the migrations log included), in rowid order. */
function dump(file: string): Record<string, unknown[]> {
  const sqlite = new Database(file, { readonly: true })
  try {
    const tables = sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((row) => TableName.parse(row).name)
    return Object.fromEntries(tables.map((table) => [table, sqlite.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all()]))
  } finally {
    sqlite.close()
  }
}

function exportTo(ws: Workspace): { json: string; csv: string } {
  const out = join(ws.dir, 'export')
  const result = exportDirectory(ws.dataDir, out)
  expect(result).toEqual({ ok: true, value: [join(out, 'initiatives.json'), join(out, 'initiatives.csv')] })
  return { json: join(out, 'initiatives.json'), csv: join(out, 'initiatives.csv') }
}

const Cells = z.array(z.array(z.string()))

describe('npm run data:export', () => {
  it('writes initiatives.json byte-identical to data/initiatives.json and a CSV with one row per record', () => {
    const ws = workspace()
    const files = exportTo(ws)
    expect(readFileSync(files.json, 'utf8')).toBe(readFileSync(ws.json, 'utf8'))
    const csv = readFileSync(files.csv, 'utf8')
    expect(csv.charCodeAt(0)).not.toBe(0xfeff)
    const [header, ...rows] = Cells.parse(parse(csv))
    const records = InitiativesFileSchema.parse(JSON.parse(readFileSync(ws.json, 'utf8'))).initiatives
    expect(rows.map((row) => row[0])).toEqual(records.map((record) => record.id))
    expect(header).toEqual(
      expect.arrayContaining([
        'id',
        'confidence',
        'countries',
        'inferred',
        'tags.target_group',
        'tags.prevention_stage',
        'contacts',
        'sources',
      ]),
    )
    expect(header).not.toContain('tags.country')
  })
})

describe('export → import round trip', () => {
  it.each([
    ['csv', 'upsert'],
    ['json', 'replace'],
  ] as const)('the exported %s, imported (%s), leaves data/initiatives.json and the database byte-for-byte unchanged', (format, mode) => {
    const ws = workspace()
    const file = exportTo(ws)[format]
    const before = { json: hash(ws.json), db: hash(ws.db) }
    const outcome = run(ws, file, mode)
    expect(outcome.ok, outcome.lines.join('\n')).toBe(true)
    expect(outcome.lines).toEqual(expect.arrayContaining(['added (0)', 'changed (0)', 'removed (0)']))
    expect({ json: hash(ws.json), db: hash(ws.db) }).toEqual(before)
  })

  it('a CSV with one edited row updates that record in the JSON and the database, and nothing else', () => {
    const ws = workspace()
    const original = InitiativesFileSchema.parse(JSON.parse(readFileSync(ws.json, 'utf8')))
    const target = original.initiatives[0]
    if (!target) throw new Error('data/initiatives.json is empty')
    const [header = [], ...rows] = Cells.parse(parse(readFileSync(exportTo(ws).csv, 'utf8')))
    const row = rows.find((cells) => cells[0] === target.id) ?? []
    const edited = `${target.name} (edited, "quoted")`
    row[header.indexOf('name')] = edited
    const file = join(ws.dir, 'edited.csv')
    writeFileSync(file, stringify([header, row], { record_delimiter: 'windows' }))

    const outcome = run(ws, file)
    expect(outcome.ok, outcome.lines.join('\n')).toBe(true)
    expect(outcome.lines).toContain(`changed (1): ${target.id}`)
    expect(outcome.lines).toContain(`unchanged (${original.initiatives.length - 1})`)
    const expected = { initiatives: original.initiatives.map((record) => (record.id === target.id ? { ...record, name: edited } : record)) }
    expect(readFileSync(ws.json, 'utf8')).toBe(`${JSON.stringify(expected, null, 2)}\n`)

    hash(ws.db) // no WAL left behind
    const sqlite = new Database(ws.db, { readonly: true })
    expect(sqlite.prepare('SELECT name FROM initiatives WHERE id = ?').pluck().get(target.id)).toBe(edited)
    sqlite.close()
    // The replaced database holds exactly what a fresh seed of the new data holds, row ids included.
    const fresh = join(ws.dir, 'fresh.sqlite')
    seed(fresh, ws.dataDir)
    expect(dump(ws.db)).toEqual(dump(fresh))
  })

  it.each(['csv', 'json'] as const)(
    'the countries a contact works from survive a %s export → edit → import into the JSON and the database',
    (format) => {
      const id = 'stop-it-now-uk-ireland'
      const ws = workspace()
      const files = exportTo(ws)
      const Contacts = z.array(z.record(z.string(), z.unknown()))
      let file: string
      if (format === 'csv') {
        const [header = [], ...rows] = Cells.parse(parse(readFileSync(files.csv, 'utf8')))
        const row = rows.find((cells) => cells[0] === id) ?? []
        const column = header.indexOf('contacts')
        const contacts = Contacts.parse(JSON.parse(row[column] ?? '[]'))
        expect(contacts[0]?.countries).toEqual(['GB'])
        contacts[1] = { ...contacts[1], countries: ['IE'] }
        row[column] = JSON.stringify(contacts)
        file = join(ws.dir, 'edited.csv')
        writeFileSync(file, stringify([header, row]))
      } else {
        const all = InitiativesFileSchema.parse(JSON.parse(readFileSync(files.json, 'utf8')))
        const record = all.initiatives.find((initiative) => initiative.id === id)
        if (!record) throw new Error(`${id} missing`)
        expect(record.contacts[0]?.countries).toEqual(['GB'])
        const contacts = record.contacts.map((contact, index) => (index === 1 ? { ...contact, countries: ['IE'] } : contact))
        file = join(ws.dir, 'edited.json')
        writeFileSync(file, JSON.stringify({ initiatives: [{ ...record, contacts }] }))
      }
      const outcome = run(ws, file)
      expect(outcome.ok, outcome.lines.join('\n')).toBe(true)
      expect(outcome.lines).toContain(`changed (1): ${id}`)
      const saved = InitiativesFileSchema.parse(JSON.parse(readFileSync(ws.json, 'utf8'))).initiatives.find(
        (initiative) => initiative.id === id,
      )
      expect(saved?.contacts.slice(0, 3).map((contact) => contact.countries)).toEqual([['GB'], ['IE'], undefined])
      hash(ws.db) // no WAL left behind
      const sqlite = new Database(ws.db, { readonly: true })
      const stored = sqlite.prepare('SELECT countries FROM contacts WHERE initiative_id = ? ORDER BY position').pluck().all(id)
      sqlite.close()
      expect(stored.slice(0, 3)).toEqual(['["GB"]', '["IE"]', null])
    },
  )

  it('re-importing the previous export after an edit restores every table exactly', () => {
    const ws = workspace()
    const before = dump(ws.db)
    const backup = exportTo(ws).json
    const edited = InitiativesFileSchema.parse(JSON.parse(readFileSync(backup, 'utf8')))
    const file = join(ws.dir, 'fewer.json')
    writeFileSync(file, JSON.stringify({ initiatives: edited.initiatives.slice(1) }))
    const removed = run(ws, file, 'replace')
    expect(removed.lines).toContain(`removed (1): ${edited.initiatives[0]?.id}`)
    expect(dump(ws.db)).not.toEqual(before)

    const restored = run(ws, backup, 'replace')
    expect(restored.lines).toContain(`added (1): ${edited.initiatives[0]?.id}`)
    expect(readFileSync(ws.json, 'utf8')).toBe(readFileSync(backup, 'utf8'))
    expect(dump(ws.db)).toEqual(before)
  })
})

describe('a broken import file', () => {
  const expected = (first: number) => [
    `row ${first + 1} (id fixture-bad-phone): phone number 0800 12 is not a valid number for NL`,
    `row ${first + 2} (id fixture-http-url): website "http://example.org/": must be an https:// URL`,
    `row ${first + 3} (id fixture-bad-country): countries[1] "XX": not an ISO 3166-1 alpha-2 country code`,
    `row ${first + 4} (id fixture-duplicate): duplicate id (rows ${first + 4}, ${first + 5})`,
    `row ${first + 5} (id fixture-duplicate): duplicate id (rows ${first + 4}, ${first + 5})`,
    `row ${first + 6} (id fixture-no-source): sources: needs at least one source`,
    'Nothing was changed.',
  ]

  it.each([
    ['broken.csv', 2, 'upsert'],
    ['broken.json', 1, 'upsert'],
    ['broken.csv', 2, 'replace'],
  ] as const)('%s (first record on row %s) prints every failing row with its reason and changes nothing (%s)', (name, first, mode) => {
    const ws = workspace()
    const before = { json: hash(ws.json), db: hash(ws.db) }
    const outcome = run(ws, fixture(name), mode)
    expect(outcome).toEqual({ ok: false, lines: expected(first) })
    expect({ json: hash(ws.json), db: hash(ws.db) }).toEqual(before)
    expect(readdirSync(ws.dataDir).filter((file) => file.endsWith('.tmp'))).toEqual([])
  })

  it('through the CLI: exit code 1, every failing row on stderr, JSON and database unchanged', () => {
    const ws = workspace()
    const before = { json: hash(ws.json), db: hash(ws.db) }
    const cli = spawnSync(join(root, 'node_modules/.bin/tsx'), ['scripts/dataImport.ts', fixture('broken.csv'), '--data-dir', ws.dataDir], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_FILE: ws.db },
    })
    expect(cli.status).toBe(1)
    expect(cli.stderr.trim().split('\n')).toEqual(expected(2))
    expect({ json: hash(ws.json), db: hash(ws.db) }).toEqual(before)
  })

  it('rejects an unknown column or field instead of dropping it', () => {
    const ws = workspace()
    const before = { json: hash(ws.json), db: hash(ws.db) }
    const [header = [], first = []] = Cells.parse(parse(readFileSync(exportTo(ws).csv, 'utf8')))
    writeFileSync(
      join(ws.dir, 'extra.csv'),
      stringify([
        [...header, 'notes_for_me'],
        [...first, 'call back'],
      ]),
    )
    const columns = run(ws, join(ws.dir, 'extra.csv'))
    expect(columns.ok).toBe(false)
    expect(columns.lines[0]).toMatch(/header: unknown column\(s\) notes_for_me/)

    const records = InitiativesFileSchema.parse(JSON.parse(readFileSync(ws.json, 'utf8'))).initiatives.slice(0, 1)
    writeFileSync(join(ws.dir, 'typo.json'), JSON.stringify({ initiatives: records.map((record) => ({ ...record, nameLocl: 'x' })) }))
    const typo = run(ws, join(ws.dir, 'typo.json'))
    expect(typo.lines[0]).toBe(`row 1 (id ${records[0]?.id}): nameLocl: unknown field (not in the schema; it would be lost)`)
    expect({ json: hash(ws.json), db: hash(ws.db) }).toEqual(before)
  })

  it('refuses an import that would leave a partner featuring a service that is gone', () => {
    const ws = workspace()
    const records = InitiativesFileSchema.parse(JSON.parse(readFileSync(ws.json, 'utf8'))).initiatives
    const featured = records.find((record) => record.status === 'active' && isContactable(record))
    if (!featured) throw new Error('no active, contactable record in data/')
    const partnersFile = join(ws.dataDir, 'partners.json')
    const partners = PartnersFileSchema.parse(JSON.parse(readFileSync(partnersFile, 'utf8')))
    const [partner] = partners.partners
    if (!partner) throw new Error('data/partners.json is empty')
    writeFileSync(partnersFile, JSON.stringify({ partners: [{ ...partner, featured: [featured.id] }] }))
    const file = join(ws.dir, 'without-featured.json')
    writeFileSync(file, JSON.stringify({ initiatives: records.filter((record) => record.id !== featured.id) }))
    const before = { json: hash(ws.json), db: hash(ws.db) }
    expect(run(ws, file, 'replace')).toEqual({
      ok: false,
      lines: [`${partnersFile}: ${partner.id}: featured ${featured.id} is not in data/initiatives.json`, 'Nothing was changed.'],
    })
    expect({ json: hash(ws.json), db: hash(ws.db) }).toEqual(before)
  })

  it('rolls the database back when the JSON cannot be put in place inside the transaction', () => {
    const ws = workspace()
    const before = hash(ws.db)
    const data = readDataDir(ws.dataDir)
    if (!data.ok) throw new Error(data.error.join('\n'))
    const changed = { ...data.value, initiatives: data.value.initiatives.slice(1) }
    const fail = () => {
      throw new Error('rename failed')
    }
    expect(() => replaceSqliteDirectory(ws.db, changed, migrations, { beforeCommit: fail })).toThrow('rename failed')
    expect(hash(ws.db)).toBe(before)
  })
})

describe('CSV quoting', () => {
  it('round-trips names with commas, quotes, line breaks and non-Latin text', () => {
    const ws = workspace()
    const parsed = parseCsvInitiatives(readFileSync(fixture('quoting.csv'), 'utf8'))
    expect(parsed.problems).toEqual([])
    // Row numbers are CSV lines: the first record's name and summary each hold a line break.
    expect(parsed.rows.map((row) => [row.row, row.problems])).toEqual([
      [2, []],
      [5, []],
    ])
    const [a, b] = parsed.rows.map((row) => row.record)
    expect(a?.name).toBe('Stop, "think" & call\nsecond line of the name')
    expect(a?.nameLocal).toBe('Остановись — 停下来 — توقف — Σταμάτα')
    expect(a?.organisation).toBe('Verein „Hilfe“, e.V.; Büro: Zürich')
    expect(a?.summary).toBe('Line one\r\nline two, with "quotes", commas; and a trailing space ')
    expect(b?.name).toBe('Ça va? 日本語の名前, "quoted"')

    // Import, export, re-import: the tricky records survive and nothing changes the second time.
    expect(run(ws, fixture('quoting.csv')).lines).toContain('added (2): fixture-quoting-a, fixture-quoting-b')
    const stored = InitiativesFileSchema.parse(JSON.parse(readFileSync(ws.json, 'utf8'))).initiatives
    expect(stored.find((record) => record.id === 'fixture-quoting-a')).toEqual(a)
    const before = { json: hash(ws.json), db: hash(ws.db) }
    const again = run(ws, exportTo(ws).csv)
    expect(again.lines).toContain('changed (0)')
    expect({ json: hash(ws.json), db: hash(ws.db) }).toEqual(before)
  })

  it('reads back exactly what it writes, for every real record', () => {
    const data = readDataDir(join(root, 'data'))
    if (!data.ok) throw new Error(data.error.join('\n'))
    const records = parseCsvInitiatives(initiativesToCsv(data.value.initiatives, data.value.taxonomy)).rows.map((row) => row.record)
    const sorted = [...data.value.initiatives].sort((x, y) => (x.id < y.id ? -1 : 1))
    expect(records).toEqual(sorted)
  })
})

describe('the database is the live directory (curators edit it in the console)', () => {
  const scripts = z
    .object({ scripts: z.record(z.string(), z.string()) })
    .parse(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))).scripts

  /** `npm run NAME -- ARGS` as npm runs it: the package script's command, in the project folder. */
  function npmRun(name: string, args: readonly string[]) {
    const [command = '', ...rest] = (scripts[name] ?? '').split(' ')
    expect(command, `npm script ${name}`).toBe('tsx')
    const { DATABASE_FILE: _ignored, ...env } = process.env
    return spawnSync(join(root, 'node_modules/.bin/tsx'), [...rest, ...args], { cwd: root, encoding: 'utf8', env })
  }

  /** A command the importer printed ("  npm run data:export -- …"), run as printed. Paths here hold no spaces. */
  function runPrinted(line: string) {
    const [npm, run, name = '', dashes, ...args] = line.trim().split(' ')
    expect([npm, run, dashes]).toEqual(['npm', 'run', '--'])
    return npmRun(name, args)
  }

  /** Changes the database as the console would: one record edited, one removed, one added. */
  function editInConsole(ws: Workspace) {
    const data = readDataDir(ws.dataDir)
    if (!data.ok) throw new Error(data.error.join('\n'))
    const featured = new Set(data.value.partners.flatMap((partner) => partner.featured))
    const [first, second, third] = data.value.initiatives.filter((record) => !featured.has(record.id))
    if (!first || !second || !third) throw new Error('data/ has too few records')
    const edited = { ...first, name: `${first.name} (renamed in the console)` }
    const added = { ...third, id: 'zz-added-in-the-console', name: 'Added in the console' }
    const initiatives = [
      ...data.value.initiatives.filter((record) => record.id !== second.id).map((record) => (record.id === edited.id ? edited : record)),
      added,
    ]
    replaceSqliteDirectory(ws.db, { ...data.value, initiatives }, migrations)
    return { data: data.value, initiatives, edited, removed: second, added, untouched: third }
  }

  /** An ordinary import file: one record (not one the console touched) with a new summary. */
  function importFile(ws: Workspace, record: { id: string }): string {
    const file = join(ws.dir, 'summary.json')
    writeFileSync(file, JSON.stringify({ initiatives: [{ ...record, summary: 'Summary edited in a spreadsheet.' }] }))
    return file
  }

  it('data:export --database writes what the database holds, console edits included, and leaves the file as it was', () => {
    const ws = workspace()
    const edits = editInConsole(ws)
    const before = createHash('sha256').update(readFileSync(ws.db)).digest('hex')
    const out = join(ws.dir, 'from-database')
    const cli = npmRun('data:export', ['--database', ws.db, '--out', out])
    expect(cli.status, cli.stderr).toBe(0)
    expect(cli.stdout).toBe(`wrote ${join(out, 'initiatives.json')}\nwrote ${join(out, 'initiatives.csv')}\n`)
    // Opened read-only: the main file is byte-for-byte the same; SQLite may leave an empty WAL beside it.
    expect(createHash('sha256').update(readFileSync(ws.db)).digest('hex')).toBe(before)
    expect(existsSync(`${ws.db}-wal`) ? readFileSync(`${ws.db}-wal`).length : 0).toBe(0)
    // Exactly the console's directory; `inferred` comes back in taxonomy order, the only order the database keeps.
    const expected = edits.initiatives.map((record) => comparableInitiative(record, edits.data.taxonomy))
    expect(readFileSync(join(out, 'initiatives.json'), 'utf8')).toBe(
      `${JSON.stringify({ initiatives: expected.sort((a, b) => (a.id < b.id ? -1 : 1)) }, null, 2)}\n`,
    )
    expect(readFileSync(join(out, 'initiatives.csv'), 'utf8')).toBe(initiativesToCsv(expected, edits.data.taxonomy))
  })

  it('data:export refuses --database together with --data-dir, and a database file that is not there', () => {
    const ws = workspace()
    const out = join(ws.dir, 'never')
    const both = npmRun('data:export', ['--database', ws.db, '--data-dir', ws.dataDir, '--out', out])
    expect(both.status).toBe(2)
    expect(both.stderr).toMatch(/^--database and --data-dir both name where the directory comes from; give one\n/)
    const missing = npmRun('data:export', ['--database', join(ws.dir, 'missing.sqlite'), '--out', out])
    expect(missing.status).toBe(1)
    expect(missing.stderr).toMatch(/missing\.sqlite: cannot be opened \(.*\)\nnothing exported\n$/)
    expect(existsSync(out)).toBe(false)
  })

  it('data:import refuses while the database holds console changes: names the ids and the way forward, changes nothing', () => {
    const ws = workspace()
    const { edited, removed, added, untouched } = editInConsole(ws)
    const file = importFile(ws, untouched)
    const before = { json: hash(ws.json), db: hash(ws.db) }
    const expected = [
      `${ws.db}: its initiatives differ from ${ws.json}. The database holds changes made in the curator console; this import would overwrite them.`,
      `  only in the database (1): ${added.id}`,
      `  only in ${ws.json} (1): ${removed.id}`,
      `  different (1): ${edited.id}`,
      'Import through the console at /admin/import, or first bring data/ up to date with the database, then run this import again:',
      `  npm run data:export -- --database ${ws.db} --out ${join(ws.dir, 'export')}`,
      `  npm run data:import -- ${join(ws.dir, 'export', 'initiatives.json')} --replace --database ${ws.db} --data-dir ${ws.dataDir}`,
      'That makes data/ hold what the database holds; if data/ is the newer side (e.g. after a git pull), compare the two first.',
      'Nothing was changed.',
    ]
    expect(run(ws, file)).toEqual({ ok: false, lines: expected })
    expect({ json: hash(ws.json), db: hash(ws.db) }).toEqual(before)
    expect(readdirSync(ws.dataDir).filter((name) => name.endsWith('.tmp'))).toEqual([])

    const cli = npmRun('data:import', [file, '--data-dir', ws.dataDir, '--database', ws.db])
    expect(cli.status).toBe(1)
    expect(cli.stderr.trimEnd().split('\n')).toEqual(expected)
    expect({ json: hash(ws.json), db: hash(ws.db) }).toEqual(before)
  })

  it('the printed commands bring data/ up to date byte-for-byte, leave the database alone, and then the import goes through', () => {
    const ws = workspace()
    const { data, edited, removed, added, untouched } = editInConsole(ws)
    const file = importFile(ws, untouched)
    const commands = run(ws, file).lines.filter((line) => line.startsWith('  npm run '))
    expect(commands).toHaveLength(2)
    const database = hash(ws.db)

    const [exported, imported] = commands.map(runPrinted)
    expect(exported?.status, exported?.stderr).toBe(0)
    expect(imported?.status, imported?.stderr).toBe(0)
    expect(imported?.stdout.trimEnd().split('\n')).toEqual(
      expect.arrayContaining([
        `added (1): ${added.id}`,
        `changed (1): ${edited.id}`,
        `removed (1): ${removed.id}`,
        `${ws.db}: already holds this directory, not touched`,
      ]),
    )
    // data/ now holds the console's changes and nothing else: every other record keeps its bytes
    // (its `inferred` order included, which exporting straight into data/ would not keep).
    const fromDatabase = (record: Initiative) => comparableInitiative(record, data.taxonomy)
    const expected = [
      ...data.initiatives
        .filter((record) => record.id !== removed.id)
        .map((record) => (record.id === edited.id ? fromDatabase(edited) : record)),
      fromDatabase(added),
    ]
    expect(readFileSync(ws.json, 'utf8')).toBe(
      `${JSON.stringify({ initiatives: expected.sort((a, b) => (a.id < b.id ? -1 : 1)) }, null, 2)}\n`,
    )
    expect(hash(ws.db)).toBe(database)

    const outcome = run(ws, file)
    expect(outcome.ok, outcome.lines.join('\n')).toBe(true)
    expect(outcome.lines).toContain(`changed (1): ${untouched.id}`)
  })
})
