import { sourceDate, type SourceDate } from './sourceDate'

/**
 * The newest of several source dates, or null when none has a date. Dates compare as ISO text, so
 * "2024-09" is newer than "2024" (the more precise of the same year) and older than "2025".
 * @example newestSourceDate(['2014', '~2021-02', 'undated']) // { date: '2021-02', approximate: true }
 */
export function newestSourceDate(texts: readonly string[]): SourceDate | null {
  let newest: SourceDate | null = null
  for (const text of texts) {
    const dated = sourceDate(text)
    if (dated && (newest === null || dated.date > newest.date || (dated.date === newest.date && newest.approximate && !dated.approximate)))
      newest = dated
  }
  return newest
}
