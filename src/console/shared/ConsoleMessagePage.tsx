import type { Context } from 'hono'
import { AdminLayout } from './AdminLayout'
import type { AdminEnv } from './adminEnv'
import { renderHtml } from '../../channels/web/renderHtml'

/** A console page that only says something (an error, a refusal, with its problems if any) and offers the way on. */
export function consoleMessagePage(
  c: Context<AdminEnv>,
  title: string,
  text: string,
  status: 400 | 403 | 404 | 413 | 422 | 500,
  problems: readonly string[] = [],
) {
  const curator = c.get('curator')
  return c.html(
    renderHtml(
      <AdminLayout title={title} nonce={c.get('nonce')} curator={curator} csrf={c.get('csrf')}>
        <h1>{title}</h1>
        <p class="error" role="alert">
          {text}
        </p>
        {problems.length > 0 && (
          <ul>
            {problems.map((problem) => (
              <li>{problem}</li>
            ))}
          </ul>
        )}
        <p>{curator ? <a href="/admin/records">Go to the records</a> : <a href="/admin/login">Go to the login page</a>}</p>
      </AdminLayout>,
    ),
    status,
  )
}
