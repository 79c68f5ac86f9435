import type { UrgentReason } from '../../core/crisis/urgentReason'
import type { DirectoryIndex } from '../../core/directory/indexDirectory'
import type { Step } from '../../core/flow/step'
import type { MatchResult } from '../../core/matching/match'
import type { Profile } from '../../core/matching/profileFromAnswers'
import { uiLanguages, type UiLanguage } from '../../i18n/resources'
import { displayNames } from './displayNames'
import { namedCodes } from './namedCodes'
import { resultsView, type ResultsView } from './resultsView'
import type { TurnDeps } from './turnDeps'
import { urgentView, type UrgentView } from './urgentView'

/** A choice as shown: id, label, and whether it is preselected. */
export interface OptionView {
  id: string
  label: string
  selected: boolean
}

/** The question (or end) a person is at, in words. */
export interface StepView {
  nodeId: string
  /** This question's place and the questions on the path so far: "Question 3 of 6". */
  number: number
  total: number
  outcome: 'results' | 'urgent' | undefined
  prompt: string
  hint: string | undefined
  parser: 'choice' | 'multi' | 'country' | 'language' | undefined
  options: OptionView[]
  canGoBack: boolean
  /** What the person typed when it was not understood, so they can correct it instead of retyping. */
  typed: string | undefined
  /** For a country or language name not understood: the closest ones ("did you mean"), best first; else empty. */
  suggestions: { id: string; label: string }[]
}

/** Everything any channel needs to render one turn; the JSON API returns it as it is. */
export interface TurnView {
  ui: UiLanguage
  dir: 'ltr' | 'rtl'
  state: string
  notice: string | undefined
  error: string | undefined
  step: StepView
  results: ResultsView | undefined
  urgent: UrgentView
  /** True when the person asked for urgent help (or the flow led there): show it first. */
  showUrgent: boolean
  /** True when typed words suggested urgent help: show the panel above the question, which stays. */
  urgentSuggested: boolean
  languages: { code: UiLanguage; name: string }[]
}

interface ViewInput {
  /** The reply this turn, if it was not understood (never stored; echoed once). */
  rejectedReply?: readonly string[]
  deps: TurnDeps
  index: DirectoryIndex
  ui: UiLanguage
  token: string
  step: Step
  error: string | undefined
  /** The codes suggested for a name not understood (core/flow/suggestNames.ts), best first. */
  suggestions?: readonly string[]
  notice: string | undefined
  results: MatchResult | undefined
  profile: Profile
  urgentCountry: string | undefined
  urgentReason: UrgentReason | undefined
  showUrgent: boolean
  urgentSuggested: boolean
  /** Suggested answers (the widget's), preselected until the person answers. */
  presets?: { country?: string; language?: string }
  featured?: { ids: readonly string[]; by: string }
}

/** Puts a turn into words in the person's interface language. */
export function buildTurnView(input: ViewInput): TurnView {
  const { deps, index, ui, step } = input
  const t = deps.translator.t(ui)
  const node = step.node
  return {
    ui,
    dir: deps.translator.dir(ui),
    state: input.token,
    notice: input.notice ? t(input.notice) : undefined,
    error: input.error ? t(input.error) : undefined,
    step: {
      nodeId: step.nodeId,
      number: step.answered + 1,
      total: step.total,
      outcome: node.outcome,
      prompt: t(node.prompt, node.contextFrom ? { context: step.answers[node.contextFrom]?.[0] } : {}),
      hint: node.hint ? t(node.hint) : undefined,
      parser: node.input?.parser,
      options: optionViews(input, t),
      canGoBack: step.answered > 0,
      typed:
        input.error && (node.input?.parser === 'country' || node.input?.parser === 'language')
          ? input.rejectedReply?.[0]?.slice(0, 80)
          : undefined,
      suggestions: suggestionViews(input),
    },
    results: input.results
      ? { ...resultsView(input.results, input.profile, t, ui, deps.now(), input.featured), countsContacts: deps.figures !== undefined }
      : undefined,
    urgent: urgentView(index, input.urgentCountry, t, ui, input.urgentReason),
    showUrgent: input.showUrgent,
    urgentSuggested: input.urgentSuggested,
    languages: deps.translator.languages(),
  }
}

/** Choice labels come from locales; country and language lists from the directory and Intl. */
function optionViews(input: ViewInput, t: (key: string) => string): OptionView[] {
  const { step, index, ui } = input
  const parser = step.node.input?.parser
  // After "back" the answer taken back is preselected; then an embedding site's suggestion; a language defaults to the interface's.
  const preset = parser === 'country' ? input.presets?.country : parser === 'language' ? input.presets?.language : undefined
  const previous = step.previous ?? (preset ? [preset] : parser === 'language' ? [ui] : [])
  if (parser === 'country') {
    return namedCodes(index.countries, 'region', ui).map(({ code, name }) => ({ id: code, label: name, selected: previous.includes(code) }))
  }
  if (parser === 'language') {
    return namedCodes(pickerLanguages(index), 'language', ui).map(({ code, name }) => ({
      id: code,
      label: name,
      selected: previous.includes(code),
    }))
  }
  return step.options.map((option) => ({ id: option.id, label: t(option.label), selected: previous.includes(option.id) }))
}

/** The suggested codes in the interface language's words, for a country or language question only. */
function suggestionViews(input: ViewInput): { id: string; label: string }[] {
  const parser = input.step.node.input?.parser
  if (!input.error || (parser !== 'country' && parser !== 'language')) return []
  const names = displayNames(input.ui)
  const nameOf = parser === 'country' ? names.country : names.language
  return (input.suggestions ?? []).map((code) => ({ id: code, label: nameOf(code) }))
}

const pickerLanguageCache = new WeakMap<DirectoryIndex, string[]>()

/** The directory's languages plus the interface languages, one array per index (so it caches). */
function pickerLanguages(index: DirectoryIndex): string[] {
  const cached = pickerLanguageCache.get(index)
  if (cached) return cached
  const codes = [...new Set([...index.languages, ...uiLanguages])]
  pickerLanguageCache.set(index, codes)
  return codes
}
