import { WIDGET_SOURCE } from '../../core/figures/counterKeys'
import { Hono, type Context } from 'hono'
import { PRODUCTION_ORIGINS } from '../../core/directory/embedOrigin'
import { contentSecurityPolicy } from '../../middleware/securityHeaders'
import { runTurn } from '../shared/runTurn'
import type { TurnDeps } from '../shared/turnDeps'
import type { TurnRequest } from '../shared/turnRequest'
import { webTurnRequest } from '../web/webTurnForm'
import type { Partner } from '../../core/directory/partnerSchema'
import { accessibleColours } from './accessibleColours'
import { ancestorsAllow } from './ancestorsAllow'
import { embeddingHost } from './embeddingHost'
import { NotSetUpPage } from './NotSetUpPage'
import { DemoPage } from './DemoPage'
import { ORIGIN_PLACEHOLDER } from './originPlaceholder'
import { frameAncestors } from './frameAncestors'
import { PanelPage } from './PanelPage'
import { cacheableScript } from '../shared/cacheableScript'
import { loaderScript, loaderVersion } from './widgetAssets.generated'
import { settingsFields, widgetSettings, type WidgetSettings } from './widgetSettings'
import { readFormBody } from '../web/readFormBody'
import { renderHtml } from '../web/renderHtml'

const LOADER = { body: loaderScript, version: loaderVersion, etag: `W/"${loaderVersion}"` }

/**
 * The embeddable widget: `/widget.js` (the loader), the panel it frames (`/widget/panel`, then
 * `POST /widget/turn`), and `/demo`, a fictional helpline's page with the widget on it.
 * @example app.route('/', widgetRoutes(deps, { publicOrigin: 'https://help.example.org' }))
 */
export function widgetRoutes(deps: TurnDeps, options: { publicOrigin?: string } = {}) {
  const app = new Hono()

  app.get('/widget.js', (c) => {
    // Loaded by other sites' pages: the one response here meant to be read cross-origin.
    c.header('Cross-Origin-Resource-Policy', 'cross-origin')
    // The same code for everyone, nothing personal in it: kept by browsers. The address partners
    // paste is checked every five minutes, which costs a 304 while the version is the same.
    return cacheableScript(c, LOADER)
  })

  const panel = async (c: Context, settings: WidgetSettings, request: TurnRequest, bad = false) => {
    const index = await deps.directory()
    const partner = settings.partner ? index.partners.get(settings.partner) : undefined
    const view = await runTurn(deps, {
      ...request,
      // The interface language: the embed's, else the partner's default, else the browser's.
      ui: request.ui ?? partner?.defaultLanguage ?? c.req.header('accept-language'),
      regionHint: c.req.header('accept-language'),
      presets: {
        country: settings.country ?? partner?.defaultCountry ?? undefined,
        language: settings.lang ?? partner?.defaultLanguage ?? undefined,
      },
      featured: partner && partner.featured.length > 0 ? { ids: partner.featured, by: partner.name } : undefined,
      // Only a registered partner is named: an id anyone could type would make a counter of its own.
      source: partner?.id ?? WIDGET_SOURCE,
    })
    const t = deps.translator.t(view.ui)
    c.header(
      'Content-Security-Policy',
      contentSecurityPolicy(c.get('nonce'), { frameAncestors: frameAncestors(partner, deps.embedOrigins ?? PRODUCTION_ORIGINS) }),
    )
    c.header('X-Frame-Options', undefined)
    c.header('Cross-Origin-Resource-Policy', 'cross-origin')
    const consoleNote =
      settings.partner && !partner
        ? `Helpfinder widget: unknown partner id "${settings.partner}". Showing the default widget; ask Helpfinder to register your site.`
        : undefined
    return c.html(
      renderHtml(
        <PanelPage
          view={bad ? { ...view, notice: t('error.bad_request') } : view}
          nonce={c.get('nonce')}
          t={t}
          fields={settingsFields(settings)}
          accent={accessibleColours(settings.accent)}
          consoleNote={consoleNote}
        />,
      ),
      bad ? 400 : 200,
    )
  }

  app.get('/widget/panel', async (c) => {
    const settings = widgetSettings(c.req.query())
    const host = embeddingHost(c.req.query('host'))
    if (settings.partner && host) {
      const partner = (await deps.directory()).partners.get(settings.partner)
      const rules = deps.embedOrigins ?? PRODUCTION_ORIGINS
      if (partner && !ancestorsAllow(frameAncestors(partner, rules), host)) return notSetUp(c, settings, partner, host)
    }
    return panel(c, settings, { token: undefined, action: 'start', reply: [], ui: settings.lang, urgentCountry: undefined })
  })

  /** The loader's host is not among the partner's sites: a page any site may frame, holding nothing (NotSetUpPage). */
  const notSetUp = (c: Context, settings: WidgetSettings, partner: Partner, host: string) => {
    const ui = deps.translator.pick(settings.lang ?? partner.defaultLanguage ?? c.req.header('accept-language'))
    c.header('Content-Security-Policy', contentSecurityPolicy(c.get('nonce'), { frameAncestors: '*' }))
    c.header('X-Frame-Options', undefined)
    c.header('Cross-Origin-Resource-Policy', 'cross-origin')
    return c.html(
      renderHtml(
        <NotSetUpPage
          t={deps.translator.t(ui)}
          ui={ui}
          dir={deps.translator.dir(ui)}
          nonce={c.get('nonce')}
          country={settings.country ?? partner.defaultCountry ?? undefined}
          accent={accessibleColours(settings.accent)}
          consoleNote={`Helpfinder widget: partner id "${partner.id}" is not set up for ${host}, so the panel shows a link to Helpfinder instead. Ask Helpfinder to add this origin to your partner entry.`}
        />,
      ),
    )
  }

  app.post('/widget/turn', async (c) => {
    const body = (await readFormBody(c.req)) ?? {}
    const { request, bad } = webTurnRequest(body, c.req.header('accept-language'))
    return panel(c, widgetSettings(body, 'w_'), request, bad)
  })

  // A reload after a post: back to the start of the panel, with the same settings.
  app.get('/widget/turn', (c) => c.redirect('/widget/panel', 303))

  app.get('/demo', (c) => {
    const ui = deps.translator.pick(c.req.query('lang') ?? c.req.header('accept-language'))
    c.header('Content-Security-Policy', contentSecurityPolicy(c.get('nonce'), { frameSrc: "'self'" }))
    return c.html(renderHtml(<DemoPage nonce={c.get('nonce')} origin={options.publicOrigin ?? ORIGIN_PLACEHOLDER} ui={ui} />))
  })
  return app
}
