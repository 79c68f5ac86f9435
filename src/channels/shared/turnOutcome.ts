import { advance, type TurnInput } from '../../core/flow/advance'
import type { ConversationState } from '../../core/flow/conversationState'
import { detectUrgentWords } from '../../core/crisis/detectUrgentWords'
import { featureFirst } from '../../core/matching/featureFirst'
import { match } from '../../core/matching/match'
import { profileFromAnswers } from '../../core/matching/profileFromAnswers'
import { openState } from '../../core/state/openState'
import { sealState } from '../../core/state/sealState'
import { resultsTier } from '../../core/figures/resultsTier'
import type { TurnFacts } from '../../core/figures/turnFigureEvents'
import { buildTurnView, type TurnView } from './buildTurnView'
import { countTurn } from './countTurn'
import type { MemoEntry } from './createTurnMemo'
import { regionFromAcceptLanguage } from './regionFromAcceptLanguage'
import { TOKEN_SLOT, type RenderedParts } from './renderedParts'
import type { TurnDeps } from './turnDeps'
import { turnMemoKey } from './turnMemoKey'
import type { TurnRequest } from './turnRequest'

/** A turn's view, and where channels keep their renderings of it when the turn is remembered. */
export interface TurnOutcome {
  view: TurnView
  /** Per format ('json', 'html', …), the rendering with stand-ins for token and nonce; undefined when the turn is not remembered. */
  rendered: Map<string, RenderedParts> | undefined
}

const DAY_MS = 86_400_000

/**
 * One turn for any channel: open the sealed state, advance, match at the end, seal, describe.
 * A turn of codes only is remembered (deps.memo): the next person with the same answers gets the
 * same view without it being worked out again; only the seal is new. Never throws for bad input:
 * a broken token gives a kind notice and a fresh start.
 * @example const { view } = await turnOutcome(deps, { token, action: 'answer', reply: ['self'], ui: 'en', urgentCountry: undefined })
 */
export async function turnOutcome(deps: TurnDeps, request: TurnRequest): Promise<TurnOutcome> {
  const translator = deps.translator
  const now = deps.now()
  const opened = request.token ? await openState(request.token, deps.keyring, now, deps.flow) : undefined
  const tokenNotice = opened && !opened.ok ? (opened.error === 'expired' ? 'error.expired' : 'error.invalid_state') : undefined
  const fresh: ConversationState = { f: deps.flow.id, v: deps.flow.version, ui: translator.pick(request.ui), a: [] }
  const state = opened?.ok ? opened.value : fresh
  const ui = request.action === 'language' || !opened?.ok ? translator.pick(request.ui ?? state.ui) : translator.pick(state.ui)
  const index = await deps.directory()
  const presetCountry = request.presets?.country ? deps.countries.find(request.presets.country) : undefined
  const presetLanguage = request.presets?.language ? deps.languages.find(request.presets.language) : undefined
  const askedUrgentCountry = request.urgentCountry ? deps.countries.find(request.urgentCountry) : undefined
  const regionCountry = regionFromAcceptLanguage(request.regionHint, index.countries)
  const key = deps.memo
    ? turnMemoKey({
        flow: deps.flow,
        index,
        tokenNotice,
        state,
        ui,
        action: request.action,
        reply: request.reply,
        urgentCountry: askedUrgentCountry,
        presetCountry,
        presetLanguage,
        regionCountry,
        urgentReason: request.urgentReason,
        featured: request.featured,
        day: Math.floor(now / DAY_MS),
      })
    : undefined
  // What the figures need from the state before this turn: codes and a depth, never the token.
  const before = { fresh: !opened?.ok, action: request.action, counted: opened?.ok ? (state.h ?? state.a.length) : 0 }
  const remembered = key ? deps.memo?.get(index, key) : undefined
  if (remembered) return sealed(deps, request, remembered, { ...before, ...remembered.facts, depth: remembered.state.a.length }, now)

  const t = translator.t(ui)
  const context = { countries: deps.countries, languages: deps.languages, labelOf: (label: string) => t(label), language: ui }
  const input: TurnInput = toInput(request)
  const outcome = advance(deps.flow, { ...state, ui }, tokenNotice ? { type: 'show' } : input, context)
  // Storage down or slow: the built-in copy answers, and the person is told in neutral words.
  const notice = tokenNotice ?? (deps.isBuiltInCopy(index) ? 'error.directory_fallback' : undefined)
  const profile = profileFromAnswers(deps.flow, outcome.state.a)
  const matched = outcome.step.node.outcome === 'results' ? match(index, profile) : undefined
  const results = matched && request.featured ? featureFirst(matched, request.featured.ids) : matched
  const urgentCountry = askedUrgentCountry || profile.country || presetCountry || regionCountry
  // Typed words never silence safety: urgent phrases add the urgent panel, whatever else happens.
  const typedReason = request.action === 'answer' ? detectUrgentWords(deps.crisis, request.reply) : undefined
  const showUrgent = request.action === 'urgent' || outcome.step.node.outcome === 'urgent'
  // A remembered view holds a stand-in for the token: the seal is per person, the words are not.
  const remember = key !== undefined && outcome.error === undefined
  const stepFacts = { node: outcome.step.nodeId, outcome: outcome.step.node.outcome, tier: matched ? resultsTier(matched) : undefined }
  const facts: TurnFacts = { ...before, ...stepFacts, depth: outcome.state.a.length }
  const view = buildTurnView({
    deps,
    index,
    ui,
    token: remember ? TOKEN_SLOT : await sealState(counting(deps, request, facts, outcome.state, now), deps.keyring, now, deps.flow),
    step: outcome.step,
    error: outcome.error?.key,
    suggestions: outcome.error?.suggestions,
    rejectedReply: outcome.error && request.action === 'answer' ? request.reply : undefined,
    notice,
    results,
    profile,
    urgentCountry,
    urgentReason: request.urgentReason ?? typedReason ?? (outcome.step.node.outcome === 'urgent' ? 'child_danger' : undefined),
    showUrgent,
    urgentSuggested: typedReason !== undefined && !showUrgent,
    presets: { country: presetCountry, language: presetLanguage },
    featured: request.featured,
  })
  if (!remember || !deps.memo) return { view, rendered: undefined }
  const entry: MemoEntry = { state: outcome.state, view: deepFreeze(view), rendered: new Map(), facts: stepFacts }
  deps.memo.set(index, key, entry)
  return sealed(deps, request, entry, facts, now)
}

async function sealed(deps: TurnDeps, request: TurnRequest, entry: MemoEntry, facts: TurnFacts, now: number): Promise<TurnOutcome> {
  const token = await sealState(counting(deps, request, facts, entry.state, now), deps.keyring, now, deps.flow)
  return { view: { ...entry.view, state: token }, rendered: entry.rendered }
}

/** The state to seal, with the depth the figures have counted: remembered turns are shared, this part is the person's. */
function counting(deps: TurnDeps, request: TurnRequest, facts: TurnFacts, state: ConversationState, now: number): ConversationState {
  const { h: _previous, ...rest } = state
  const counted = countTurn(deps.figures, deps.flow, request.source, facts, state, now)
  return counted > 0 ? { ...rest, h: counted } : rest
}

function toInput(request: TurnRequest): TurnInput {
  if (request.action === 'answer') return { type: 'answer', reply: request.reply }
  if (request.action === 'back' || request.action === 'restart') return { type: request.action }
  return { type: 'show' }
}

/** Shared between everyone who gets this turn: frozen, so no channel can change it for the next person. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const inner of Object.values(value)) deepFreeze(inner)
  }
  return value
}
