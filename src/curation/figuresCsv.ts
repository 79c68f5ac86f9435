import { stringify } from 'csv-stringify/sync'
import { type MaskedFigure, SMALL_FIGURE } from '../core/figures/maskSmall'
import { figureText } from './figureText'
import { COUNTRY_STEPS, FUNNEL_STEPS, type FiguresReport } from './figuresReport'
import { guardFormula } from './formulaGuard'

const HEADER = ['table', 'period', 'id', 'name', 'measure', 'figure']

/**
 * The masked report as one long CSV, a row per figure, so a spreadsheet can pivot it: which table,
 * the period, the partner or country (id and name), what is counted, and the figure: a whole number
 * of 10 or more, "fewer than 10" or "withheld", exactly as the page shows it. Text cells a
 * spreadsheet would run as a formula start with `'` (formulaGuard); a partner's name is curators' text.
 * @example c.body(figuresCsv(report), 200, { 'Content-Type': 'text/csv; charset=utf-8' })
 */
export function figuresCsv(report: FiguresReport): string {
  const period = report.period.id
  const rows: string[][] = []
  const add = (table: string, id: string, name: string, figures: Array<[measure: string, figure: MaskedFigure | undefined]>) => {
    for (const [measure, figure] of figures) {
      rows.push([...[table, period, id, name, measure].map(guardFormula), figureCell(figure ?? { withheld: true })])
    }
  }
  for (const partner of report.partners) {
    add(
      'partner_funnel',
      partner.id,
      partner.name,
      FUNNEL_STEPS.map((step) => [step, partner.steps[step]]),
    )
    add(
      'partner_questions',
      partner.id,
      partner.name,
      report.questions.map((question, at) => [`reached:${question}`, partner.reached[at]]),
    )
  }
  const countries = report.countries
  if (countries) {
    for (const country of countries.rows) {
      add('country', country.code, country.name, [
        ...COUNTRY_STEPS.map((step): [string, MaskedFigure] => [step, country.steps[step]]),
        ...countries.tiers.map((tier, at): [string, MaskedFigure | undefined] => [`results:${tier}`, country.tiers[at]]),
        ['results', country.results],
      ])
    }
    for (const [table, breakdown] of [
      ['country_situation', countries.situations],
      ['country_language', countries.languages],
    ] as const) {
      for (const row of breakdown.rows) {
        add(table, row.code, row.name, [
          ...breakdown.columns.map((column, at): [string, MaskedFigure | undefined] => [column, row.cells[at]]),
          ['total', row.total],
        ])
      }
    }
  }
  return stringify([HEADER, ...rows], { record_delimiter: 'windows', quoted_match: /[\r\n]/, bom: false })
}

/** A shown figure as a plain number for spreadsheets (no thousands separator); a hidden one as the page words it. */
function figureCell(figure: MaskedFigure): string {
  return 'count' in figure && figure.count >= SMALL_FIGURE ? String(figure.count) : figureText(figure)
}
