import type { TeamsSettings } from './teamsSettings'

const PLACEHOLDER = /\$\{\{([A-Z_]+)\}\}/g

/**
 * teams/manifest.json with every `${{NAME}}` (Teams Toolkit's placeholder syntax) replaced by its
 * setting, escaped for JSON. A placeholder with no setting is an error, never left in the package.
 * @example JSON.parse(fillTeamsManifest(template, settings)).bots[0].botId // settings.MICROSOFT_APP_ID
 */
export function fillTeamsManifest(template: string, settings: TeamsSettings): string {
  const values: Readonly<Record<string, string>> = settings
  return template.replace(PLACEHOLDER, (_match, name: string) => {
    const value = values[name]
    if (value === undefined) throw new Error(`teams/manifest.json names \${{${name}}}, which has no setting`)
    return JSON.stringify(value).slice(1, -1)
  })
}
