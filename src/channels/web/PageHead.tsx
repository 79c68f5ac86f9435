import { raw } from 'hono/html'
import { escapeHtml, rawElement } from './rawElement'

/**
 * The `<head>` every page shares: no referrer, not indexed, its one stylesheet under the CSP nonce,
 * and `end` (e.g. a page's own async script) last. Written with rawElement (see renderHtml).
 */
export function PageHead(props: { title: string; nonce: string; css: string; end?: string }) {
  return raw(
    [
      '<head>',
      rawElement('meta', { charset: 'utf-8' }),
      rawElement('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      rawElement('meta', { name: 'referrer', content: 'no-referrer' }),
      rawElement('meta', { name: 'robots', content: 'noindex' }),
      rawElement('title', {}, escapeHtml(props.title)),
      rawElement('style', { nonce: props.nonce }, props.css),
      props.end ?? '',
      '</head>',
    ].join(''),
  )
}
