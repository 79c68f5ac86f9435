import { BOT_SOURCE } from '../../core/figures/counterKeys'
import { detectUrgentWords } from '../../core/crisis/detectUrgentWords'
import { findNamesInText } from '../../core/flow/findNamesInText'
import { normaliseText } from '../../core/flow/normaliseText'
import type { Translate } from '../../i18n/translate'
import { runTurn } from '../shared/runTurn'
import type { TurnDeps } from '../shared/turnDeps'
import { applyPrefill } from './applyPrefill'
import type { BotTurn } from './botTurn'
import { joinNotices } from './joinNotices'
import { prefillNames } from './prefillNames'

/**
 * Typed text that came without the bot's state: a new conversation (standard clients never send the
 * state back with typed words). Urgent words get urgent help at once; otherwise a welcome and the
 * first question, answered if the text is one of its answers. Country and language names in the text
 * (never codes: "no", "is", "de" are words) are noted and fill in their questions when they come.
 * `lostState`: the message carried a value the bot could not read, so a conversation was under way.
 * @example (await startFromText(deps, 'I live in Germany', 'en-US', false)).prefill // { country: 'DE', language: undefined }
 */
export async function startFromText(deps: TurnDeps, text: string, locale: string | undefined, lostState: boolean): Promise<BotTurn> {
  const base = { token: undefined, ui: locale, regionHint: locale, source: BOT_SOURCE }
  const names = findNamesInText(text, deps, [deps.translator.pick(locale), 'en'])
  const prefill = names.country || names.language ? { country: names.country, language: names.language } : undefined
  const urgentReason = detectUrgentWords(deps.crisis, [text])
  if (urgentReason) {
    // Nothing to read before urgent help; a country named in the same words picks its numbers.
    const view = await runTurn(deps, { ...base, action: 'urgent', reply: [], urgentReason, urgentCountry: names.country })
    return { view, prefill, welcome: undefined }
  }
  const start = await runTurn(deps, { ...base, action: 'start', reply: [], urgentCountry: undefined })
  // A typed answer to the first question, by its words only (an option id is as much a code as "de").
  const option = start.step.options.find((candidate) => normaliseText(candidate.label) === normaliseText(text))
  if (option) {
    const answered = await runTurn(deps, { ...base, token: start.state, action: 'answer', reply: [option.id], urgentCountry: undefined })
    return { ...(await applyPrefill(deps, answered, prefill, locale)), welcome: undefined }
  }
  const t = deps.translator.t(start.ui)
  const noted = prefill && t('bot.noted', { noted: prefillNames(prefill, start.ui) })
  // Only a name, or the words of a later answer: most likely typed in reply to a question whose state was lost.
  const restarted = lostState || names.onlyNames || isAnswerLabel(deps, t, text)
  return { view: { ...start, notice: joinNotices(start.notice, noted) }, prefill, welcome: restarted ? 'restarted' : 'new' }
}

/** Whether the text is the words of one of the flow's answers, in the person's language. */
function isAnswerLabel(deps: TurnDeps, t: Translate, text: string): boolean {
  const typed = normaliseText(text)
  return Object.values(deps.flow.nodes).some((node) =>
    (node.input?.options ?? []).some((option) => normaliseText(t(option.label)) === typed),
  )
}
