import { raw } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Text safe inside an attribute value or an element, escaped as hono/jsx escapes it. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character)
}

/**
 * One element written out as hono/jsx writes it (`<meta …/>` when `content` is absent, `name=""`
 * for a true attribute, absent ones left out), for the tags hono/jsx treats specially (head, meta,
 * title, style, script): those render their children through AsyncLocalStorage, which on Node 20
 * switches on promise hooks for every later promise of the process (see renderHtml). `content` is
 * put in as it is: pass escapeHtml(text) for text.
 * @example rawElement('script', { nonce }, exitScript)
 */
export function rawElement(tag: string, attributes: Record<string, string | true | undefined>, content?: string): HtmlEscapedString {
  let open = `<${tag}`
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined) continue
    open += ` ${name}="${value === true ? '' : escapeHtml(value)}"`
  }
  return raw(content === undefined ? `${open}/>` : `${open}>${content}</${tag}>`)
}
