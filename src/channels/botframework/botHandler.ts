import type { TurnDeps } from '../shared/turnDeps'
import { botAuthentication, isOpenForLocalUse, type BotConfig } from './botConfig'
import { helpfinderBot } from './helpfinderBot'
import { HelpfinderBotAdapter } from './HelpfinderBotAdapter'

/**
 * The Bot Framework messaging endpoint, for Azure Bot Service channels and the Emulator: a
 * fetch-style handler for `POST /api/messages`. On Workers the SDK needs nodejs_compat.
 * @example app.post('/api/messages', (c) => handle(c.req.raw))
 */
export function botHandler(deps: TurnDeps, config: BotConfig): (request: Request) => Promise<Response> {
  const adapter = new HelpfinderBotAdapter(botAuthentication(config), { openForLocalUse: isOpenForLocalUse(config) })
  const logic = helpfinderBot(deps)
  return (request) => adapter.handle(request, logic)
}
