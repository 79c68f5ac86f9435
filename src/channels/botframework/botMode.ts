import type { BotConfig } from './botConfig'

/**
 * How `/api/messages` answers: `authenticated` (an app id is set: every request's token is
 * validated), `localTesting` (no app id, BOT_LOCAL_TESTING=on: loopback callers only, for the
 * Emulator and the tests) or `off` (no app id: 401 for everyone).
 */
export type BotMode = 'authenticated' | 'localTesting' | 'off'

/**
 * The mode these settings put the endpoint in. Open is never the default: without credentials the
 * endpoint is off unless local testing is asked for in so many words.
 * @example botMode({ BOT_LOCAL_TESTING: 'on' }) // 'localTesting'
 */
export function botMode(config: BotConfig): BotMode {
  if (config.MicrosoftAppId) return 'authenticated'
  return localTestingAsked(config) ? 'localTesting' : 'off'
}

/** True when BOT_LOCAL_TESTING says `on` (any case); anything else leaves local testing off. */
export function localTestingAsked(config: BotConfig): boolean {
  return config.BOT_LOCAL_TESTING?.toLowerCase() === 'on'
}
