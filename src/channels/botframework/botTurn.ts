import { BOT_SOURCE } from '../../core/figures/counterKeys'
import { runTurn } from '../shared/runTurn'
import type { TurnView } from '../shared/buildTurnView'
import type { TurnDeps } from '../shared/turnDeps'
import { applyPrefill } from './applyPrefill'
import type { Welcome } from './botGreeting'
import { BotValueSchema, type Prefill } from './botValue'
import { startFromText } from './startFromText'

/** What arrived in one message: a button's value, typed words, and the channel's locale. */
export interface BotInput {
  value: unknown
  text: string | undefined
  locale: string | undefined
}

/** The turn to show, any typed name still waiting for its question (it rides in the buttons), and whether to greet first. */
export interface BotTurn {
  view: TurnView
  prefill: Prefill | undefined
  /** Set when the turn starts a conversation: the greeting goes before it. */
  welcome: Welcome | undefined
}

/**
 * One bot turn. A button's value carries the sealed state; typed text beside it is the answer.
 * Anything without the bot's state starts a new conversation (see startFromText). Never throws.
 * @example (await botTurn(deps, { value: undefined, text: 'Deutschland', locale: 'de-DE' })).prefill // { country: 'DE' }
 */
export async function botTurn(deps: TurnDeps, input: BotInput): Promise<BotTurn> {
  const typed = input.text?.trim().slice(0, 200) || undefined
  const clicked = BotValueSchema.safeParse(input.value)
  // A value that is not the bot's (an old card, another bot's) means a conversation was under way.
  const lostState = !clicked.success && input.value !== undefined && input.value !== null
  if (!clicked.success) {
    if (typed) return startFromText(deps, typed, input.locale, lostState)
    const view = await runTurn(deps, {
      source: BOT_SOURCE,
      token: undefined,
      action: 'start',
      reply: [],
      ui: input.locale,
      urgentCountry: undefined,
      regionHint: input.locale,
    })
    return { view, prefill: undefined, welcome: lostState ? 'restarted' : 'new' }
  }
  const { state, action, reply, urgentReason, urgentCountry, prefill } = clicked.data
  // Typed words answer only an open question (a value with no reply of its own); a click's text is its label.
  const answer = reply.length > 0 ? reply : action === 'answer' && typed ? [typed] : []
  const view = await runTurn(deps, {
    source: BOT_SOURCE,
    token: state,
    action,
    reply: answer,
    ui: input.locale,
    urgentCountry,
    urgentReason,
    regionHint: input.locale,
  })
  // "Start again" forgets names typed earlier too.
  return { ...(await applyPrefill(deps, view, action === 'restart' ? undefined : prefill, input.locale)), welcome: undefined }
}
