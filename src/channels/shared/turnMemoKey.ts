import type { UrgentReason } from '../../core/crisis/urgentReason'
import type { DirectoryIndex } from '../../core/directory/indexDirectory'
import type { ConversationState } from '../../core/flow/conversationState'
import type { Flow } from '../../core/flow/flowSchema'
import { stateCodebook } from '../../core/state/stateCodebook'
import { uiLanguages } from '../../i18n/resources'
import type { TurnAction } from './turnRequest'

/** Everything a turn's view depends on besides the directory, as codes. */
export interface MemoKeyInput {
  flow: Flow
  index: DirectoryIndex
  /** Why the token could not be opened ('error.expired'), or undefined. */
  tokenNotice: string | undefined
  state: ConversationState
  ui: string
  action: TurnAction
  reply: readonly string[]
  /** Resolved country codes, never the text they were read from. */
  urgentCountry: string | undefined
  presetCountry: string | undefined
  presetLanguage: string | undefined
  regionCountry: string | undefined
  urgentReason: UrgentReason | undefined
  featured: { ids: readonly string[]; by: string } | undefined
  /** Days since 1970: results say how long ago a record was checked, so a day's views are one. */
  day: number
}

/**
 * The memo key of a turn, or undefined when the turn must not be remembered: a reply that is not
 * exactly a code Helpfinder knows (an option, a country, a language) is something a person typed,
 * and never goes into a cache. Answers in the state are codes by construction; tokens never enter.
 * @example turnMemoKey({ ...input, reply: ['self'] }) // '…|answer|self|…'; with reply ['my neighbour'] → undefined
 */
export function turnMemoKey(input: MemoKeyInput): string | undefined {
  const known = knownCodes(input.flow, input.index)
  if (input.action === 'answer' && !input.reply.every((value) => known.has(value))) return undefined
  const answers = input.state.a.map(([node, ids]) => `${node}=${ids.join('+')}`).join(',')
  return [
    input.tokenNotice ?? '',
    input.state.ui,
    input.ui,
    answers,
    input.action,
    input.action === 'answer' ? input.reply.join('+') : '',
    input.urgentCountry ?? '',
    input.presetCountry ?? '',
    input.presetLanguage ?? '',
    input.regionCountry ?? '',
    input.urgentReason ?? '',
    input.featured ? `${input.featured.by}:${input.featured.ids.join('+')}` : '',
    input.day,
  ].join('|')
}

const byIndex = new WeakMap<DirectoryIndex, Set<string>>()

/** Every option id of the flow, every country and language code of the directory and every interface language, once per directory. */
function knownCodes(flow: Flow, index: DirectoryIndex): Set<string> {
  const cached = byIndex.get(index)
  if (cached) return cached
  const codes = new Set<string>([...stateCodebook(flow).optionIds.flat(), ...index.countries, ...index.languages, ...uiLanguages])
  byIndex.set(index, codes)
  return codes
}
