import { Hono } from 'hono'
import { privacyLogger } from '../middleware/privacyLogger'
import { requestSizeLimit } from '../middleware/requestSizeLimit'
import { accountRoutes } from './auth/accountRoutes'
import { adminHeaders } from './shared/adminHeaders'
import type { AdminDeps, AdminEnv } from './shared/adminEnv'
import { consoleMessagePage } from './shared/ConsoleMessagePage'
import { csrfGuard } from './auth/csrfGuard'
import { curatorSession } from './auth/curatorSession'
import { dashboardRoutes } from './dashboard/dashboardRoutes'
import { figuresRoutes } from './figures/figuresRoutes'
import { importRoutes } from './import/importRoutes'
import { loginRoutes } from './auth/loginRoutes'
import { partnerRoutes } from './partners/partnerRoutes'
import { recordFormRoutes } from './records/recordFormRoutes'
import { recordListRoutes } from './records/recordListRoutes'
import { sameOriginOnly } from './auth/sameOriginOnly'
import { HttpError } from '../app/httpError'

/** An import file of a few thousand records fits well within this. */
const MAX_BODY = 5 * 1024 * 1024

/**
 * The curator console under /admin (Node only). Its own headers, logger, session and CSRF checks;
 * the public app never sees these requests and this app never sees the public ones (createNodeApp
 * dispatches by path), so the public side still sets no cookie at all.
 * @example root.all('/admin/*', (c) => createAdminApp(deps).fetch(c.req.raw))
 */
export function createAdminApp(deps: AdminDeps) {
  const app = new Hono<AdminEnv>().basePath('/admin')
  app.use(privacyLogger(deps.log))
  app.use(adminHeaders())
  app.use(
    requestSizeLimit(MAX_BODY, () => {
      throw new HttpError(413, 'admin.too_large')
    }),
  )
  app.use(sameOriginOnly())
  app.use(curatorSession(deps))
  app.use(csrfGuard())

  app.get('/', (c) => c.redirect('/admin/records', 303))
  app.route('/', loginRoutes(deps))
  app.route('/records', recordFormRoutes(deps))
  app.route('/records', recordListRoutes(deps))
  app.route('/', importRoutes(deps))
  app.route('/', dashboardRoutes(deps))
  app.route('/', figuresRoutes(deps))
  app.route('/partners', partnerRoutes(deps))
  app.route('/', accountRoutes(deps))
  app.notFound((c) => consoleMessagePage(c, 'Not found', 'There is no console page at this address.', 404))

  app.onError((error, c) => {
    if (error instanceof HttpError && error.status === 403) {
      return consoleMessagePage(
        c,
        'Form refused',
        'This form could not be accepted: it has expired, or it did not come from this console. Nothing was changed. Go back, reload the page and try again.',
        403,
      )
    }
    if (error instanceof HttpError && error.status === 413) {
      return consoleMessagePage(
        c,
        'Too large',
        `That was larger than ${MAX_BODY / 1024 / 1024} MB. Nothing was changed. Split the file and try again.`,
        413,
      )
    }
    // No stack trace and no request details: the logger already recorded route and status.
    return consoleMessagePage(
      c,
      'Something went wrong',
      'An unexpected error stopped this request. Each change is saved in one step, so a record is either fully changed or not at all: open its history to see which.',
      500,
    )
  })
  return app
}
