/**
 * `npm run data:export [-- --out DIR] [--data-dir DIR]`: writes the directory as
 *   DIR/initiatives.json  exactly the shape and bytes of data/initiatives.json (sorted by id, 2-space JSON)
 *   DIR/initiatives.csv   one row per record for curators' spreadsheets (UTF-8, no BOM, RFC 4180)
 * DIR defaults to export/ (git-ignored). CSV columns (details in docs/data-format.md):
 * - one per scalar field (id … confidence); an empty cell is null; booleans are true/false,
 *   anonymous is true/false/partial;
 * - countries, languages, inferred: codes joined with "; ";
 * - tags.<criterion> for each tag criterion of data/taxonomy.json: tag ids joined with "; ";
 * - contacts and sources: a JSON array in one cell each, e.g.
 *   [{"url":"https://…","date":"2024-05-01","supports":"phone number"}]. Edit them in the cell;
 *   the importer parses and validates them like any other field.
 * `npm run data:import -- DIR/initiatives.csv` reads either file back; unchanged, it changes nothing.
 */
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { exportDirectory } from './export/exportDirectory'

const root = fileURLToPath(new URL('..', import.meta.url))
const usage = 'usage: npm run data:export [-- --out DIR] [--data-dir DIR]'

function parse() {
  return parseArgs({ options: { out: { type: 'string' }, 'data-dir': { type: 'string' } }, allowPositionals: false })
}
let args: ReturnType<typeof parse>
try {
  args = parse()
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${usage}\n(npm keeps options given before "--" for itself)\n`)
  process.exit(2)
}
const result = exportDirectory(resolve(args.values['data-dir'] ?? `${root}data`), resolve(args.values.out ?? `${root}export`))
if (result.ok) {
  process.stdout.write(result.value.map((path) => `wrote ${path}\n`).join(''))
} else {
  process.stderr.write(`${result.error.join('\n')}\nnothing exported\n`)
  process.exitCode = 1
}
