/**
 * `npm run teams:icons`: writes the Teams app icons, teams/color.png (192×192) and
 * teams/outline.png (32×32, white on transparent), from scripts/teams/drawTeamsIcons.ts. The
 * output is the same every time; tests/teams.manifest.test.ts checks the committed files match it.
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { drawTeamsIcons } from './teams/drawTeamsIcons'

const teams = fileURLToPath(new URL('../teams/', import.meta.url))
const { color, outline } = drawTeamsIcons()
writeFileSync(`${teams}color.png`, color)
writeFileSync(`${teams}outline.png`, outline)
process.stdout.write('wrote teams/color.png (192×192) and teams/outline.png (32×32)\n')
