import { displayNames } from '../shared/displayNames'
import { runTurn } from '../shared/runTurn'
import type { TurnView } from '../shared/buildTurnView'
import type { TurnDeps } from '../shared/turnDeps'
import { BotValueSchema, type Prefill } from './botValue'

/** What arrived in one message: a button's value, typed words, and the channel's locale. */
export interface BotInput {
  value: unknown
  text: string | undefined
  locale: string | undefined
}

/** The turn to show, and any typed answer still waiting for its question (it rides in the buttons). */
export interface BotTurn {
  view: TurnView
  prefill: Prefill | undefined
}

/**
 * One bot turn. A button's value carries the sealed state; typed text beside it is the answer.
 * Typed text alone starts a new conversation: it answers the first question if it can, and a
 * country or language name is kept (in the buttons) for when its question comes. Never throws.
 * @example (await botTurn(deps, { value: undefined, text: 'Deutschland', locale: 'de-DE' })).prefill // { country: 'DE' }
 */
export async function botTurn(deps: TurnDeps, input: BotInput): Promise<BotTurn> {
  const base = { ui: input.locale, urgentCountry: undefined, regionHint: input.locale }
  const typed = input.text?.trim().slice(0, 200) || undefined
  const clicked = BotValueSchema.safeParse(input.value)
  if (clicked.success) {
    const { state, action, reply, urgentReason, urgentCountry, prefill } = clicked.data
    // Typed words answer only an open question (a value with no reply of its own); a click's text is its label.
    const answer = reply.length > 0 ? reply : action === 'answer' && typed ? [typed] : []
    const view = await runTurn(deps, { ...base, token: state, action, reply: answer, urgentReason, urgentCountry })
    return applyPrefill(deps, view, prefill, input.locale)
  }
  if (!typed) return { view: await runTurn(deps, { ...base, token: undefined, action: 'start', reply: [] }), prefill: undefined }
  const view = await runTurn(deps, { ...base, token: undefined, action: 'answer', reply: [typed] })
  if (!view.error) return { view, prefill: undefined }
  const prefill = { country: deps.countries.find(typed), language: deps.languages.find(typed) }
  if (!prefill.country && !prefill.language) return { view, prefill: undefined }
  // Say what was kept, so asking the first question again does not look like the name was lost.
  const names = displayNames(view.ui)
  const noted = [prefill.country && names.country(prefill.country), prefill.language && names.language(prefill.language)].filter(Boolean).join(', ')
  const notice = deps.translator.t(view.ui)('bot.noted', { noted })
  return { view: { ...view, error: undefined, notice, step: { ...view.step, typed: undefined } }, prefill }
}

/** Answers the country or language question from an earlier typed name, as soon as it is asked. */
async function applyPrefill(deps: TurnDeps, first: TurnView, prefill: Prefill | undefined, locale: string | undefined): Promise<BotTurn> {
  let view = first
  let waiting = prefill
  for (let round = 0; round < 2 && waiting; round++) {
    const parser = view.step.parser
    const code = parser === 'country' ? waiting.country : parser === 'language' ? waiting.language : undefined
    if (!code || parser === undefined || parser === 'choice' || parser === 'multi') break
    const next = await runTurn(deps, { token: view.state, action: 'answer', reply: [code], ui: locale, urgentCountry: undefined, regionHint: locale })
    if (next.error) break
    view = { ...next, notice: next.notice ?? view.notice }
    waiting = { ...waiting, [parser]: undefined }
  }
  return { view, prefill: waiting && (waiting.country || waiting.language) ? waiting : undefined }
}
