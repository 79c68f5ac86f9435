/** The date a source carries, as far as its `date` text gives one. */
export interface SourceDate {
  /** YYYY, YYYY-MM or YYYY-MM-DD; for a range ("2015-2017"), its later end. */
  date: string
  /** The earlier end of a range, when the text gives one. */
  from?: string
  /** "~2021", "undated (~2021)" and ranges are approximate: "about". */
  approximate: boolean
}

const DAY = String.raw`\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?`
/** A day, year-month or year at the start, optionally a range to a later one, and no digit after it. */
const LEADING_DATE = new RegExp(String.raw`^(${DAY})(?:\s*[-–]\s*(\d{4}(?:-(?:0[1-9]|1[0-2]))?))?(?!\d)`)
/** "undated (~2021)", "undated (2022 or later)": the guess in brackets, if it starts with one. */
const UNDATED = /^undated\b\s*(?:\((.*)\)?)?$/is

/**
 * Reads a source's `date` text as recorded in data/ ("2024-09-18", "2022-07", "2014", "~2021-02",
 * "~2008 (undated)", "undated (~2021)", "2016 (Haaste 2/2016)"): the date it starts with and
 * whether it is only approximate. Null when the text gives no date ("undated", "undated (snapshot)").
 * @example sourceDate('~2021-02') // { date: '2021-02', approximate: true }
 * @example sourceDate('undated (snapshot)') // null
 */
export function sourceDate(text: string): SourceDate | null {
  let rest = text.trim()
  let approximate = false
  const undated = UNDATED.exec(rest)
  if (undated) {
    // A page without a date of its own; a guess in brackets is only ever "about".
    rest = (undated[1] ?? '').trim()
    approximate = true
  }
  if (rest.startsWith('~')) {
    rest = rest.slice(1).trim()
    approximate = true
  }
  const match = LEADING_DATE.exec(rest)
  if (!match?.[1]) return null
  const [, start, end] = match
  if (end !== undefined && end > start) return { date: end, from: start, approximate: true }
  return { date: start, approximate }
}
