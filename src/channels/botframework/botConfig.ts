import { ConfigurationBotFrameworkAuthentication, type CloudAdapter } from 'botbuilder'
import * as z from 'zod'

const Setting = z.string().trim().max(512).optional().transform((value) => value || undefined)

/** The Azure Bot registration settings, named as Microsoft names them; all optional. */
export const BotConfigSchema = z.object({
  MicrosoftAppId: Setting,
  MicrosoftAppPassword: Setting,
  MicrosoftAppType: Setting,
  MicrosoftAppTenantId: Setting,
})
/** The SDK's authentication (`BotFrameworkAuthentication`, from botframework-connector). */
export type BotAuthentication = NonNullable<ConstructorParameters<typeof CloudAdapter>[0]>

export type BotConfig = Partial<z.infer<typeof BotConfigSchema>> & {
  /** Replaces the authentication built from the settings (tests use a local OpenID/JWKS server). */
  authentication?: BotAuthentication
}

/**
 * Reads the bot settings from the environment; unrelated variables are ignored.
 * @example botConfigFromEnv(process.env).MicrosoftAppId
 */
export function botConfigFromEnv(env: Record<string, string | undefined>): BotConfig {
  const parsed = BotConfigSchema.safeParse(env)
  return parsed.success ? parsed.data : {}
}

/** True when nothing authenticates requests: the endpoint is then for local use (the Emulator) only. */
export function isOpenForLocalUse(config: BotConfig): boolean {
  return !config.authentication && !config.MicrosoftAppId
}

/**
 * The SDK's authentication for these settings: JWT validation when an app id is set, none without.
 * @example new HelpfinderBotAdapter(botAuthentication(config), { openForLocalUse: isOpenForLocalUse(config) })
 */
export function botAuthentication(config: BotConfig): BotAuthentication {
  if (config.authentication) return config.authentication
  const { MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType, MicrosoftAppTenantId } = config
  return new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType, MicrosoftAppTenantId })
}
