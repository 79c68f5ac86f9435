import { raw } from 'hono/html'
import type { IndexableHead } from './landingHead'
import { faviconSvg } from './faviconSvg'
import { escapeHtml, rawElement } from './rawElement'

/**
 * The `<head>` every page shares: no referrer, its one stylesheet under the CSP nonce, and `end`
 * (e.g. a page's own async script) last. Not indexed unless `indexable` is given: only the landing
 * pages are (issue 23); every step after them is a POST response personal to a moment. Written with
 * rawElement (see renderHtml).
 */
export function PageHead(props: { title: string; nonce: string; css: string; end?: string; indexable?: IndexableHead }) {
  return raw(
    [
      '<head>',
      rawElement('meta', { charset: 'utf-8' }),
      rawElement('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      rawElement('meta', { name: 'referrer', content: 'no-referrer' }),
      ...(props.indexable ? searchTags(props.indexable) : [rawElement('meta', { name: 'robots', content: 'noindex' })]),
      rawElement('title', {}, escapeHtml(props.title)),
      rawElement('link', { rel: 'icon', href: faviconSvg.path, type: 'image/svg+xml' }),
      rawElement('style', { nonce: props.nonce }, props.css),
      props.end ?? '',
      '</head>',
    ].join(''),
  )
}

function searchTags(head: IndexableHead): string[] {
  return [
    rawElement('meta', { name: 'description', content: head.description }),
    rawElement('link', { rel: 'canonical', href: head.canonical }),
    ...head.alternates.map((alternate) => rawElement('link', { rel: 'alternate', hreflang: alternate.hreflang, href: alternate.href })),
  ]
}
