import * as z from 'zod'
import { publicOrigin } from '../../src/app/publicOrigin'
import { fail, ok, type Result } from '../../src/core/result'

const Guid = z
  .string()
  .trim()
  .regex(/^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/, 'must be a GUID such as 00000000-0000-0000-0000-000000000000')
const Optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional())

const EnvSchema = z.object({
  MicrosoftAppId: Optional(Guid),
  MICROSOFT_APP_ID: Optional(Guid),
  TEAMS_APP_ID: Optional(Guid),
  PUBLIC_ORIGIN: Optional(z.string()),
  TEAMS_DEVELOPER_NAME: Optional(z.string().trim().min(1).max(32, 'must be at most 32 characters (a Teams limit)')),
  TEAMS_TERMS_URL: Optional(z.url({ protocol: /^https$/, error: 'must be an https:// address' }).max(2048)),
  TEAMS_APP_VERSION: Optional(z.string().regex(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/, 'must be three numbers such as 1.0.1')),
})

/** The values the placeholders `${{NAME}}` in teams/manifest.json are filled with. */
export type TeamsSettings = Record<
  'MICROSOFT_APP_ID' | 'TEAMS_APP_ID' | 'PUBLIC_ORIGIN' | 'PUBLIC_HOST' | 'TEAMS_DEVELOPER_NAME' | 'TEAMS_TERMS_URL' | 'TEAMS_APP_VERSION',
  string
>

/**
 * Reads the Teams package settings from the environment: the bot's app id (`MicrosoftAppId`, the
 * name the server reads, or `MICROSOFT_APP_ID`, Teams Toolkit's), `PUBLIC_ORIGIN` (https only: Teams
 * calls nothing else), the helpline's name as publisher, and optional terms page, app id and version.
 * @example teamsSettings(process.env) // { ok: true, value: { MICROSOFT_APP_ID: '…', PUBLIC_HOST: 'help.example.org', … } }
 */
export function teamsSettings(env: Readonly<Record<string, string | undefined>>): Result<TeamsSettings, string[]> {
  const parsed = EnvSchema.safeParse(env)
  if (!parsed.success) return fail(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`))
  const values = parsed.data
  const problems: string[] = []
  if (values.MicrosoftAppId && values.MICROSOFT_APP_ID && values.MicrosoftAppId.toLowerCase() !== values.MICROSOFT_APP_ID.toLowerCase()) {
    problems.push('MicrosoftAppId and MICROSOFT_APP_ID are both set and differ; set one')
  }
  const appId = values.MicrosoftAppId ?? values.MICROSOFT_APP_ID
  if (!appId) problems.push("MicrosoftAppId (or MICROSOFT_APP_ID) is not set: the Azure Bot's Microsoft App ID")
  const origin = publicOrigin(values.PUBLIC_ORIGIN)
  if (!origin.ok) problems.push(origin.error)
  else if (!origin.value) problems.push('PUBLIC_ORIGIN is not set: the https:// address the service is reached at')
  else if (!origin.value.startsWith('https://')) problems.push('PUBLIC_ORIGIN must be https:// for Teams')
  if (!values.TEAMS_DEVELOPER_NAME)
    problems.push("TEAMS_DEVELOPER_NAME is not set: the helpline's name as Teams shows the publisher (at most 32 characters)")
  if (problems.length > 0 || !appId || !origin.ok || !origin.value || !values.TEAMS_DEVELOPER_NAME) return fail(problems)
  return ok({
    MICROSOFT_APP_ID: appId,
    TEAMS_APP_ID: values.TEAMS_APP_ID ?? appId,
    PUBLIC_ORIGIN: origin.value,
    PUBLIC_HOST: new URL(origin.value).host,
    TEAMS_DEVELOPER_NAME: values.TEAMS_DEVELOPER_NAME,
    TEAMS_TERMS_URL: values.TEAMS_TERMS_URL ?? `${origin.value}/privacy`,
    TEAMS_APP_VERSION: values.TEAMS_APP_VERSION ?? '1.0.0',
  })
}
