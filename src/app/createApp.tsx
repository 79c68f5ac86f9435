import { contactBeaconRoutes } from '../channels/web/contactBeaconRoutes'
import { Hono, type Context, type MiddlewareHandler } from 'hono'
import { apiRoutes } from '../channels/api/apiRoutes'
import { regionFromAcceptLanguage } from '../channels/shared/regionFromAcceptLanguage'
import type { TurnDeps } from '../channels/shared/turnDeps'
import { urgentView } from '../channels/shared/urgentView'
import { InfoPage } from '../channels/web/InfoPage'
import { UrgentPanel } from '../channels/web/UrgentPanel'
import { webRoutes } from '../channels/web/webRoutes'
import { widgetRoutes } from '../channels/widget/widgetRoutes'
import type { DirectoryIndex } from '../core/directory/indexDirectory'
import { privacyLogger, type LogSink } from '../middleware/privacyLogger'
import { redirectTrailingSlash } from '../middleware/redirectTrailingSlash'
import { requestSizeLimit } from '../middleware/requestSizeLimit'
import { securityHeaders } from '../middleware/securityHeaders'
import { HttpError } from './httpError'
import { renderHtml } from '../channels/web/renderHtml'

/** What the runtime hands the app: the turn's dependencies, a log sink, and the static fallback. */
export interface AppDeps {
  turn: TurnDeps
  log: LogSink
  /** Always available, even when storage is not: the last-resort page shows its urgent numbers. */
  fallback: DirectoryIndex
  /** The configured public address (PUBLIC_ORIGIN); when it is https, every response carries HSTS. */
  publicOrigin?: string
}

/**
 * Builds the whole Helpfinder app; the same on Node and Workers.
 * @example export default { fetch: createApp(deps).fetch }
 */
export function createApp(deps: AppDeps, options: { edge?: MiddlewareHandler[] } = {}) {
  const app = new Hono()
  // A runtime's own outermost steps (Node's compression): they see every response, errors included.
  for (const step of options.edge ?? []) app.use(step)
  app.use(privacyLogger(deps.log))
  app.use(securityHeaders({ https: deps.publicOrigin?.startsWith('https://') }))
  app.use(
    requestSizeLimit(64 * 1024, () => {
      throw new HttpError(413, 'error.bad_request')
    }),
  )
  app.use(redirectTrailingSlash(['/urgent', '/privacy', '/safety', '/demo']))
  app.route('/api/v1', apiRoutes(deps.turn))
  app.route('/', widgetRoutes(deps.turn, { publicOrigin: deps.publicOrigin }))
  app.route('/', webRoutes(deps.turn))
  app.route('/', contactBeaconRoutes(deps.turn))
  app.notFound((c) => errorResponse(c, deps, new HttpError(404, 'error.not_found')))
  // The last resort: never a stack trace, always a way forward and urgent-help numbers.
  app.onError((error, c) => errorResponse(c, deps, error instanceof HttpError ? error : new HttpError(500, 'error.server')))
  return app
}

function errorResponse(c: Context, deps: AppDeps, error: HttpError) {
  const translator = deps.turn.translator
  const ui = translator.pick(c.req.header('accept-language'))
  const t = translator.t(ui)
  // The same panel as /urgent: the browser's region if it names one, else the numbers many countries share.
  const urgent = urgentView(deps.fallback, regionFromAcceptLanguage(c.req.header('accept-language'), deps.fallback.countries), t, ui)
  if (c.req.path.startsWith('/api/')) {
    return c.json({ error: { status: error.status, message: t(error.key) }, urgent }, error.status)
  }
  return c.html(
    renderHtml(
      <InfoPage
        t={t}
        ui={ui}
        dir={translator.dir(ui)}
        nonce={c.get('nonce') ?? ''}
        languages={translator.languages()}
        title={t('error.title')}
        paragraphs={[t(error.key)]}
      >
        <UrgentPanel urgent={urgent} state={undefined} t={t} headingLevel={2} returnAction="show" />
      </InfoPage>,
    ),
    error.status,
  )
}
