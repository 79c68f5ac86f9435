import { WEB_SOURCE } from '../../core/figures/counterKeys'
import { Hono, type Context } from 'hono'
import { uiLanguages, type UiLanguage } from '../../i18n/resources'
import type { TurnView } from '../shared/buildTurnView'
import { renderOnce } from '../shared/renderOnce'
import { NONCE_SLOT, fillParts, toParts, type RenderedParts } from '../shared/renderedParts'
import { turnOutcome } from '../shared/turnOutcome'
import type { TurnDeps } from '../shared/turnDeps'
import type { TurnRequest } from '../shared/turnRequest'
import { InfoPage } from './InfoPage'
import { plainTextResults } from './plainTextResults'
import { TurnPage } from './TurnPage'
import { webTurnRequest } from './webTurnForm'
import { readFormBody } from './readFormBody'
import { renderHtml } from './renderHtml'
import { enhancementScript } from './enhancementScript'
import { cacheableScript } from '../shared/cacheableScript'
import { landingHead } from './landingHead'
import { landingPath } from './landingPath'
import { searchEngineRoutes } from './searchEngineRoutes'

/**
 * The no-JavaScript web channel: one question per page, plain POST forms, state in a hidden field.
 * @example app.route('/', webRoutes(deps))
 */
export function webRoutes(deps: TurnDeps) {
  const app = new Hono()
  const languages = () => deps.translator.languages()

  /** A turn's page; `landing` (its path) makes it the indexable landing page, kept apart from the same step posted. */
  const render = async (c: Context, request: TurnRequest, options: { bad?: boolean; landing?: string } = {}) => {
    const outcome = await turnOutcome(deps, { ...request, regionHint: c.req.header('accept-language'), source: WEB_SOURCE })
    const t = deps.translator.t(outcome.view.ui)
    if (options.bad)
      return c.html(renderHtml(<TurnPage view={{ ...outcome.view, notice: t('error.bad_request') }} nonce={c.get('nonce')} t={t} />), 400)
    const { landing } = options
    const format = landing === undefined ? 'html' : `html landing ${landing}`
    // The landing head is worked out with the page: a remembered page already holds it.
    const page = (view: TurnView, nonce: string) =>
      renderHtml(
        <TurnPage
          view={view}
          nonce={nonce}
          t={t}
          indexable={landing === undefined ? undefined : landingHead(t, landing, deps.publicOrigin)}
        />,
      )
    return c.html(await renderOnce(outcome, format, page, c.get('nonce')))
  }

  /** A page opened by its address, without a state token: in the language of ?lang= or else the browser's. */
  const openPage = (c: Context, action: 'start' | 'urgent', urgentCountry: string | undefined, landing?: string) =>
    render(
      c,
      { token: undefined, action, reply: [], ui: c.req.query('lang') ?? c.req.header('accept-language'), urgentCountry },
      { landing },
    )

  // The landing pages, the only pages search engines may list (issue 23): `/` in the browser's
  // language (the x-default), and each interface language at its own address.
  app.get('/', (c) => openPage(c, 'start', undefined, '/'))
  for (const language of uiLanguages) {
    const path = landingPath(language)
    app.get(path, (c) =>
      render(c, { token: undefined, action: 'start', reply: [], ui: language, urgentCountry: undefined }, { landing: path }),
    )
    app.get(path.slice(0, -1), (c) => c.redirect(path, 301))
  }
  app.route('/', searchEngineRoutes({ publicOrigin: deps.publicOrigin }))

  // The one public page asset that may be kept (nothing personal in it).
  app.get('/enhance.js', (c) => cacheableScript(c, enhancementScript))

  app.post('/turn', async (c) => {
    const body = await readFormBody(c.req)
    const { request, bad } = webTurnRequest(body ?? {}, c.req.header('accept-language'))
    return render(c, request, { bad })
  })

  // A reload of /turn (the address bar after a POST) must not be a dead end.
  app.get('/turn', (c) => c.redirect('/', 303))

  // The results as plain text (the results form's button); opened by its address, there is nothing to show.
  app.post('/results.txt', plainTextResults(deps))
  app.get('/results.txt', (c) => c.redirect('/', 303))

  app.get('/urgent', (c) => openPage(c, 'urgent', c.req.query('country')))

  // The information pages never change while the process runs: rendered once per language, with
  // the nonce put in per response.
  const infoPages = new Map<string, RenderedParts>()
  for (const page of ['privacy', 'safety'] as const) {
    app.get(`/${page}`, (c) => {
      const ui: UiLanguage = deps.translator.pick(c.req.query('lang') ?? c.req.header('accept-language'))
      const key = `${page}|${ui}`
      let parts = infoPages.get(key)
      if (!parts) {
        const t = deps.translator.t(ui)
        parts = toParts(
          renderHtml(
            <InfoPage
              t={t}
              ui={ui}
              dir={deps.translator.dir(ui)}
              nonce={NONCE_SLOT}
              languages={languages()}
              title={t(`${page}.title`)}
              paragraphs={[
                ...deps.translator.paragraphs(ui, `${page}.body`),
                // The privacy page says exactly what is counted, or that nothing is (docs/figures.md).
                ...(page === 'privacy' ? deps.translator.paragraphs(ui, deps.figures ? 'privacy.figures_on' : 'privacy.figures_off') : []),
              ]}
            />,
          ),
        )
        infoPages.set(key, parts)
      }
      return c.html(fillParts(parts, { token: '', nonce: c.get('nonce') }))
    })
  }
  return app
}
