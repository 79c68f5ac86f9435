import { advance, type TurnInput } from '../../core/flow/advance'
import type { ConversationState } from '../../core/flow/conversationState'
import { detectUrgentWords } from '../../core/crisis/detectUrgentWords'
import { featureFirst } from '../../core/matching/featureFirst'
import { match } from '../../core/matching/match'
import { profileFromAnswers } from '../../core/matching/profileFromAnswers'
import { openState } from '../../core/state/openState'
import { sealState } from '../../core/state/sealState'
import { buildTurnView, type TurnView } from './buildTurnView'
import { regionFromAcceptLanguage } from './regionFromAcceptLanguage'
import type { TurnDeps } from './turnDeps'
import type { TurnRequest } from './turnRequest'

/**
 * One turn for any channel: open the sealed state, advance, match at the end, seal, describe.
 * Never throws for bad input: a broken token gives a kind notice and a fresh start.
 * @example const view = await runTurn(deps, { token, action: 'answer', reply: ['self'], ui: 'en', urgentCountry: undefined })
 */
export async function runTurn(deps: TurnDeps, request: TurnRequest): Promise<TurnView> {
  const translator = deps.translator
  const opened = request.token ? await openState(request.token, deps.keyring, deps.now(), deps.flow) : undefined
  const tokenNotice = opened && !opened.ok ? (opened.error === 'expired' ? 'error.expired' : 'error.invalid_state') : undefined
  const fresh: ConversationState = { f: deps.flow.id, v: deps.flow.version, ui: translator.pick(request.ui), a: [] }
  const state = opened?.ok ? opened.value : fresh
  const ui = request.action === 'language' || !opened?.ok ? translator.pick(request.ui ?? state.ui) : translator.pick(state.ui)
  const t = translator.t(ui)
  const context = { countries: deps.countries, languages: deps.languages, labelOf: (key: string) => t(key) }
  const input: TurnInput = toInput(request)
  const outcome = advance(deps.flow, { ...state, ui }, tokenNotice ? { type: 'show' } : input, context)
  const index = await deps.directory()
  // Storage down or slow: the built-in copy answers, and the person is told in neutral words.
  const notice = tokenNotice ?? (deps.isBuiltInCopy(index) ? 'error.directory_fallback' : undefined)
  const profile = profileFromAnswers(deps.flow, outcome.state.a)
  const matched = outcome.step.node.outcome === 'results' ? match(index, profile) : undefined
  const results = matched && request.featured ? featureFirst(matched, request.featured.ids) : matched
  const presetCountry = request.presets?.country ? deps.countries.find(request.presets.country) : undefined
  const urgentCountry =
    (request.urgentCountry && deps.countries.find(request.urgentCountry)) || profile.country || presetCountry || regionFromAcceptLanguage(request.regionHint, index.countries)
  // Typed words never silence safety: urgent phrases add the urgent panel, whatever else happens.
  const typedReason = request.action === 'answer' ? detectUrgentWords(deps.crisis, request.reply) : undefined
  const showUrgent = request.action === 'urgent' || outcome.step.node.outcome === 'urgent'
  return buildTurnView({
    deps,
    index,
    ui,
    token: await sealState(outcome.state, deps.keyring, deps.now(), deps.flow),
    step: outcome.step,
    error: outcome.error?.key,
    rejectedReply: outcome.error && request.action === 'answer' ? request.reply : undefined,
    notice,
    results,
    profile,
    urgentCountry,
    urgentReason: request.urgentReason ?? typedReason ?? (outcome.step.node.outcome === 'urgent' ? 'child_danger' : undefined),
    showUrgent,
    urgentSuggested: typedReason !== undefined && !showUrgent,
    presets: { country: presetCountry, language: request.presets?.language ? deps.languages.find(request.presets.language) : undefined },
    featured: request.featured,
  })
}

function toInput(request: TurnRequest): TurnInput {
  if (request.action === 'answer') return { type: 'answer', reply: request.reply }
  if (request.action === 'back' || request.action === 'restart') return { type: request.action }
  return { type: 'show' }
}
