import { parse } from 'csv-parse/sync'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { loadFlow } from '../../src/app/loadFlow'
import { questionOrder } from '../../src/console/figures/questionOrder'
import type { CounterRow } from '../../src/core/figures/counterBatch'
import type { MaskedFigure } from '../../src/core/figures/maskSmall'
import { figuresCsv } from '../../src/curation/figuresCsv'
import { type FiguresPeriod, figuresPeriod, lastFullMonth, monthOfWeek, quarterOf } from '../../src/curation/figuresPeriod'
import { type FiguresReport, type FiguresReportInput, figuresReport } from '../../src/curation/figuresReport'
import { figuresSummary } from '../../src/curation/figuresSummary'

// Issue 21's masked report (docs/figures.md): raw counter rows in, and nothing out as a number
// under 10 — not in the report, not in the CSV, not in a partner's summary.
const NOVEMBER = period('2026-11')
const Q4 = period('2026-Q4')
const QUESTIONS = ['asker', 'age', 'country', 'language', 'stage']
const EVENTS = [
  'opened',
  'started',
  'reached:asker',
  'reached:country',
  'reached:stage',
  'results:national',
  'results:online',
  'urgent',
  'contact',
]
const TIERS = ['results:national', 'results:online', 'results:helplines', 'results:urgent_only']
const COUNTRIES = 'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK GB NO CH US'.split(' ')

function period(id: string): FiguresPeriod {
  const found = figuresPeriod(id)
  if (!found) throw new Error(`no period ${id}`)
  return found
}

function report(rows: CounterRow[], overrides: Partial<FiguresReportInput> = {}): FiguresReport {
  return figuresReport({
    period: NOVEMBER,
    rows,
    questions: QUESTIONS,
    partners: [{ id: 'lindenweg', name: 'Lindenweg Helpline' }],
    otherPartners: true,
    countries: true,
    ...overrides,
  })
}

const partnerRow = (partner: string, week: string, event: string, count: number): CounterRow => ({
  table: 'partner_week',
  dims: [partner, week],
  event,
  count,
})
const countryRow = (country: string, month: string, event: string, count: number): CounterRow => ({
  table: 'country_month',
  dims: [country, month],
  event,
  count,
})

/** Every masked figure anywhere in a report, found by shape. */
function figuresIn(value: unknown): MaskedFigure[] {
  if (Array.isArray(value)) return value.flatMap(figuresIn)
  if (value === null || typeof value !== 'object') return []
  if ('count' in value || 'fewerThan' in value || 'withheld' in value) return [value as MaskedFigure]
  return Object.values(value).flatMap(figuresIn)
}

/** Every number a text says, leaving out years, ISO weeks and the threshold's own "10". */
function numbersIn(text: string): number[] {
  const stripped = text
    .replace(/\d{4}-W\d{2}/g, '')
    .replace(/\b20\d{2}\b/g, '')
    .replace(/(fewer than|under|of) 10\b/g, '')
  return (stripped.match(/\d[\d,]*/g) ?? []).map((number) => Number(number.replace(/,/g, '')))
}

/** The CSV's figure column, checked cell by cell: a whole number of 10 or more, or the two words. */
function expectMaskedCsv(csv: string): string[][] {
  const [header, ...rows] = parse(csv) as string[][]
  expect(header).toEqual(['table', 'period', 'id', 'name', 'measure', 'figure'])
  for (const row of rows) {
    const figure = row[5] ?? ''
    if (/^\d+$/.test(figure)) expect(Number(figure), row.join(',')).toBeGreaterThanOrEqual(10)
    else expect(['fewer than 10', 'withheld'], row.join(',')).toContain(figure)
    for (const cell of row.slice(0, 5)) expect(cell, row.join(',')).not.toMatch(/^\d+$/)
  }
  return rows
}

/** Each masked figure of a report by what it is (partner step, country tier, situation…), for comparing periods. */
function figureMap(result: FiguresReport): Map<string, MaskedFigure> {
  const map = new Map<string, MaskedFigure>()
  for (const partner of result.partners) {
    for (const [step, figure] of Object.entries(partner.steps)) map.set(`partner ${partner.id} ${step}`, figure)
    result.questions.forEach((question, at) => {
      map.set(`partner ${partner.id} reached:${question}`, partner.reached[at] ?? { withheld: true })
    })
  }
  for (const country of result.countries?.rows ?? []) {
    for (const [step, figure] of Object.entries(country.steps)) map.set(`country ${country.code} ${step}`, figure)
    result.countries?.tiers.forEach((tier, at) => {
      map.set(`country ${country.code} ${tier}`, country.tiers[at] ?? { withheld: true })
    })
    map.set(`country ${country.code} results`, country.results)
  }
  return map
}

describe('figuresPeriod', () => {
  it('counts a week in the month of its Thursday, so months do not share weeks', () => {
    expect(NOVEMBER).toMatchObject({
      kind: 'month',
      label: 'November 2026',
      firstWeek: '2026-W45',
      lastWeek: '2026-W48',
      months: ['2026-11'],
    })
    expect(Q4).toMatchObject({ kind: 'quarter', months: ['2026-10', '2026-11', '2026-12'], firstWeek: '2026-W40', lastWeek: '2026-W53' })
    expect(monthOfWeek('2026-W44')).toBe('2026-10')
    expect(monthOfWeek('2026-W49')).toBe('2026-12')
    // 31 December 2026 is a Thursday: its week, which ends on 3 January 2027, belongs to December.
    expect(monthOfWeek('2026-W53')).toBe('2026-12')
    expect(quarterOf(NOVEMBER).id).toBe('2026-Q4')
    expect(figuresPeriod('2026-13')).toBeUndefined()
    expect(figuresPeriod('2026-Q5')).toBeUndefined()
  })

  it('shows a month only once its last week is over and its counts are in', () => {
    expect(lastFullMonth(new Date('2026-12-10T12:00:00Z')).id).toBe('2026-11')
    // December's last week runs to 3 January 2027: on 2 January, November is still the last full month.
    expect(lastFullMonth(new Date('2027-01-02T12:00:00Z')).id).toBe('2026-11')
    expect(lastFullMonth(new Date('2027-01-06T12:00:00Z')).id).toBe('2026-12')
  })
})

describe('figuresReport', () => {
  it('sums a partner’s weeks of the month into its funnel, leaving out weeks of other months', () => {
    const rows = [
      ...['2026-W45', '2026-W46', '2026-W47', '2026-W48'].flatMap((week) => [
        partnerRow('lindenweg', week, 'opened', 100),
        partnerRow('lindenweg', week, 'started', 40),
        partnerRow('lindenweg', week, 'results:national', 10),
        partnerRow('lindenweg', week, 'results:online', 5),
        partnerRow('lindenweg', week, 'contact', 3),
        partnerRow('lindenweg', week, 'urgent', 6),
      ]),
      // Thursdays 29 October and 3 December: not November.
      partnerRow('lindenweg', '2026-W44', 'opened', 1000),
      partnerRow('lindenweg', '2026-W49', 'opened', 1000),
    ]
    const [partner] = report(rows).partners
    expect(partner?.steps).toEqual({
      opened: { count: 400 },
      started: { count: 160 },
      results: { count: 60 },
      contact: { count: 12 },
      urgent: { count: 24 },
    })
  })

  it('withholds the next smallest figure where a row has exactly one hidden, so its total cannot give it back', () => {
    const rows = [
      countryRow('LU', '2026-11', 'results:national', 3),
      countryRow('LU', '2026-11', 'results:online', 40),
      countryRow('LU', '2026-11', 'results:helplines', 12),
      countryRow('LU', '2026-11', 'results:urgent_only', 25),
      countryRow('LU', '2026-11', 'started', 200),
    ]
    const country = report(rows).countries?.rows.find((row) => row.code === 'LU')
    expect(country?.tiers).toEqual([{ fewerThan: 10 }, { count: 40 }, { withheld: true }, { count: 25 }])
    expect(country?.results).toEqual({ count: 80 })
    // urgent and contact (both 0) are hidden; no country counts "started" (its first answer comes before the country).
    expect(country?.steps).toEqual({ urgent: { fewerThan: 10 }, contact: { fewerThan: 10 } })
    expect(country?.allHidden).toBe(false)
    expect(country?.name).toBe('Luxembourg')
  })

  it('gives totals of the cells, hidden like any figure when under 10, and says when a country shows nothing', () => {
    const rows: CounterRow[] = [
      { table: 'country_situation_month', dims: ['DE', '2026-11', 'viewed_images'], event: 'results:national', count: 30 },
      { table: 'country_situation_month', dims: ['DE', '2026-11', 'viewed_images'], event: 'results:online', count: 12 },
      { table: 'country_situation_month', dims: ['DE', '2026-11', 'nothing_happened'], event: 'results:national', count: 25 },
      { table: 'country_situation_month', dims: ['MT', '2026-11', 'nothing_happened'], event: 'results:national', count: 4 },
      { table: 'country_situation_month', dims: ['MT', '2026-11', 'viewed_images'], event: 'results:national', count: 3 },
      countryRow('MT', '2026-11', 'started', 9),
      countryRow('MT', '2026-11', 'results:national', 7),
    ]
    const countries = report(rows).countries
    expect(countries?.situations.columns).toEqual(['nothing_happened', 'viewed_images'])
    expect(countries?.situations.rows.map((row) => [row.code, row.cells, row.total, row.allHidden])).toEqual([
      ['DE', [{ count: 25 }, { count: 42 }], { count: 67 }, false],
      ['MT', [{ fewerThan: 10 }, { fewerThan: 10 }], { fewerThan: 10 }, true],
    ])
    expect(countries?.rows.find((row) => row.code === 'MT')?.allHidden).toBe(true)
  })

  it('over a quarter, withholds a figure shown in some months and hidden in others (the quarter minus the months would give it)', () => {
    const months = { '2026-10': [12, 40, 20, 30], '2026-11': [3, 40, 20, 30], '2026-12': [15, 40, 20, 30] }
    const rows = Object.entries(months).flatMap(([month, counts]) =>
      TIERS.map((tier, at) => countryRow('AT', month, tier, counts[at] ?? 0)),
    )
    const quarter = report(rows, { period: Q4 }).countries?.rows[0]
    expect(quarter?.tiers).toEqual([{ withheld: true }, { count: 120 }, { withheld: true }, { count: 90 }])
    expect(quarter?.results).toEqual({ count: 300 })
    // Months that are all hidden add up to a figure the quarter may show.
    const small = Object.keys(months).flatMap((month) => [countryRow('CY', month, 'urgent', 4)])
    expect(report(small, { period: Q4 }).countries?.rows[0]?.steps.urgent).toEqual({ count: 12 })
  })

  it('an editor’s report holds only the listed partners, and nothing by country', () => {
    const rows = [
      partnerRow('lindenweg', '2026-W46', 'started', 50),
      partnerRow('other', '2026-W46', 'started', 70),
      partnerRow('(web)', '2026-W46', 'started', 90),
      countryRow('DE', '2026-11', 'started', 120),
    ]
    const editor = report(rows, { otherPartners: false, countries: false })
    expect(editor.partners.map((partner) => partner.id)).toEqual(['lindenweg'])
    expect(editor.countries).toBeUndefined()
    expect(figuresCsv(editor)).not.toMatch(/other|web|DE|120|70|90/)
    const admin = report(rows)
    expect(admin.partners.map((partner) => [partner.id, partner.name])).toEqual([
      ['lindenweg', 'Lindenweg Helpline'],
      ['(web)', "Helpfinder's own web pages"],
      ['other', 'other (not in the directory)'],
    ])
  })

  it('orders the questions as the flow asks them, then any other counted, and finds the flow’s order itself', () => {
    const rows = [partnerRow('lindenweg', '2026-W46', 'reached:zeta', 20), partnerRow('lindenweg', '2026-W46', 'reached:country', 20)]
    expect(report(rows).questions).toEqual([...QUESTIONS, 'zeta'])
    expect(questionOrder(loadFlow())).toEqual(['age', 'country', 'language', 'stage', 'channels', 'anonymity'])
  })
})

describe('no figure under 10 leaves the report', () => {
  // Every count from 0 to 30, for partners, countries, situations and languages: the boundary and both sides of it.
  const counts = Array.from({ length: 31 }, (_, count) => count)
  const rows: CounterRow[] = counts.flatMap((count, at) => {
    const country = COUNTRIES[at] ?? 'AT'
    const partner = `partner-${count}`
    return [
      ...EVENTS.map((event, shift) => partnerRow(partner, '2026-W46', event, (count + shift) % 31)),
      ...['started', 'urgent', 'contact', ...TIERS].map((event, shift) => countryRow(country, '2026-11', event, (count * 7 + shift) % 31)),
      ...['viewed_images', 'nothing_happened', 'proceedings'].map(
        (situation, shift): CounterRow => ({
          table: 'country_situation_month',
          dims: [country, '2026-11', situation],
          event: 'results:national',
          count: (count + shift * 11) % 31,
        }),
      ),
      ...['de', 'fr', 'en'].map(
        (language, shift): CounterRow => ({
          table: 'country_language_month',
          dims: [country, '2026-11', language],
          event: 'results:online',
          count: (count * 3 + shift) % 31,
        }),
      ),
    ]
  })
  const partners = counts.map((count) => ({ id: `partner-${count}`, name: `Partner ${'ABCDEFGHIJKLMNOPQRSTUVWXYZabcde'[count]}` }))
  const full = report(rows, { partners })

  it('in the report: every shown count is 10 or more, and small ones are hidden', () => {
    const figures = figuresIn(full)
    expect(figures.length).toBeGreaterThan(31 * 20)
    for (const figure of figures) if ('count' in figure) expect(figure.count).toBeGreaterThanOrEqual(10)
    expect(figures.filter((figure) => 'fewerThan' in figure).length).toBeGreaterThan(100)
    expect(figures.filter((figure) => 'withheld' in figure).length).toBeGreaterThan(0)
    expect(figures.filter((figure) => 'count' in figure).length).toBeGreaterThan(100)
  })

  it('in the CSV: each figure cell is 10 or more, "fewer than 10" or "withheld"', () => {
    const csvRows = expectMaskedCsv(figuresCsv(full))
    expect(new Set(csvRows.map((row) => row[0]))).toEqual(
      new Set(['partner_funnel', 'partner_questions', 'country', 'country_situation', 'country_language']),
    )
    expect(csvRows.length).toBe(figuresIn(full).length)
  })

  it('in every partner’s summary: no number under 10', () => {
    for (const partner of partners) {
      const summary = figuresSummary(full, partner.id) ?? ''
      expect(summary).toContain(`In November 2026, Helpfinder on ${partner.name}'s site was opened`)
      for (const number of numbersIn(summary)) expect(number, summary).toBeGreaterThanOrEqual(10)
    }
    expect(figuresSummary(full, 'partner-3')).toMatch(/was opened fewer than 10 times; fewer than 10 conversations started/)
    expect(figuresSummary(full, 'nobody')).toBeUndefined()
  })

  it('for any rows, in a month and in a quarter; a quarter never shows a figure its months show only in part', () => {
    const row = fc.oneof(
      fc.record({
        table: fc.constant('partner_week' as const),
        dims: fc.tuple(fc.constantFrom('lindenweg', '(web)'), fc.constantFrom('2026-W41', '2026-W45', '2026-W47', '2026-W50', '2026-W53')),
        event: fc.constantFrom(...EVENTS),
        count: fc.nat({ max: 30 }),
      }),
      fc.record({
        table: fc.constant('country_month' as const),
        dims: fc.tuple(fc.constantFrom('DE', 'LU', 'MT'), fc.constantFrom('2026-10', '2026-11', '2026-12')),
        event: fc.constantFrom('started', 'urgent', 'contact', ...TIERS),
        count: fc.nat({ max: 30 }),
      }),
    )
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (generated) => {
        const rows: CounterRow[] = generated.map((entry) => ({ ...entry, dims: [...entry.dims] }))
        const byMonth = Q4.months.map((month) => figureMap(report(rows, { period: period(month) })))
        const quarter = report(rows, { period: Q4 })
        for (const result of [quarter, report(rows)]) {
          for (const figure of figuresIn(result)) if ('count' in figure) expect(figure.count).toBeGreaterThanOrEqual(10)
          expectMaskedCsv(figuresCsv(result))
          for (const number of numbersIn(figuresSummary(result, 'lindenweg') ?? '')) expect(number).toBeGreaterThanOrEqual(10)
        }
        for (const [key, figure] of figureMap(quarter)) {
          if (!('count' in figure)) continue
          const shownIn = byMonth.filter((month) => {
            const monthly = month.get(key)
            return monthly !== undefined && 'count' in monthly
          }).length
          expect([0, 3], key).toContain(shownIn)
        }
      }),
      { numRuns: 300 },
    )
  })
})

describe('the CSV', () => {
  it('keeps a partner’s name from running as a formula in a spreadsheet, and says the period', () => {
    const csv = figuresCsv(
      report([partnerRow('lindenweg', '2026-W46', 'started', 50)], { partners: [{ id: 'lindenweg', name: '=HYPERLINK("x")' }] }),
    )
    const rows = expectMaskedCsv(csv)
    expect(rows.find((row) => row[4] === 'started')).toEqual([
      'partner_funnel',
      '2026-11',
      'lindenweg',
      `'=HYPERLINK("x")`,
      'started',
      '50',
    ])
  })
})
