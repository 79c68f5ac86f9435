import type { TurnDeps } from '../shared/turnDeps'
import type { BotCaller } from './botCaller'
import type { BotConfig } from './botConfig'
import { botGate } from './botGate'
import { botMode } from './botMode'

type Handle = (request: Request, caller: BotCaller) => Promise<Response>

/**
 * `POST /api/messages` for both runtimes, with the Bot Framework SDK loaded on the first request
 * it may answer. The SDK is big (about 480 KiB gzip on Workers, about 40 MB of a Node process's
 * memory): the web pages and the API never wait for it, and a refused request (no credentials:
 * 401; local testing from elsewhere: 403) never loads it. A failed load is not kept, so the next
 * bot request tries again.
 * @example const bot = lazyBotHandler(deps.turn, config); app.post('/api/messages', (c) => bot(c.req.raw, caller))
 */
export function lazyBotHandler(deps: TurnDeps, config: BotConfig): Handle {
  const mode = botMode(config)
  let loading: Promise<Handle> | undefined
  return async (request, caller) => {
    const refused = botGate(mode, caller)
    if (refused) return new Response(null, { status: refused })
    loading ??= import('./botHandler').then(
      ({ botHandler }) => botHandler(deps, config),
      (error: unknown) => {
        loading = undefined
        throw error
      },
    )
    return (await loading)(request, caller)
  }
}
