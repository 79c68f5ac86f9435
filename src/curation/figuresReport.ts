import type { CounterRow } from '../core/figures/counterBatch'
import { API_SOURCE, BOT_SOURCE, NO_PARTNER, WEB_SOURCE, WIDGET_SOURCE } from '../core/figures/counterKeys'
import type { ResultsTier } from '../core/figures/figureEvent'
import type { MaskedFigure } from '../core/figures/maskSmall'
import { type FiguresPeriod, monthOfWeek } from './figuresPeriod'
import { type MaskedRow, maskOverMonths } from './maskOverMonths'

/** A partner's funnel, in the order a conversation goes (urgent help can be opened at any step). */
export const FUNNEL_STEPS = ['opened', 'started', 'results', 'contact', 'urgent'] as const
export type FunnelStep = (typeof FUNNEL_STEPS)[number]
/**
 * A country's figures beside its results. Not "started": the first answer comes before the country
 * is known, so no country ever counts one (core/figures/counterKeys.ts).
 */
export const COUNTRY_STEPS = ['urgent', 'contact'] as const
export type CountryStep = (typeof COUNTRY_STEPS)[number]
/** The tiers of results (core/figures/figureEvent.ts), in the order the table shows them. */
export const RESULTS_TIERS = ['national', 'online', 'helplines', 'urgent_only'] as const satisfies readonly ResultsTier[]

/** Partners that are not a site: the channels counted without a partner id. */
const PSEUDO_PARTNERS: Record<string, string> = {
  [WEB_SOURCE]: "Helpfinder's own web pages",
  [API_SOURCE]: 'The JSON API',
  [BOT_SOURCE]: 'The chat bot',
  [WIDGET_SOURCE]: 'The widget on sites that are not partners',
  [NO_PARTNER]: 'Source not said',
}

export interface PartnerFigures {
  id: string
  name: string
  steps: Record<FunnelStep, MaskedFigure>
  /** How many conversations reached each of the report's `questions`, in that order. */
  reached: MaskedFigure[]
  allHidden: boolean
}

export interface CountryFigures {
  code: string
  name: string
  steps: Record<CountryStep, MaskedFigure>
  /** Results by tier, in the order of the report's `tiers`; `results` is their total. */
  tiers: MaskedFigure[]
  results: MaskedFigure
  /** Nothing in the row is shown: every figure is under 10 (or withheld beside one). */
  allHidden: boolean
}

/** Results of each country split one way (by situation, or by language), never two. */
export interface BreakdownTable {
  columns: string[]
  rows: Array<{ code: string; name: string; cells: MaskedFigure[]; total: MaskedFigure; allHidden: boolean }>
}

export interface FiguresReport {
  period: FiguresPeriod
  /** The questions of the flow in the order they are asked, then any other counted, by id. */
  questions: string[]
  partners: PartnerFigures[]
  /** Absent for a curator who may see partners' funnels only. */
  countries?: { tiers: string[]; rows: CountryFigures[]; situations: BreakdownTable; languages: BreakdownTable }
}

export interface FiguresReportInput {
  period: FiguresPeriod
  /** Counter rows of any of the four tables; rows outside the period are left out. */
  rows: readonly CounterRow[]
  /** The flow's question ids in the order they are asked. */
  questions: readonly string[]
  /** The partners to report on, in this order, each named. */
  partners: readonly { id: string; name: string }[]
  /** Also every other partner id found in the rows (the web, API and bot channels; removed partners): for admins. */
  otherPartners: boolean
  /** The tables by country: for admins. */
  countries: boolean
}

/** Rows whose cells no shown total adds up (docs/figures.md): no second figure needs withholding. */
const FUNNEL = { partsOfTotal: false } as const

/** Per subject (partner or country), per measure: one count per month of the period. */
type Tally = Map<string, Map<string, number[]>>

const countryNames = new Intl.DisplayNames(['en'], { type: 'region' })

/**
 * Raw counter rows to the masked report the console, the CSV and the summary show: nothing leaves
 * it as a number under 10. Each row of figures is masked as one (maskOverMonths: maskSmall over
 * the period's months): a partner's funnel steps; its questions reached; a country's tiers of
 * results with their total; its other steps; its situations; its languages. Situations and
 * languages are separate tables, and neither is ever beside a partner.
 * @example figuresReport({ period, rows, questions: ['asker', 'country'], partners, otherPartners: true, countries: true })
 */
export function figuresReport(input: FiguresReportInput): FiguresReport {
  const { period } = input
  const listed = new Set(input.partners.map((partner) => partner.id))
  const partnerTally = tally(input.rows, period, 'partner_week', (row) => {
    const [partner = '', week = ''] = row.dims
    if (!input.otherPartners && !listed.has(partner)) return undefined
    return { subject: partner, month: monthOfWeek(week), measure: row.event.startsWith('results:') ? 'results' : row.event }
  })
  const counted = [...partnerTally.values()].flatMap((measures) =>
    [...measures.keys()].flatMap((measure) => (measure.startsWith('reached:') ? [measure.slice('reached:'.length)] : [])),
  )
  const questions = [...input.questions, ...[...new Set(counted)].filter((question) => !input.questions.includes(question)).sort()]
  const others = input.otherPartners
    ? [...partnerTally.keys()]
        .filter((id) => !listed.has(id))
        .sort()
        .map((id) => ({ id, name: PSEUDO_PARTNERS[id] ?? `${id} (not in the directory)` }))
    : []
  const partners = [...input.partners, ...others].map((partner): PartnerFigures => {
    const measures = partnerTally.get(partner.id) ?? new Map<string, number[]>()
    // A funnel's steps are not parts of a sum the page shows: only the small ones are hidden.
    const steps = maskOverMonths(monthRows(period, measures, FUNNEL_STEPS), FUNNEL)
    const reached = maskOverMonths(
      monthRows(
        period,
        measures,
        questions.map((question) => `reached:${question}`),
      ),
      FUNNEL,
    )
    return {
      ...partner,
      steps: byName(FUNNEL_STEPS, steps.cells),
      reached: reached.cells,
      allHidden: nothingShown(steps, false) && nothingShown(reached, false),
    }
  })
  return { period, questions, partners, countries: input.countries ? countryTables(input.rows, period) : undefined }
}

function countryTables(rows: readonly CounterRow[], period: FiguresPeriod): NonNullable<FiguresReport['countries']> {
  const byCountry = tally(rows, period, 'country_month', (row) => ({ subject: row.dims[0] ?? '', month: row.dims[1], measure: row.event }))
  const counted = [...byCountry.values()].flatMap((measures) =>
    [...measures.keys()].flatMap((measure) => (measure.startsWith('results:') ? [measure.slice('results:'.length)] : [])),
  )
  const known: readonly string[] = RESULTS_TIERS
  const tiers = [...known, ...[...new Set(counted)].filter((tier) => !known.includes(tier)).sort()]
  const countryRows = countriesByName(byCountry).map(({ code, name, measures }): CountryFigures => {
    const results = maskOverMonths(
      monthRows(
        period,
        measures,
        tiers.map((tier) => `results:${tier}`),
      ),
    )
    const steps = maskOverMonths(monthRows(period, measures, COUNTRY_STEPS), FUNNEL)
    return {
      code,
      name,
      steps: byName(COUNTRY_STEPS, steps.cells),
      tiers: results.cells,
      results: results.total,
      allHidden: nothingShown(results) && nothingShown(steps, false),
    }
  })
  return {
    tiers,
    rows: countryRows,
    situations: breakdown(rows, period, 'country_situation_month'),
    languages: breakdown(rows, period, 'country_language_month'),
  }
}

/** Results per country split by the table's third dimension, summed over tiers, each country's row masked as one. */
function breakdown(rows: readonly CounterRow[], period: FiguresPeriod, table: CounterRow['table']): BreakdownTable {
  const byCountry = tally(rows, period, table, (row) =>
    row.event.startsWith('results:') ? { subject: row.dims[0] ?? '', month: row.dims[1], measure: row.dims[2] ?? '' } : undefined,
  )
  const columns = [...new Set([...byCountry.values()].flatMap((measures) => [...measures.keys()]))].sort()
  return {
    columns,
    rows: countriesByName(byCountry).map(({ code, name, measures }) => {
      const masked = maskOverMonths(monthRows(period, measures, columns))
      return { code, name, cells: masked.cells, total: masked.total, allHidden: nothingShown(masked) }
    }),
  }
}

/** Adds up the rows of one table within the period, by subject and measure, one count per month. */
function tally(
  rows: readonly CounterRow[],
  period: FiguresPeriod,
  table: CounterRow['table'],
  place: (row: CounterRow) => { subject: string; month: string | undefined; measure: string } | undefined,
): Tally {
  const result: Tally = new Map()
  for (const row of rows) {
    if (row.table !== table) continue
    const at = place(row)
    const month = at?.month === undefined ? -1 : period.months.indexOf(at.month)
    if (!at || month < 0) continue
    const measures = result.get(at.subject) ?? new Map<string, number[]>()
    const counts = measures.get(at.measure) ?? period.months.map(() => 0)
    counts[month] = (counts[month] ?? 0) + row.count
    measures.set(at.measure, counts)
    result.set(at.subject, measures)
  }
  return result
}

/** The counts of `cells` (measures), month by month: maskOverMonths' input. */
function monthRows(period: FiguresPeriod, measures: ReadonlyMap<string, number[]>, cells: readonly string[]): number[][] {
  return period.months.map((_, month) => cells.map((cell) => measures.get(cell)?.[month] ?? 0))
}

function byName<Name extends string>(names: readonly Name[], cells: readonly MaskedFigure[]): Record<Name, MaskedFigure> {
  return Object.fromEntries(names.map((name, at) => [name, cells[at] ?? { withheld: true }])) as Record<Name, MaskedFigure>
}

/** The countries of a tally, named in English and in that order. */
function countriesByName(byCountry: Tally) {
  return [...byCountry.entries()]
    .map(([code, measures]) => ({ code, name: countryName(code), measures }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'))
}

/** A country's English name, or its code where it is none (DisplayNames throws on a malformed code). */
function countryName(code: string): string {
  try {
    return countryNames.of(code) ?? code
  } catch {
    return code
  }
}

/** Whether nothing of a row is shown; its total counts only where the page shows it. */
function nothingShown(row: MaskedRow, withTotal = true): boolean {
  return [...row.cells, ...(withTotal ? [row.total] : [])].every((figure) => !('count' in figure))
}
