import { raw } from 'hono/html'
import type { Child } from 'hono/jsx'
import { renderHtml } from './renderHtml'

/** Where a page's forms post, and the fields every one of them carries (the widget's settings). */
export interface FormTarget {
  action: string
  hidden: readonly (readonly [string, string])[]
}

/** The web channel posts to /turn. */
const WEB_TARGET: FormTarget = { action: '/turn', hidden: [] }

/** The scopes being rendered, innermost last. Rendering is synchronous, so no two pages interleave here. */
const scopes: FormTarget[] = []

/**
 * The form target of everything inside: the widget panel's forms post to /widget/turn with its
 * settings. A synchronous scope instead of hono/jsx's createContext, whose Provider renders its
 * children through AsyncLocalStorage (see renderHtml).
 * @example <FormTargetScope value={{ action: '/widget/turn', hidden: fields }}>…</FormTargetScope>
 */
export function FormTargetScope(props: { value: FormTarget; children?: Child }) {
  scopes.push(props.value)
  try {
    return raw(renderHtml(props.children))
  } finally {
    scopes.pop()
  }
}

/** The target of the scope being rendered, or the web channel's. */
export function currentFormTarget(): FormTarget {
  return scopes.at(-1) ?? WEB_TARGET
}
