import { ConfigurationBotFrameworkAuthentication, type CloudAdapter } from 'botbuilder'
import * as z from 'zod'

const Setting = z.string().trim().max(2048).optional().transform((value) => value || undefined)

/**
 * The Azure Bot registration settings, named as Microsoft names them; all optional. Beyond the app
 * id, password, type and tenant, the SDK's cloud settings are passed through for sovereign or
 * private clouds (the SDK wants all of `ToChannelFromBotLoginUrl` … `CallerId` once one is set).
 */
export const BotConfigSchema = z.object({
  MicrosoftAppId: Setting,
  MicrosoftAppPassword: Setting,
  MicrosoftAppType: Setting,
  MicrosoftAppTenantId: Setting,
  ChannelService: Setting,
  ValidateAuthority: Setting,
  ToChannelFromBotLoginUrl: Setting,
  ToChannelFromBotOAuthScope: Setting,
  ToBotFromChannelTokenIssuer: Setting,
  OAuthUrl: Setting,
  ToBotFromChannelOpenIdMetadataUrl: Setting,
  ToBotFromEmulatorOpenIdMetadataUrl: Setting,
  CallerId: Setting,
})
/** The SDK's authentication (`BotFrameworkAuthentication`, from botframework-connector). */
export type BotAuthentication = NonNullable<ConstructorParameters<typeof CloudAdapter>[0]>

export type BotConfig = Partial<z.infer<typeof BotConfigSchema>>

/**
 * Reads the bot settings from the environment (Node's `process.env` or a Worker's `env`);
 * unrelated variables and bindings are ignored.
 * @example botConfigFromEnv(process.env).MicrosoftAppId
 */
export function botConfigFromEnv(env: Record<string, unknown>): BotConfig {
  const parsed = BotConfigSchema.safeParse(env)
  return parsed.success ? parsed.data : {}
}

/** True when nothing authenticates requests: the endpoint is then for local use (the Emulator) only. */
export function isOpenForLocalUse(config: BotConfig): boolean {
  return !config.MicrosoftAppId
}

/**
 * The SDK's authentication for these settings: JWT validation when an app id is set, none without.
 * @example new HelpfinderBotAdapter(botAuthentication(config), { openForLocalUse: isOpenForLocalUse(config) })
 */
export function botAuthentication(config: BotConfig): BotAuthentication {
  // Only the settings that are set: the SDK reads an empty cloud setting as "custom cloud".
  const settings = Object.fromEntries(Object.entries(config).filter(([, value]) => value !== undefined))
  return new ConfigurationBotFrameworkAuthentication(settings)
}
