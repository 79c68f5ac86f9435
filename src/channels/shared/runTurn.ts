import type { TurnView } from './buildTurnView'
import type { TurnDeps } from './turnDeps'
import { turnOutcome } from './turnOutcome'
import type { TurnRequest } from './turnRequest'

/**
 * One turn for any channel, as a view in words (see turnOutcome: open, advance, match, seal,
 * describe; remembered when it is codes only). Never throws for bad input.
 * @example const view = await runTurn(deps, { token, action: 'answer', reply: ['self'], ui: 'en', urgentCountry: undefined })
 */
export async function runTurn(deps: TurnDeps, request: TurnRequest): Promise<TurnView> {
  return (await turnOutcome(deps, request)).view
}
