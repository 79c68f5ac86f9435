import { Hono, type Context } from 'hono'
import type { AdminEnv } from '../console/shared/adminEnv'
import { adminHeaders } from '../console/shared/adminHeaders'
import { AdminLayout } from '../console/shared/AdminLayout'
import { privacyLogger, type LogSink } from '../middleware/privacyLogger'
import { renderHtml } from '../channels/web/renderHtml'

/**
 * What /admin answers while the database cannot be read: a calm 503 page with the console's own
 * headers. It says nothing about the file (the operator's log does): anyone can reach /admin.
 * @example root.all('/admin/*', (c) => consoleUnavailable(log).fetch(c.req.raw))
 */
export function consoleUnavailable(log: LogSink) {
  const app = new Hono<AdminEnv>()
  app.use(privacyLogger(log))
  app.use(adminHeaders())
  const page = (c: Context<AdminEnv>) => {
    c.header('Retry-After', '30')
    return c.html(
      renderHtml(
        <AdminLayout title="Console unavailable" nonce={c.get('nonce')}>
          <h1>The console is unavailable</h1>
          <p role="status">The curator console is off while its database cannot be read. The public service keeps running.</p>
          <p>
            The server's log says what is wrong. The console comes back by itself once the database can be read again: try this page again
            in a minute.
          </p>
        </AdminLayout>,
      ),
      503,
    )
  }
  app.all('/admin', page)
  app.all('/admin/*', page)
  return app
}
