import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { AdminLayout } from './AdminLayout'
import type { AdminEnv } from './adminEnv'
import { renderHtml } from '../../channels/web/renderHtml'

/**
 * A page of one console section for the logged-in curator: the layout, with the section marked, their account and
 * the CSRF token of its logout button, around `body`.
 * @example return consolePage(c, { title: 'Partners', section: '/admin/partners' }, <PartnerList partners={partners} />)
 */
export function consolePage(c: Context<AdminEnv>, page: { title: string; section: string }, body: Child, status?: ContentfulStatusCode) {
  return c.html(
    renderHtml(
      <AdminLayout title={page.title} nonce={c.get('nonce')} section={page.section} curator={c.get('curator')} csrf={c.get('csrf')}>
        {body}
      </AdminLayout>,
    ),
    status,
  )
}
