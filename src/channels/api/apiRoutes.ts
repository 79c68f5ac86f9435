import { Hono } from 'hono'
import { runTurn } from '../shared/runTurn'
import type { TurnDeps } from '../shared/turnDeps'
import { apiTurnRequest } from './apiTurnRequest'
import { openApiDocument } from './openApiDocument'

/**
 * The JSON channel: the same turn as the web pages, for the widget and integrators.
 * @example app.route('/api/v1', apiRoutes(deps))
 */
export function apiRoutes(deps: TurnDeps) {
  const app = new Hono()
  const document = openApiDocument()

  app.post('/turn', async (c) => {
    const body: unknown = await c.req.json().catch(() => undefined)
    const { request, bad } = apiTurnRequest(body, c.req.header('accept-language'))
    const view = await runTurn(deps, { ...request, regionHint: c.req.header('accept-language') })
    const shown = bad ? { ...view, notice: deps.translator.t(view.ui)('error.bad_request') } : view
    return c.json(shown, bad ? 400 : 200)
  })

  app.get('/openapi.json', (c) => c.json(document))
  return app
}
