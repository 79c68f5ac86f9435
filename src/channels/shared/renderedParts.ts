/**
 * Stand-ins rendered where the sealed state and the CSP nonce go, so a page or a JSON body can be
 * rendered once and served many times with the real values put in last. Letters and digits only:
 * HTML, JSON and URL escaping leave them as they are, and no locale, record or code contains them.
 */
export const TOKEN_SLOT = 'hfslotTOKENx7Qz3'
export const NONCE_SLOT = 'hfslotNONCEx7Qz3'

/** A rendering split at its stand-ins: text, then a slot name, then text, and so on (always odd in length). */
export type RenderedParts = readonly string[]

const SLOTS = new RegExp(`(${TOKEN_SLOT}|${NONCE_SLOT})`)

/**
 * @example fillParts(toParts(`<a href="?s=${TOKEN_SLOT}">`), { token: 'k1.abc', nonce: 'n' }) // '<a href="?s=k1.abc">'
 */
export function toParts(rendered: string): RenderedParts {
  return rendered.split(SLOTS)
}

/** The rendering with the real token and nonce in place of their stand-ins. */
export function fillParts(parts: RenderedParts, values: { token: string; nonce?: string }): string {
  let text = parts[0] ?? ''
  for (let i = 1; i < parts.length; i += 2) {
    text += (parts[i] === TOKEN_SLOT ? values.token : (values.nonce ?? '')) + (parts[i + 1] ?? '')
  }
  return text
}
