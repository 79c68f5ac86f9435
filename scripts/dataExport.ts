/**
 * `npm run data:export [-- --out DIR] [--data-dir DIR | --database FILE]`: writes the directory as
 *   DIR/initiatives.json  exactly the shape and bytes of data/initiatives.json (sorted by id, 2-space JSON)
 *   DIR/initiatives.csv   one row per record for curators' spreadsheets (UTF-8, no BOM, RFC 4180)
 * DIR defaults to export/ (git-ignored). The directory comes from data/ (or --data-dir), or with
 * --database from that SQLite file, the live directory curators edit in the console (opened read-only).
 * CSV columns (details in docs/data-format.md):
 * - one per scalar field (id … confidence); an empty cell is null; booleans are true/false,
 *   anonymous is true/false/partial; lastChecked and checkedBy (the day someone compared the record
 *   with its sources, and who) are both empty until a real check, or both filled;
 * - countries, languages, inferred: codes joined with "; ";
 * - tags.<criterion> for each tag criterion of data/taxonomy.json: tag ids joined with "; ";
 * - contacts and sources: a JSON array in one cell each, e.g.
 *   [{"url":"https://…","date":"2024-05-01","supports":"phone number"}]. Edit them in the cell;
 *   the importer parses and validates them like any other field;
 * - a cell a spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a leading ',
 *   which the importer takes off again (src/curation/formulaGuard.ts).
 * `npm run data:import -- DIR/initiatives.csv` reads either file back; unchanged, it changes nothing.
 */
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { exportDatabase } from './export/exportDatabase'
import { exportDirectory } from './export/exportDirectory'

const root = fileURLToPath(new URL('..', import.meta.url))
const usage = 'usage: npm run data:export [-- --out DIR] [--data-dir DIR | --database FILE]'

function parse() {
  return parseArgs({
    options: { out: { type: 'string' }, 'data-dir': { type: 'string' }, database: { type: 'string' } },
    allowPositionals: false,
  })
}
let args: ReturnType<typeof parse>
try {
  args = parse()
} catch (error) {
  process.stderr.write(
    `${error instanceof Error ? error.message : String(error)}\n${usage}\n(npm keeps options given before "--" for itself)\n`,
  )
  process.exit(2)
}
const { database, 'data-dir': dataDir } = args.values
if (database !== undefined && dataDir !== undefined) {
  process.stderr.write(`--database and --data-dir both name where the directory comes from; give one\n${usage}\n`)
  process.exit(2)
}
const out = resolve(args.values.out ?? `${root}export`)
const result =
  database === undefined ? exportDirectory(resolve(dataDir ?? `${root}data`), out) : await exportDatabase(resolve(database), out)
if (result.ok) {
  process.stdout.write(result.value.map((path) => `wrote ${path}\n`).join(''))
} else {
  process.stderr.write(`${result.error.join('\n')}\nnothing exported\n`)
  process.exitCode = 1
}
