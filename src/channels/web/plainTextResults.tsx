import { WEB_SOURCE } from '../../core/figures/counterKeys'
import type { Context } from 'hono'
import { resultsText } from '../shared/resultsText'
import { turnOutcome } from '../shared/turnOutcome'
import type { TurnDeps } from '../shared/turnDeps'
import { readFormBody } from './readFormBody'
import { renderHtml } from './renderHtml'
import { TurnPage } from './TurnPage'
import { webTurnRequest } from './webTurnForm'

/**
 * The results as plain text, for a person without JavaScript to keep (save, print, copy): the
 * results form posts its state token here. The same words as the copy button's. A token that is
 * broken, expired or not at the results gives the page with its kind notice and a way on, never an error.
 * @example app.post('/results.txt', plainTextResults(deps))
 */
export function plainTextResults(deps: TurnDeps) {
  return async (c: Context) => {
    const body = await readFormBody(c.req)
    const { request } = webTurnRequest(body ?? {}, c.req.header('accept-language'))
    const outcome = await turnOutcome(deps, {
      ...request,
      action: 'show',
      reply: [],
      regionHint: c.req.header('accept-language'),
      source: WEB_SOURCE,
    })
    const view = outcome.view
    if (!view.results) {
      const t = deps.translator.t(view.ui)
      const notice = view.notice ?? t('error.bad_request')
      return c.html(renderHtml(<TurnPage view={{ ...view, notice }} nonce={c.get('nonce')} t={t} />), 400)
    }
    return c.body(resultsText(view.step.prompt, view.results, view.urgent, view.dir), 200, {
      'Content-Type': 'text/plain; charset=utf-8',
      // Shown in the browser, to read or save; a neutral name if saved.
      'Content-Disposition': 'inline; filename="services.txt"',
    })
  }
}
