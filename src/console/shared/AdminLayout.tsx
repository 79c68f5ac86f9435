import { raw } from 'hono/html'
import { escapeHtml, rawElement } from '../../channels/web/rawElement'
import type { Child } from 'hono/jsx'
import type { CuratorAccount } from '../auth/curatorAccount'
import { adminStyles } from './adminStyles'

/** Where each console section lives; `admin` sections are shown to admins only. */
const SECTIONS = [
  { href: '/admin/records', label: 'Records' },
  { href: '/admin/dashboard', label: 'Staleness' },
  { href: '/admin/figures', label: 'Figures' },
  { href: '/admin/import', label: 'Import and export' },
  { href: '/admin/partners', label: 'Partners', admin: true },
  { href: '/admin/account', label: 'Your account' },
] as const

/**
 * Every console page: a bar with the sections, who is logged in and a logout button (a POST with
 * the CSRF token, so another site cannot log a curator out either). English only: curators are staff.
 */
export function AdminLayout(props: {
  title: string
  nonce: string
  section?: string
  curator?: CuratorAccount
  csrf?: string
  children: Child
}) {
  const { curator, csrf } = props
  // Without a doctype browsers render in quirks mode; every console page starts with it.
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="en" dir="ltr">
        {raw(
          [
            '<head>',
            rawElement('meta', { charset: 'utf-8' }),
            rawElement('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
            rawElement('meta', { name: 'robots', content: 'noindex, nofollow' }),
            rawElement('title', {}, escapeHtml(`${props.title} · Helpfinder curator console`)),
            rawElement('style', { nonce: props.nonce }, adminStyles),
            '</head>',
          ].join(''),
        )}
        <body>
          <a class="skip" href="#main">
            Skip to content
          </a>
          <header class="bar">
            <a class="brand" href="/admin/records">
              Helpfinder · curators
            </a>
            {curator && (
              <nav aria-label="Console">
                {SECTIONS.filter((section) => !('admin' in section) || curator.role === 'admin').map((section) => (
                  <a href={section.href} aria-current={props.section === section.href ? 'page' : undefined}>
                    {section.label}
                  </a>
                ))}
              </nav>
            )}
            {curator && csrf && (
              <div class="who">
                <span>
                  {curator.displayName} (
                  {curator.role === 'admin' ? 'admin' : `editor: ${[curator.organisation, curator.country].filter(Boolean).join(', ')}`})
                </span>
                <form method="post" action="/admin/logout" class="inline">
                  <input type="hidden" name="csrf" value={csrf} />
                  <button type="submit">Log out</button>
                </form>
              </div>
            )}
          </header>
          <main id="main">{props.children}</main>
        </body>
      </html>
    </>
  )
}
