import { Hono, type Context } from 'hono'
import type { UiLanguage } from '../../i18n/resources'
import { runTurn } from '../shared/runTurn'
import type { TurnDeps } from '../shared/turnDeps'
import type { TurnRequest } from '../shared/turnRequest'
import { InfoPage } from './InfoPage'
import { TurnPage } from './TurnPage'
import { webTurnRequest } from './webTurnForm'

/**
 * The no-JavaScript web channel: one question per page, plain POST forms, state in a hidden field.
 * @example app.route('/', webRoutes(deps))
 */
export function webRoutes(deps: TurnDeps) {
  const app = new Hono()
  const languages = () => deps.translator.languages()

  const render = async (c: Context, request: TurnRequest, bad = false) => {
    const view = await runTurn(deps, { ...request, regionHint: c.req.header('accept-language') })
    const t = deps.translator.t(view.ui)
    const shown = bad ? { ...view, notice: t('error.bad_request') } : view
    return c.html(<TurnPage view={shown} nonce={c.get('nonce')} t={t} />, bad ? 400 : 200)
  }

  app.get('/', (c) =>
    render(c, { token: undefined, action: 'start', reply: [], ui: c.req.query('lang') ?? c.req.header('accept-language'), urgentCountry: undefined }),
  )

  app.post('/turn', async (c) => {
    const body = await c.req.parseBody({ all: true }).catch(() => undefined)
    const { request, bad } = webTurnRequest(body ?? {}, c.req.header('accept-language'))
    return render(c, request, bad)
  })

  // A reload of /turn (the address bar after a POST) must not be a dead end.
  app.get('/turn', (c) => c.redirect('/', 303))

  app.get('/urgent', (c) =>
    render(c, {
      token: undefined,
      action: 'urgent',
      reply: [],
      ui: c.req.query('lang') ?? c.req.header('accept-language'),
      urgentCountry: c.req.query('country'),
    }),
  )

  for (const page of ['privacy', 'safety'] as const) {
    app.get(`/${page}`, (c) => {
      const ui: UiLanguage = deps.translator.pick(c.req.query('lang') ?? c.req.header('accept-language'))
      const t = deps.translator.t(ui)
      return c.html(
        <InfoPage
          t={t}
          ui={ui}
          dir={deps.translator.dir(ui)}
          nonce={c.get('nonce')}
          languages={languages()}
          title={t(`${page}.title`)}
          paragraphs={deps.translator.paragraphs(ui, `${page}.body`)}
        />,
      )
    })
  }
  return app
}
