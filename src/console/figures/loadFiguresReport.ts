import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { loadFlow } from '../../app/loadFlow'
import type { FiguresPeriod } from '../../curation/figuresPeriod'
import { type FiguresReport, figuresReport } from '../../curation/figuresReport'
import { createFiguresRepository } from '../../storage/figuresRepository'
import type * as schema from '../../storage/schema'
import type { FiguresScope } from './figuresScope'
import { questionOrder } from './questionOrder'

/** The flow's questions in the order they are asked: the order of the funnel's drop-off. */
const QUESTIONS = questionOrder(loadFlow())

/**
 * The masked report for a period, reading only what the scope allows: the partners' weekly rows
 * (only their own partners' for an editor) and, for admins, the tables by country.
 * @example const report = await loadFiguresReport(deps.db, figuresScope(curator, data.partners), period)
 */
export async function loadFiguresReport(
  db: BetterSQLite3Database<typeof schema>,
  scope: FiguresScope,
  period: FiguresPeriod,
): Promise<FiguresReport> {
  const repository = createFiguresRepository(db)
  const weeks = { from: period.firstWeek, to: period.lastWeek }
  const months = { from: period.months[0], to: period.months.at(-1) }
  const partnerRows = scope.otherPartners
    ? await repository.read('partner_week', weeks)
    : (await Promise.all(scope.partners.map((partner) => repository.read('partner_week', { ...weeks, partner: partner.id })))).flat()
  const countryRows = scope.countries
    ? (
        await Promise.all(
          (['country_month', 'country_situation_month', 'country_language_month'] as const).map((table) => repository.read(table, months)),
        )
      ).flat()
    : []
  return figuresReport({ period, rows: [...partnerRows, ...countryRows], questions: QUESTIONS, ...scope })
}
