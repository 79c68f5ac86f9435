/**
 * `npm run data:d1-sql [-- --database FILE] [--out FILE]`: writes the directory held in the
 * curator console's SQLite file (--database, else $DATABASE_FILE, else .data/helpfinder.sqlite) as
 * one SQL file for Cloudflare D1 (--out, default export/d1-directory.sql; export/ is git-ignored).
 * Publish it with: npx wrangler d1 execute helpfinder --remote --file export/d1-directory.sql
 *
 * Only the directory tables are written (meta, criteria, tags, initiatives, initiative_tags,
 * contacts, sources, urgent_lines, partners): curator accounts and the audit trail stay on Node.
 * The file is opened read-only and read in one read transaction, so a curator saving meanwhile
 * cannot leave half a change in the export. See docs/publishing-to-d1.md.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { directorySql } from './d1/directorySql'
import { readSqliteDirectory } from '../src/storage/sqlite/readSqliteDirectory'

const root = fileURLToPath(new URL('..', import.meta.url))
const usage = 'usage: npm run data:d1-sql [-- --database FILE] [--out FILE]'

function parse() {
  return parseArgs({ options: { database: { type: 'string' }, out: { type: 'string' } }, allowPositionals: false })
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

const databaseFile = resolve(args.values.database ?? process.env.DATABASE_FILE ?? `${root}.data/helpfinder.sqlite`)
const outFile = resolve(args.values.out ?? `${root}export/d1-directory.sql`)

const read = await readSqliteDirectory(databaseFile)
if (!read.ok) {
  // The message names the file or the invalid field; the data holds no personal details to leak.
  process.stderr.write(`cannot read the directory: ${read.error}\nnothing written\n`)
  process.exit(1)
}
const data = read.value
const sql = directorySql(data, new Date().toISOString())
if (!sql.ok) {
  process.stderr.write(`${sql.error}: not publishing it\nnothing written\n`)
  process.exit(1)
}
mkdirSync(dirname(outFile), { recursive: true })
// Written whole, then renamed: wrangler never picks up half a file.
writeFileSync(`${outFile}.tmp`, sql.value)
renameSync(`${outFile}.tmp`, outFile)
const active = data.initiatives.filter((initiative) => initiative.status === 'active').length
const shown = relative(process.cwd(), outFile) || outFile
process.stdout.write(
  `wrote ${shown}: ${data.initiatives.length} services (${active} active), urgent numbers for ${data.urgent.length} countries, ${data.partners.length} partners\n` +
    `publish: npx wrangler d1 execute helpfinder --remote --file ${shown}\n`,
)
// seedRows fills an empty partners table from data/partners.json when a new isolate starts.
if (data.partners.length === 0)
  process.stdout.write('note: no partners: the Worker will add the partners of data/partners.json to D1 again\n')
