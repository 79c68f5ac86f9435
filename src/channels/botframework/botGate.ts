import type { BotCaller } from './botCaller'
import type { BotMode } from './botMode'

/**
 * The status for a request the bot must not serve at all, decided before its body or the SDK is
 * touched: 401 when no credentials are set (the endpoint is off), 403 for a caller that is not on
 * loopback in local testing. Undefined: go on.
 * @example botGate('off', { onLoopback: true }) // 401
 */
export function botGate(mode: BotMode, caller: BotCaller): 401 | 403 | undefined {
  if (mode === 'off') return 401
  if (mode === 'localTesting' && !caller.onLoopback) return 403
  return undefined
}
