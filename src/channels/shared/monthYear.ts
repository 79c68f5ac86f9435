const formats = new Map<string, { month: Intl.DateTimeFormat; year: Intl.DateTimeFormat }>()

/** Days and months of a record as the person says them: "March 2025", "März 2025"; a bare year stays a year. */
function formatsFor(ui: string) {
  const known = formats.get(ui)
  if (known) return known
  // UTC: a recorded "2025-03" is March wherever the server runs.
  const made = {
    month: new Intl.DateTimeFormat([ui, 'en'], { month: 'long', year: 'numeric', timeZone: 'UTC' }),
    year: new Intl.DateTimeFormat([ui, 'en'], { year: 'numeric', timeZone: 'UTC' }),
  }
  formats.set(ui, made)
  return made
}

const ISO = /^(\d{4})(?:-(\d{2}))?(?:-\d{2})?$/

/**
 * A recorded day, month or year ("2025-03-14", "2025-03", "2025") in the person's language, to the
 * month at most: a card says when, not an audit timestamp. Text that is not such a date is returned as it is.
 * @example monthYear('2025-03-14', 'de') // 'März 2025'
 * @example monthYear('2021', 'en') // '2021'
 */
export function monthYear(date: string, ui: string): string {
  const match = ISO.exec(date)
  if (!match) return date
  const year = Number(match[1])
  const format = formatsFor(ui)
  if (match[2] === undefined) return format.year.format(Date.UTC(year, 0, 1))
  return format.month.format(Date.UTC(year, Number(match[2]) - 1, 1))
}
