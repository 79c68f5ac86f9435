import { type Context, Hono } from 'hono'
import * as z from 'zod'
import { figuresCsv } from '../../curation/figuresCsv'
import { type FiguresPeriod, figuresPeriod, lastFullMonth, recentPeriods } from '../../curation/figuresPeriod'
import { figuresSummary } from '../../curation/figuresSummary'
import type { AdminDeps, AdminEnv } from '../shared/adminEnv'
import { consoleMessagePage } from '../shared/ConsoleMessagePage'
import { consolePage } from '../shared/consolePage'
import { FiguresPage } from './FiguresPage'
import { type FiguresScope, figuresScope } from './figuresScope'
import { loadFiguresReport } from './loadFiguresReport'

const SECTION = '/admin/figures'

/** The query of every figures address: a period ("2026-11", "2026-Q4") and, for a summary, a partner id. */
const FiguresQuerySchema = z.object({
  period: z.string().max(16).optional(),
  partner: z.string().max(64).optional(),
})

/**
 * GET /admin/figures (the page), /admin/figures.csv (the same masked tables as CSV) and
 * /admin/figures/summary?partner=… (a partner's plain-text summary to publish), each for a month
 * or quarter that has ended (default: the last full month). Admins see every table; an editor only
 * the funnel of the partners named as their organisation, and another partner's summary is a 404.
 * @example app.route('/', figuresRoutes(deps))
 */
export function figuresRoutes(deps: Pick<AdminDeps, 'db' | 'directory' | 'now'>) {
  const app = new Hono<AdminEnv>()

  app.get('/figures', (c) =>
    withFigures(c, async (scope, period) => {
      const now = deps.now()
      if (scope.partners.length === 0 && !scope.otherPartners) {
        return consolePage(
          c,
          { title: 'Figures', section: SECTION },
          <>
            <h1>Figures</h1>
            <p class="notice">
              Your account is not linked to a partner, so there are no figures for you here. An editor sees the figures of the partner whose
              name is their organisation; ask an administrator if that should be yours.
            </p>
          </>,
        )
      }
      const report = await loadFiguresReport(deps.db, scope, period)
      return consolePage(
        c,
        { title: `Figures: ${period.label}`, section: SECTION },
        <FiguresPage report={report} periods={recentPeriods(now)} summaries={scope.partners.map((partner) => partner.id)} now={now} />,
      )
    }),
  )

  app.get('/figures.csv', (c) =>
    withFigures(c, async (scope, period) => {
      if (scope.partners.length === 0 && !scope.otherPartners) return c.notFound()
      const report = await loadFiguresReport(deps.db, scope, period)
      return c.body(figuresCsv(report), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="helpfinder-figures-${period.id}.csv"`,
      })
    }),
  )

  app.get('/figures/summary', (c) =>
    withFigures(c, async (scope, period, query) => {
      // Only a partner in the curator's scope: any other (or none) is not found, so its existence is not revealed.
      const partner = scope.partners.find((candidate) => candidate.id === query.partner)
      if (!partner) return c.notFound()
      const report = await loadFiguresReport(deps.db, { partners: [partner], otherPartners: false, countries: false }, period)
      const summary = figuresSummary(report, partner.id)
      if (summary === undefined) return c.notFound()
      return c.text(summary, 200, { 'Content-Type': 'text/plain; charset=utf-8' })
    }),
  )

  /** Reads the query and the curator's scope, refuses a malformed period or one not yet over, and hands on. */
  async function withFigures(
    c: Context<AdminEnv>,
    respond: (scope: FiguresScope, period: FiguresPeriod, query: z.infer<typeof FiguresQuerySchema>) => Promise<Response>,
  ): Promise<Response> {
    const query = FiguresQuerySchema.safeParse(c.req.query())
    const now = deps.now()
    const period = query.success && query.data.period !== undefined ? figuresPeriod(query.data.period) : lastFullMonth(now)
    if (!query.success || !period) {
      return consoleMessagePage(c, 'Not a period', 'Choose a month such as 2026-11, or a quarter such as 2026-Q4.', 400)
    }
    if (period.settledAt > now.getTime()) {
      const from = new Date(period.settledAt).toISOString().slice(0, 10)
      return consoleMessagePage(c, 'Not over yet', `The figures for ${period.label} are shown once it has ended, from ${from}.`, 404)
    }
    const data = await deps.directory.load()
    return respond(figuresScope(c.get('curator'), data.partners), period, query.data)
  }

  return app
}
