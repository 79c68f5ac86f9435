/**
 * `npm run teams:package [-- --out FILE]`: the Microsoft Teams app package for this bot,
 * teams/helpfinder-teams.zip (git-ignored), holding exactly manifest.json, color.png and outline.png.
 * teams/manifest.json's `${{NAME}}` placeholders are filled from the environment:
 *   MicrosoftAppId (or MICROSOFT_APP_ID)  the Azure Bot's app id, also the Teams app id unless TEAMS_APP_ID is set
 *   PUBLIC_ORIGIN                          https://… where the service is reached (website, privacy page, valid domain)
 *   TEAMS_DEVELOPER_NAME                   the helpline's name, shown as the publisher (at most 32 characters)
 *   TEAMS_TERMS_URL, TEAMS_APP_VERSION     optional: a terms page (default PUBLIC_ORIGIN/privacy), the version (1.0.0)
 * The filled manifest is checked against Microsoft's schema (teams/schema/) before anything is
 * written. docs/bot-channels.md says how to upload it.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { fillTeamsManifest } from './teams/fillTeamsManifest'
import { storedZip } from './teams/storedZip'
import { teamsSettings } from './teams/teamsSettings'
import { validateTeamsManifest } from './teams/validateTeamsManifest'

const root = fileURLToPath(new URL('..', import.meta.url))
const teams = resolve(root, 'teams')
const usage = 'usage: npm run teams:package [-- --out FILE]'

let out: string
try {
  const { values } = parseArgs({ options: { out: { type: 'string' } }, allowPositionals: false })
  out = resolve(values.out ?? resolve(teams, 'helpfinder-teams.zip'))
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${usage}\n`)
  process.exit(2)
}

const settings = teamsSettings(process.env)
if (!settings.ok) {
  process.stderr.write(
    `error: the Teams package needs these settings (docs/bot-channels.md):\n${settings.error.map((line) => `  - ${line}`).join('\n')}\n`,
  )
  process.exit(1)
}
const manifest = fillTeamsManifest(readFileSync(resolve(teams, 'manifest.json'), 'utf8'), settings.value)
const problems = validateTeamsManifest(JSON.parse(manifest))
if (problems.length > 0) {
  process.stderr.write(
    `error: the filled manifest does not pass Microsoft's schema:\n${problems.map((line) => `  - ${line}`).join('\n')}\n`,
  )
  process.exit(1)
}
const zip = storedZip([
  { name: 'manifest.json', data: new TextEncoder().encode(manifest) },
  { name: 'color.png', data: readFileSync(resolve(teams, 'color.png')) },
  { name: 'outline.png', data: readFileSync(resolve(teams, 'outline.png')) },
])
writeFileSync(out, zip)
const shown = relative(root, out).startsWith('..') ? out : relative(root, out)
process.stdout.write(
  `wrote ${shown} (${zip.length} bytes): upload it in Teams (Apps → Manage your apps → Upload an app) or the Teams admin center\n`,
)
