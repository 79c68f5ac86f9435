import { BOT_SOURCE } from '../../core/figures/counterKeys'
import { runTurn } from '../shared/runTurn'
import type { TurnView } from '../shared/buildTurnView'
import type { TurnDeps } from '../shared/turnDeps'
import type { Prefill } from './botValue'
import { joinNotices } from './joinNotices'
import { prefillNames } from './prefillNames'

/**
 * Answers the country or language question from a name typed earlier, as soon as it is asked, and
 * says so with the way back to change it. Whatever is still waiting rides on in the buttons.
 * @example (await applyPrefill(deps, countryQuestion, { country: 'DE' }, 'en')).view.step.parser // 'language'
 */
export async function applyPrefill(
  deps: TurnDeps,
  first: TurnView,
  prefill: Prefill | undefined,
  locale: string | undefined,
): Promise<{ view: TurnView; prefill: Prefill | undefined }> {
  let view = first
  let waiting = prefill
  const applied: Prefill = {}
  for (let round = 0; round < 2 && waiting; round++) {
    const parser = view.step.parser
    if (parser !== 'country' && parser !== 'language') break
    const code = waiting[parser]
    if (!code) break
    const next = await runTurn(deps, {
      source: BOT_SOURCE,
      token: view.state,
      action: 'answer',
      reply: [code],
      ui: locale,
      urgentCountry: undefined,
      regionHint: locale,
    })
    if (next.error) break
    view = { ...next, notice: next.notice ?? view.notice }
    waiting = { ...waiting, [parser]: undefined }
    applied[parser] = code
  }
  const left = waiting && (waiting.country || waiting.language) ? waiting : undefined
  if (!applied.country && !applied.language) return { view, prefill: left }
  const t = deps.translator.t(view.ui)
  const notice = t('bot.prefilled', { noted: prefillNames(applied, view.ui), back: t('nav.back') })
  return { view: { ...view, notice: joinNotices(view.notice, notice) }, prefill: left }
}
