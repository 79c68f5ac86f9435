import { raw } from 'hono/html'
import { escapeHtml } from './rawElement'

/** An entry of a <select>: value, visible text, and whether it starts selected. */
export interface SelectEntry {
  value: string
  label: string
  selected: boolean
}

// Country lists run to ~100 options and are the same on every page for a language; as JSX they
// cost about a microsecond per element per page, so the markup is built once and reused.
const cache = new Map<string, string>()
const CACHE_LIMIT = 2_000

/**
 * The <option> tags for a list, escaped, as one raw string; identical lists render once.
 * @example <select name="urgent_country">{optionTags(entries)}</select>
 */
export function optionTags(entries: readonly SelectEntry[]) {
  const key = entries.map((entry) => `${entry.value}\u0001${entry.label}\u0001${entry.selected ? 1 : 0}`).join('\u0002')
  let markup = cache.get(key)
  if (markup === undefined) {
    markup = entries
      .map(
        (entry) => `<option value="${escapeHtml(entry.value)}"${entry.selected ? ' selected=""' : ''}>${escapeHtml(entry.label)}</option>`,
      )
      .join('')
    if (cache.size >= CACHE_LIMIT) cache.clear()
    cache.set(key, markup)
  }
  return raw(markup)
}
