/**
 * `npm run data:import -- FILE [--replace] [--database FILE] [--data-dir DIR]`
 * FILE is a .json in the shape of data/initiatives.json or a .csv as written by `npm run data:export`
 * (contacts and sources as JSON arrays in one cell each; see docs/data-format.md).
 * Every row is validated (InitiativeSchema, then unique ids, plausible phone numbers and no future
 * dates on the directory the import would produce; data/partners.json must still hold up against it).
 * A row that gives lastChecked without checkedBy (or the reverse) is refused: an import sets a check
 * only where its file says who checked and when. If any row fails, each is printed as
 * `row N (id X): reason`, nothing is changed and the exit code is 1. Otherwise data/initiatives.json
 * is rewritten atomically and, if the database file exists (--database, else $DATABASE_FILE, else
 * .data/helpfinder.sqlite), its directory is replaced in one transaction.
 * If that database's initiatives differ from data/initiatives.json (curators edited it in the console),
 * the import is refused unless it leaves exactly what the database holds; the message says how to bring
 * data/ up to date first (docs/data-format.md).
 * Default: records are upserted by id. --replace: the file becomes the whole directory.
 * Options must follow "--" under npm run, or npm keeps them for itself.
 */
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { importInitiatives } from './import/importInitiatives'

const root = fileURLToPath(new URL('..', import.meta.url))
const usage = 'usage: npm run data:import -- FILE [--replace] [--database FILE] [--data-dir DIR]'

function parse() {
  return parseArgs({
    options: { replace: { type: 'boolean' }, database: { type: 'string' }, 'data-dir': { type: 'string' } },
    allowPositionals: true,
  })
}
let args: ReturnType<typeof parse>
try {
  args = parse()
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${usage}\n`)
  process.exit(2)
}
const [file, ...extra] = args.positionals
if (!file || extra.length > 0) {
  process.stderr.write(
    `expected exactly one FILE, got ${args.positionals.length}\n${usage}\n(npm keeps options given before "--" for itself)\n`,
  )
  process.exit(2)
}
const outcome = importInitiatives({
  file,
  dataDir: resolve(args.values['data-dir'] ?? `${root}data`),
  databaseFile: resolve(args.values.database ?? process.env.DATABASE_FILE ?? `${root}.data/helpfinder.sqlite`),
  migrationsFolder: `${root}migrations`,
  mode: args.values.replace ? 'replace' : 'upsert',
  today: new Date(),
})
;(outcome.ok ? process.stdout : process.stderr).write(`${outcome.lines.join('\n')}\n`)
process.exitCode = outcome.ok ? 0 : 1
