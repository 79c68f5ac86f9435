import type { Child } from 'hono/jsx'
import { raw, resolveCallbackSync, type HtmlEscapedCallback, type StringBufferWithCallbacks } from 'hono/utils/html'

/**
 * An element rendered to HTML without hono/jsx's `toString()`. That path runs every render inside an
 * AsyncLocalStorage (so do its <head>, <meta>, <title>, <style>, <script> and context providers), and
 * on Node 20 the first `run()` switches on promise hooks for the rest of the process: every promise of
 * every later request pays for them (measured: about 10% of a turn's CPU). Our components are
 * synchronous; the special tags are written with rawElement and the forms' target with
 * FormTargetScope, so nothing here reaches AsyncLocalStorage (tests/renderHtml.test.ts checks it).
 * An element that would need the asynchronous path (a Promise) is refused instead of rendered half.
 * @example return c.html(renderHtml(<TurnPage view={view} nonce={nonce} t={t} />))
 */
export function renderHtml(element: Child): string {
  if (
    typeof element !== 'object' ||
    element === null ||
    !('toStringToBuffer' in element) ||
    typeof element.toStringToBuffer !== 'function'
  ) {
    throw new TypeError('renderHtml takes a hono/jsx element')
  }
  const callbacks: HtmlEscapedCallback[] = []
  const buffer: StringBufferWithCallbacks = Object.assign([''], { callbacks })
  element.toStringToBuffer(buffer)
  const [html] = buffer
  if (buffer.length !== 1 || typeof html !== 'string') throw new TypeError('renderHtml renders synchronous components only')
  // Synchronous callbacks, should a component use one, run as toString() runs them.
  return buffer.callbacks.length > 0 ? String(resolveCallbackSync(raw(html, buffer.callbacks))) : html
}
