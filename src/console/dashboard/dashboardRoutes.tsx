import { Hono } from 'hono'
import officialLanguagesFile from '../../../data/official-languages.json'
import { computeCoverage, OfficialLanguagesFileSchema } from '../../curation/computeCoverage'
import type { AdminDeps, AdminEnv } from '../shared/adminEnv'
import { consolePage } from '../shared/consolePage'
import { DashboardPage } from './DashboardPage'
import { RecordFiltersSchema, filterRecords } from '../records/recordFilters'

/** The same official languages `npm run data:coverage` reads, validated once. */
const officialLanguages = OfficialLanguagesFileSchema.parse(officialLanguagesFile).countries

/**
 * GET /admin/dashboard: the coverage report of `npm run data:coverage`, computed on the live
 * directory for today, shown as the tables a curator works from (stale, doubtful, gaps).
 * @example app.route('/', dashboardRoutes(deps)) // GET /admin/dashboard
 */
export function dashboardRoutes(deps: Pick<AdminDeps, 'directory' | 'now'>) {
  const app = new Hono<AdminEnv>()

  app.get('/dashboard', async (c) => {
    const data = await deps.directory.load()
    const today = deps.now()
    const report = computeCoverage({ data, officialLanguages, today })
    // The record list's own filter, so the number here is the number the linked list shows.
    const countChecked = (checked: 'stale' | 'never') =>
      filterRecords(data.initiatives, RecordFiltersSchema.parse({ checked }), c.get('curator'), today.getTime()).length
    const allStale = countChecked('stale')
    const allNever = countChecked('never')
    const doubtful = data.initiatives.filter((record) => record.status === 'doubtful').sort((a, b) => a.name.localeCompare(b.name, 'en'))
    return consolePage(
      c,
      { title: 'Staleness and coverage', section: '/admin/dashboard' },
      <DashboardPage report={report} doubtful={doubtful} allStale={allStale} allNever={allNever} />,
    )
  })

  return app
}
