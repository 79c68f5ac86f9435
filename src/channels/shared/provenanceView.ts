import type { Translate } from '../../i18n/translate'
import { checkState } from '../../core/directory/checkState'
import type { Initiative } from '../../core/directory/initiativeSchema'
import { newestSourceDate } from '../../core/directory/newestSourceDate'
import { sourceDate, type SourceDate } from '../../core/directory/sourceDate'

/** Where a record's facts come from and when: what every channel shows under a service. */
export interface ProvenanceView {
  /** The day someone compared the record with its sources; null when no one has yet. */
  lastChecked: string | null
  /** "Checked against its sources on 2026-11-23", or the calm "Not yet checked by us against its sources". */
  checked: string
  /** Checked, but more than 12 months ago. A record never checked is not stale: `checked` says so. */
  stale: boolean
  /** Each source with the date it carries, as recorded, and its label: "Source 1 (dated 2024-09)". */
  sources: { url: string; date: string; label: string }[]
  /** "Newest source dated 2024-09", or "Its sources give no date". */
  newestSource: string
}

/**
 * The provenance lines of a service card: an honest check line (a check only where one happened)
 * and each source's own date, "about" where the date is a guess.
 * @example provenanceView(initiative, t, Date.now()).checked // 'Not yet checked by us against its sources'
 */
export function provenanceView(initiative: Initiative, t: Translate, nowMs: number): ProvenanceView {
  const state = checkState(initiative.lastChecked, nowMs)
  const numbered = initiative.sources.length > 1
  const newest = newestSourceDate(initiative.sources.map((source) => source.date))
  return {
    lastChecked: initiative.lastChecked,
    checked: initiative.lastChecked === null ? t('results.not_checked') : t('results.last_checked', { date: initiative.lastChecked }),
    stale: state === 'stale',
    sources: initiative.sources.map(({ url, date }, index) => ({
      url,
      date,
      label: `${t('results.source')}${numbered ? ` ${index + 1}` : ''} (${datedText(sourceDate(date), t)})`,
    })),
    newestSource:
      newest === null
        ? t('results.sources_undated')
        : t(newest.approximate ? 'results.newest_source_about' : 'results.newest_source', { date: shown(newest) }),
  }
}

/** "dated 2024-09", "dated about 2021", "undated". */
function datedText(dated: SourceDate | null, t: Translate): string {
  if (dated === null) return t('results.source_undated')
  return t(dated.approximate ? 'results.source_dated_about' : 'results.source_dated', { date: shown(dated) })
}

/** "2024-09", or "2015–2017" for a range. */
function shown(dated: SourceDate): string {
  return dated.from ? `${dated.from}–${dated.date}` : dated.date
}
