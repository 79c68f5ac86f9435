import { Hono } from 'hono'
import type { TurnDeps } from '../shared/turnDeps'
import { botAuthentication, isOpenForLocalUse, type BotConfig } from './botConfig'
import { helpfinderBot } from './helpfinderBot'
import { HelpfinderBotAdapter } from './HelpfinderBotAdapter'

/**
 * The Bot Framework messaging endpoint (`POST /`), for Azure Bot Service channels and the Emulator.
 * Node only for now: the SDK needs nodejs_compat and about 466 KiB on Workers.
 * @example app.route('/api/messages', botRoutes(deps.turn, botConfigFromEnv(process.env)))
 */
export function botRoutes(deps: TurnDeps, config: BotConfig) {
  const adapter = new HelpfinderBotAdapter(botAuthentication(config), { openForLocalUse: isOpenForLocalUse(config) })
  const logic = helpfinderBot(deps)
  const app = new Hono()
  app.post('/', (c) => adapter.handle(c.req.raw, logic))
  return app
}
