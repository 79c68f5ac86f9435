import { NONCE_SLOT, TOKEN_SLOT, fillParts, toParts } from './renderedParts'
import type { TurnView } from './buildTurnView'
import type { TurnOutcome } from './turnOutcome'

/**
 * A channel's rendering of a turn, rendered once per remembered turn: the first time with stand-ins
 * for the token and the nonce (kept, split at them), every time after by putting the real values
 * into the kept parts. A turn that is not remembered is rendered as it is. `format` names what the
 * rendering depends on besides the view (the view already says the language).
 * @example const html = await renderOnce(outcome, 'html', (view, nonce) => page(view, nonce), c.get('nonce'))
 */
export async function renderOnce(
  outcome: TurnOutcome,
  format: string,
  render: (view: TurnView, nonce: string) => string | Promise<string>,
  nonce = '',
): Promise<string> {
  const { view, rendered } = outcome
  if (!rendered) return render(view, nonce)
  let parts = rendered.get(format)
  if (!parts) {
    parts = toParts(await render({ ...view, state: TOKEN_SLOT }, NONCE_SLOT))
    rendered.set(format, parts)
  }
  return fillParts(parts, { token: view.state, nonce })
}
