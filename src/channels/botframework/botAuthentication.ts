import { ConfigurationBotFrameworkAuthentication } from 'botbuilder'
import type { BotAuthentication, BotConfig } from './botConfig'

/**
 * The SDK's authentication for these settings: JWT validation when an app id is set, none without
 * (then botGate decides who is answered at all).
 * @example new HelpfinderBotAdapter(botAuthentication(config), botMode(config))
 */
export function botAuthentication(config: BotConfig): BotAuthentication {
  // Only Microsoft's settings, and only those that are set: the SDK reads an empty cloud setting as "custom cloud".
  const { BOT_LOCAL_TESTING: _ours, ...microsoft } = config
  const settings = Object.fromEntries(Object.entries(microsoft).filter(([, value]) => value !== undefined))
  return new ConfigurationBotFrameworkAuthentication(settings)
}
