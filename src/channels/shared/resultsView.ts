import type { Translate } from '../../i18n/translate'
import type { MatchResult, OnFileRecord } from '../../core/matching/match'
import type { Profile } from '../../core/matching/profileFromAnswers'
import { displayNames } from './displayNames'
import { serviceView, type ServiceView } from './serviceView'

/** The results screen: an honest opening line, services with reasons, then helplines. */
export interface ResultsView {
  tier: MatchResult['tier']
  intro: string
  languageNote: string | undefined
  /** Outside English: says openly that the services' details (recorded in English) are shown in English. */
  directoryNote: string | undefined
  services: ServiceView[]
  helplinesTitle: string
  helplinesIntro: string
  helplines: ServiceView[]
  /** Records that fit but have no confirmed contact: named after the services, with no number or link. */
  onFile: OnFileView | undefined
  disclaimer: string
}

/** "Also on file for <country>:", the records' stored names, and why no contact is shown. */
export interface OnFileView {
  label: string
  records: OnFileRecord[]
  note: string
}

/** The honest opening line for each way matching fell back; typed so a new tier needs its text. */
const FALLBACK_INTROS: Record<Exclude<MatchResult['tier'], 'fit'>, string> = {
  online_language: 'results.online_language',
  online_english: 'results.online_english',
  helplines: 'results.helplines_only',
  urgent_only: 'results.urgent_only',
}

/** @example resultsView(match(index, profile), profile, t, 'en', Date.now()) */
export function resultsView(result: MatchResult, profile: Profile, t: Translate, ui: string, nowMs: number, featured?: { ids: readonly string[]; by: string }): ResultsView {
  const names = displayNames(ui)
  const country = profile.country ? names.country(profile.country) : ''
  const intro =
    result.tier === 'fit'
      ? result.nationalFound
        ? t('results.intro')
        : t('results.none_national', { country })
      : t(FALLBACK_INTROS[result.tier])
  const speaksLanguage = result.services.some((scored) => profile.language && scored.initiative.languages.includes(profile.language))
  return {
    tier: result.tier,
    intro,
    directoryNote: ui === 'en' || result.services.length + result.helplines.length === 0 ? undefined : t('results.directory_in_english'),
    languageNote:
      result.services.length > 0 && !speaksLanguage && profile.language
        ? t('results.no_language', { language: names.language(profile.language) })
        : undefined,
    services: result.services.map((scored) => {
      const view = serviceView(scored.initiative, scored.reasons, t, ui, nowMs, profile.country)
      // Said openly: the site the person is on put its own service first.
      return featured?.ids.includes(scored.initiative.id) ? { ...view, featuredNote: t('widget.featured', { partner: featured.by }) } : view
    }),
    helplinesTitle: t('results.helplines_title'),
    helplinesIntro: t('results.helplines_intro'),
    helplines: result.helplines.map((initiative) => serviceView(initiative, [], t, ui, nowMs, profile.country)),
    onFile:
      result.unconfirmed.length > 0
        ? { label: t('results.on_file_label', { country }), records: result.unconfirmed, note: t('results.on_file_unconfirmed') }
        : undefined,
    disclaimer: t('results.disclaimer'),
  }
}
