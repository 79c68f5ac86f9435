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
  /** Outside English: says openly that the services' details are recorded and shown in English, and, when a card quotes a service's own words in the person's language, that those are shown with their source. */
  directoryNote: string | undefined
  services: ServiceView[]
  helplinesTitle: string
  helplinesIntro: string
  helplines: ServiceView[]
  /** Records that fit but have no confirmed contact: named after the services, with no number or link. */
  onFile: OnFileView | undefined
  disclaimer: string
  /** The partner figures are on (docs/figures.md): with JavaScript, a followed contact link is counted, once, with no redirect. */
  countsContacts?: boolean
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
export function resultsView(
  result: MatchResult,
  profile: Profile,
  t: Translate,
  ui: string,
  nowMs: number,
  featured?: { ids: readonly string[]; by: string },
): ResultsView {
  const names = displayNames(ui)
  const country = profile.country ? names.country(profile.country) : ''
  const intro =
    result.tier === 'fit'
      ? result.nationalFound
        ? t('results.intro')
        : t('results.none_national', { country })
      : t(FALLBACK_INTROS[result.tier])
  const speaksLanguage = result.services.some((scored) => profile.language && scored.initiative.languages.includes(profile.language))
  const services = result.services.map((scored) => {
    const view = serviceView(scored.initiative, scored.reasons, t, ui, nowMs, profile.country)
    // Said openly: the site the person is on put its own service first.
    return featured?.ids.includes(scored.initiative.id) ? { ...view, featuredNote: t('widget.featured', { partner: featured.by }) } : view
  })
  const helplines = result.helplines.map((initiative) => serviceView(initiative, [], t, ui, nowMs, profile.country))
  return {
    tier: result.tier,
    intro,
    directoryNote: directoryNote([...services, ...helplines], t, ui),
    languageNote:
      result.services.length > 0 && !speaksLanguage && profile.language
        ? t('results.no_language', { language: names.language(profile.language) })
        : undefined,
    services,
    helplinesTitle: t('results.helplines_title'),
    helplinesIntro: t('results.helplines_intro'),
    helplines,
    onFile:
      result.unconfirmed.length > 0
        ? { label: t('results.on_file_label', { country }), records: result.unconfirmed, note: t('results.on_file_unconfirmed') }
        : undefined,
    disclaimer: t('results.disclaimer'),
  }
}

/**
 * Outside English, the note on the directory's language: it also mentions the services' own words
 * once a shown card quotes them, so it never claims everything is in English when it is not.
 */
function directoryNote(shown: readonly ServiceView[], t: Translate, ui: string): string | undefined {
  if (ui === 'en' || shown.length === 0) return undefined
  return shown.some((view) => view.description?.ownWords === true)
    ? t('results.directory_in_english_own_words')
    : t('results.directory_in_english')
}
