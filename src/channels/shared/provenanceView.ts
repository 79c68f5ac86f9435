import type { Translate } from '../../i18n/translate'
import { checkState } from '../../core/directory/checkState'
import type { Initiative } from '../../core/directory/initiativeSchema'
import { newestSourceDate } from '../../core/directory/newestSourceDate'
import { sourceDate, type SourceDate } from '../../core/directory/sourceDate'
import { monthYear } from './monthYear'
import { siteName } from './siteName'

/** One source of a record: the site it is on and the date it carries, in the person's words. */
export interface SourceView {
  url: string
  /** The date the source carries, as recorded ("2024-09", "~2021", "undated"). */
  date: string
  /** "preventell.se (September 2024)": the site and its date, for a button or a link's text. */
  label: string
  /** "preventell.se": the site, named as people name it. */
  site: string
  /** "September 2024", "about 2021", "2015–2017", or "undated", in the person's language. */
  dated: string
  /** The date for a `<time datetime>` ("2024-09"), when the source gives one. */
  datetime: string | undefined
}

/** Where a record's facts come from and when: what every channel shows under a service. */
export interface ProvenanceView {
  /** The day someone compared the record with its sources; null when no one has yet. */
  lastChecked: string | null
  /** "Checked against its sources in March 2025", or the calm "Not yet checked by us against its sources". */
  checked: string
  /** "March 2025": the month of the check as written in `checked`; undefined when no one has checked. */
  checkedWhen: string | undefined
  /** Checked, but more than 12 months ago. A record never checked is not stale: `checked` says so. */
  stale: boolean
  sources: SourceView[]
  /** "Information from September 2024", or "Its sources give no date". */
  newestSource: string
  /** "September 2024" (or "about 2021"), as written in `newestSource`; undefined when no source has a date. */
  newestSourceWhen: string | undefined
  /** The newest source's date for a `<time datetime>` ("2024-09"). */
  newestSourceDate: string | undefined
}

/**
 * The provenance lines of a service card: an honest check line (a check only where one happened)
 * and each source's own date, "about" where the date is a guess, all in the person's language and
 * to the month at most (the exact day stays in `lastChecked` and each source's `date`).
 * @example provenanceView(initiative, t, 'en', Date.now()).checked // 'Not yet checked by us against its sources'
 */
export function provenanceView(initiative: Initiative, t: Translate, ui: string, nowMs: number): ProvenanceView {
  const state = checkState(initiative.lastChecked, nowMs)
  const newest = newestSourceDate(initiative.sources.map((source) => source.date))
  const checkedWhen = initiative.lastChecked === null ? undefined : monthYear(initiative.lastChecked, ui)
  const newestSourceWhen = newest === null ? undefined : spoken(newest, t, ui)
  return {
    lastChecked: initiative.lastChecked,
    checked: checkedWhen === undefined ? t('results.not_checked') : t('results.checked_when', { date: checkedWhen }),
    checkedWhen,
    stale: state === 'stale',
    sources: initiative.sources.map(({ url, date }) => {
      const dated = sourceDate(date)
      const site = siteName(url)
      const when = dated === null ? t('results.source_undated') : spoken(dated, t, ui)
      return { url, date, label: `${site} (${when})`, site, dated: when, datetime: dated?.date }
    }),
    newestSource: newestSourceWhen === undefined ? t('results.sources_undated') : t('results.information_from', { date: newestSourceWhen }),
    newestSourceWhen,
    newestSourceDate: newest?.date,
  }
}

/** "September 2024", "about 2021", "2015–2017": a source date as a person says it. */
function spoken(dated: SourceDate, t: Translate, ui: string): string {
  const when = dated.from ? `${monthYear(dated.from, ui)}–${monthYear(dated.date, ui)}` : monthYear(dated.date, ui)
  // A range says its vagueness itself; a guessed single date says "about".
  return dated.approximate && !dated.from ? t('results.date_about', { date: when }) : when
}
