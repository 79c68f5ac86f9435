import type { BotConfig } from './botConfig'
import { botMode, localTestingAsked } from './botMode'

/**
 * The one line the server says at start-up about the Bot Framework endpoint, or undefined when
 * there is nothing to say (credentials set, no local testing asked for).
 * @example botStartupWarning({}) // 'Bot Framework endpoint /api/messages is off (401 for every request): no MicrosoftAppId is set. …'
 */
export function botStartupWarning(config: BotConfig): string | undefined {
  const mode = botMode(config)
  const unclear = config.BOT_LOCAL_TESTING !== undefined && !localTestingAsked(config) && config.BOT_LOCAL_TESTING.toLowerCase() !== 'off'
  if (mode === 'authenticated') {
    return config.BOT_LOCAL_TESTING === undefined
      ? undefined
      : 'BOT_LOCAL_TESTING is ignored because MicrosoftAppId is set: every /api/messages request needs a valid Bot Framework token.'
  }
  if (mode === 'localTesting') {
    return (
      'BOT_LOCAL_TESTING=on: the Bot Framework endpoint /api/messages is UNAUTHENTICATED. It answers loopback callers only and replies to loopback serviceUrls only, ' +
      'for the Bot Framework Emulator and tests on this machine. NEVER deploy like this: behind a reverse proxy every caller looks like loopback. ' +
      'Set MicrosoftAppId (and MicrosoftAppPassword) to connect a real bot.'
    )
  }
  return (
    'Bot Framework endpoint /api/messages is off (401 for every request): no MicrosoftAppId is set. ' +
    'Set MicrosoftAppId (and MicrosoftAppPassword) to connect an Azure Bot, or BOT_LOCAL_TESTING=on for the Bot Framework Emulator and tests on this machine.' +
    (unclear ? ' (BOT_LOCAL_TESTING is set, but only "on" turns local testing on.)' : '')
  )
}
