import { periodOf } from '../core/figures/periodOf'

const DAY_MS = 86_400_000
/** Counts are written once an hour (docs/figures.md); a day's margin so a period is shown only once its counts are all in. */
const SETTLE_MS = DAY_MS
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/**
 * A month or a quarter the figures are shown for. Partners are counted by ISO week: a week belongs
 * to the month of its Thursday (as it belongs to the year of its Thursday), so each week is in
 * exactly one month and a quarter is the sum of its three months.
 */
export interface FiguresPeriod {
  /** As in the address: "2026-11" or "2026-Q4". */
  id: string
  kind: 'month' | 'quarter'
  /** "November 2026", "October to December 2026". */
  label: string
  /** How a sentence about it starts: "In November 2026", "From October to December 2026". */
  opening: string
  /** Its months, in order ("2026-10", "2026-11", "2026-12"). */
  months: string[]
  /** The first and last ISO week counted for it. */
  firstWeek: string
  lastWeek: string
  /** When its last week and month are over and their counts written: before this it is not shown. */
  settledAt: number
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/
const QUARTER = /^(\d{4})-Q([1-4])$/

/**
 * The period an address names ("2026-11" or "2026-Q4"), or undefined for anything else.
 * @example figuresPeriod('2026-11')?.firstWeek // '2026-W45'
 */
export function figuresPeriod(text: string): FiguresPeriod | undefined {
  const month = MONTH.exec(text)
  if (month) return periodOfMonths(text, Number(month[1]), [Number(month[2])])
  const quarter = QUARTER.exec(text)
  if (!quarter) return undefined
  const first = (Number(quarter[2]) - 1) * 3 + 1
  return periodOfMonths(text, Number(quarter[1]), [first, first + 1, first + 2])
}

/**
 * The latest month whose counts are all in at `now`: usually last month, the one before it while
 * last month's final ISO week is still running.
 * @example lastFullMonth(new Date('2026-12-10T12:00:00Z')).id // '2026-11'
 */
export function lastFullMonth(now: Date): FiguresPeriod {
  let year = now.getUTCFullYear()
  let month = now.getUTCMonth()
  for (;;) {
    if (month === 0) {
      year -= 1
      month = 12
    }
    const period = periodOfMonths(monthId(year, month), year, [month])
    if (period.settledAt <= now.getTime()) return period
    month -= 1
  }
}

/**
 * The periods a curator can choose at `now`, newest first: the last 24 months and 8 quarters whose counts are all in.
 * @example recentPeriods(now).map((period) => period.id) // ['2026-11', '2026-10', …, '2026-Q3', …]
 */
export function recentPeriods(now: Date): FiguresPeriod[] {
  const latest = lastFullMonth(now)
  const [year = 0, month = 0] = latest.id.split('-').map(Number)
  const months = Array.from({ length: 24 }, (_, back) => {
    const index = year * 12 + (month - 1) - back
    return periodOfMonths(monthId(Math.floor(index / 12), (index % 12) + 1), Math.floor(index / 12), [(index % 12) + 1])
  })
  const quarters = Array.from({ length: 9 }, (_, back) => {
    const index = year * 4 + Math.floor((month - 1) / 3) - back
    return figuresPeriod(`${Math.floor(index / 4)}-Q${(index % 4) + 1}`)
  }).flatMap((period) => (period && period.settledAt <= now.getTime() ? [period] : []))
  return [...months, ...quarters.slice(0, 8)]
}

/**
 * The month an ISO week ("2026-W45") is counted in: the month of its Thursday.
 * @example monthOfWeek('2026-W49') // '2026-12'
 */
export function monthOfWeek(week: string): string | undefined {
  const match = /^(\d{4})-W(\d{2})$/.exec(week)
  if (!match) return undefined
  const january4 = Date.UTC(Number(match[1]), 0, 4)
  const monday = january4 - ((new Date(january4).getUTCDay() + 6) % 7) * DAY_MS
  return periodOf(monday + (3 + 7 * (Number(match[2]) - 1)) * DAY_MS).month
}

function periodOfMonths(id: string, year: number, months: number[]): FiguresPeriod {
  const first = months[0] ?? 1
  const last = months.at(-1) ?? first
  const firstThursday = thursdayOnOrAfter(Date.UTC(year, first - 1, 1))
  const lastThursday = thursdayOnOrBefore(Date.UTC(year, last, 0))
  const label = months.length === 1 ? `${MONTH_NAMES[first - 1]} ${year}` : `${MONTH_NAMES[first - 1]} to ${MONTH_NAMES[last - 1]} ${year}`
  return {
    id,
    kind: months.length === 1 ? 'month' : 'quarter',
    label,
    opening: months.length === 1 ? `In ${label}` : `From ${label}`,
    months: months.map((month) => monthId(year, month)),
    firstWeek: periodOf(firstThursday).week,
    lastWeek: periodOf(lastThursday).week,
    // Over when both the last month and the last week (Thursday + 4 days: the next Monday) are.
    settledAt: Math.max(Date.UTC(year, last, 1), lastThursday + 4 * DAY_MS) + SETTLE_MS,
  }
}

function monthId(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`
}

function thursdayOnOrAfter(ms: number): number {
  return ms + ((4 - new Date(ms).getUTCDay() + 7) % 7) * DAY_MS
}

function thursdayOnOrBefore(ms: number): number {
  return ms - ((new Date(ms).getUTCDay() - 4 + 7) % 7) * DAY_MS
}

/**
 * The quarter a month is in ("2026-11" → "2026-Q4"); a quarter is its own.
 * @example quarterOf(figuresPeriod('2026-11')!).id // '2026-Q4'
 */
export function quarterOf(period: FiguresPeriod): FiguresPeriod {
  const [year = '', month = '1'] = (period.months[0] ?? '').split('-')
  return figuresPeriod(`${year}-Q${Math.ceil(Number(month) / 3)}`) ?? period
}
