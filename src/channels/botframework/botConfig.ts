import type { CloudAdapter } from 'botbuilder'
import * as z from 'zod'

const Setting = z
  .string()
  .trim()
  .max(2048)
  .optional()
  .transform((value) => value || undefined)

/**
 * The Azure Bot registration settings, named as Microsoft names them; all optional. Beyond the app
 * id, password, type and tenant, the SDK's cloud settings are passed through for sovereign or
 * private clouds (the SDK wants all of `ToChannelFromBotLoginUrl` … `CallerId` once one is set).
 * `BOT_LOCAL_TESTING` is Helpfinder's own: `on` opens the endpoint to loopback callers when no app id
 * is set (the Emulator, the tests); see botMode. This file loads no SDK code, so a Worker can read
 * the settings at start-up without the 480 KiB SDK.
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
  BOT_LOCAL_TESTING: Setting,
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
