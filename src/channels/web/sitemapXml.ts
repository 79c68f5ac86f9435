import { uiLanguages } from '../../i18n/resources'
import { escapeHtml } from './rawElement'
import { landingAlternates } from './landingHead'
import { landingPath } from './landingPath'

/**
 * sitemap.xml: the landing page in every interface language, each with its alternates in all of
 * them and `x-default` (`/`). The protocol wants absolute addresses: with PUBLIC_ORIGIN they are;
 * without it they are paths, which the file says in a comment (the README says to configure it).
 * @example sitemapXml('https://help.example.org') // '<?xml …<loc>https://help.example.org/en/</loc>…'
 */
export function sitemapXml(publicOrigin: string | undefined): string {
  const origin = publicOrigin ?? ''
  const alternates = landingAlternates(publicOrigin)
    .map((alternate) => link(alternate.hreflang, alternate.href))
    .join('')
  const urls = uiLanguages.map((language) => `<url><loc>${escapeHtml(`${origin}${landingPath(language)}`)}</loc>${alternates}</url>`)
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    ...(publicOrigin ? [] : ['<!-- PUBLIC_ORIGIN is not set: these addresses are paths, and search engines need absolute ones. -->']),
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n')
}

function link(hreflang: string, href: string): string {
  return `<xhtml:link rel="alternate" hreflang="${hreflang}" href="${escapeHtml(href)}"/>`
}
