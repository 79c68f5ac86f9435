import type { Translate } from '../../i18n/translate'
import type { MatchResult } from '../../core/matching/match'
import type { Profile } from '../../core/matching/profileFromAnswers'
import { displayNames } from './displayNames'
import { serviceView, type ServiceView } from './serviceView'

/** The results screen: an honest opening line, services with reasons, then helplines. */
export interface ResultsView {
  tier: MatchResult['tier']
  intro: string
  languageNote: string | undefined
  services: ServiceView[]
  helplinesTitle: string
  helplinesIntro: string
  helplines: ServiceView[]
  disclaimer: string
}

/** @example resultsView(match(index, profile), profile, t, 'en', Date.now()) */
export function resultsView(result: MatchResult, profile: Profile, t: Translate, ui: string, nowMs: number): ResultsView {
  const names = displayNames(ui)
  const country = profile.country ? names.country(profile.country) : ''
  const intro =
    result.tier === 'fit'
      ? result.nationalFound
        ? t('results.intro')
        : t('results.none_national', { country })
      : t(`results.${result.tier}`)
  const speaksLanguage = result.services.some((scored) => profile.language && scored.initiative.languages.includes(profile.language))
  return {
    tier: result.tier,
    intro,
    languageNote:
      result.services.length > 0 && !speaksLanguage && profile.language
        ? t('results.no_language', { language: names.language(profile.language) })
        : undefined,
    services: result.services.map((scored) => serviceView(scored.initiative, scored.reasons, t, ui, nowMs)),
    helplinesTitle: t('results.helplines_title'),
    helplinesIntro: t('results.helplines_intro'),
    helplines: result.helplines.map((initiative) => serviceView(initiative, [], t, ui, nowMs)),
    disclaimer: t('results.disclaimer'),
  }
}
