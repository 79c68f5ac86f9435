import type { TurnDeps } from '../shared/turnDeps'
import { botAuthentication } from './botAuthentication'
import type { BotCaller } from './botCaller'
import type { BotConfig } from './botConfig'
import { botMode } from './botMode'
import { helpfinderBot } from './helpfinderBot'
import { HelpfinderBotAdapter } from './HelpfinderBotAdapter'

/**
 * The Bot Framework messaging endpoint, for Azure Bot Service channels and the Emulator: a
 * fetch-style handler for `POST /api/messages`. The runtime says whether the caller is on
 * loopback (see botMode for who is answered). On Workers the SDK needs nodejs_compat.
 * @example app.post('/api/messages', (c) => handle(c.req.raw, { onLoopback: false }))
 */
export function botHandler(deps: TurnDeps, config: BotConfig): (request: Request, caller: BotCaller) => Promise<Response> {
  const adapter = new HelpfinderBotAdapter(botAuthentication(config), botMode(config))
  const logic = helpfinderBot(deps)
  return (request, caller) => adapter.handle(request, logic, caller)
}
