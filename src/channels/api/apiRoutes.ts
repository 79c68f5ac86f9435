import { API_SOURCE } from '../../core/figures/counterKeys'
import { Hono } from 'hono'
import { renderOnce } from '../shared/renderOnce'
import { turnOutcome } from '../shared/turnOutcome'
import type { TurnDeps } from '../shared/turnDeps'
import { apiTurnRequest } from './apiTurnRequest'
import { directoryRoutes } from './directoryRoutes'
import { openApiDocument } from './openApiDocument'

const JSON_TYPE = { 'Content-Type': 'application/json' }

/**
 * The JSON channel: the same turn as the web pages, for the widget and integrators.
 * @example app.route('/api/v1', apiRoutes(deps))
 */
export function apiRoutes(deps: TurnDeps) {
  const app = new Hono()
  // Worked out once: the document is the same for every request.
  const document = JSON.stringify(openApiDocument({ publicOrigin: deps.publicOrigin }))

  app.post('/turn', async (c) => {
    const body: unknown = await c.req.json().catch(() => undefined)
    const { request, bad } = apiTurnRequest(body, c.req.header('accept-language'))
    const outcome = await turnOutcome(deps, { ...request, regionHint: c.req.header('accept-language'), source: API_SOURCE })
    if (bad) return c.json({ ...outcome.view, notice: deps.translator.t(outcome.view.ui)('error.bad_request') }, 400)
    return c.body(await renderOnce(outcome, 'json', (view) => JSON.stringify(view)), 200, JSON_TYPE)
  })

  app.get('/openapi.json', (c) => c.body(document, 200, JSON_TYPE))
  app.route('/directory', directoryRoutes(deps))
  return app
}
