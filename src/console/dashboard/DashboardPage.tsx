import type { CoverageReport } from '../../curation/computeCoverage'
import type { Initiative } from '../../core/directory/initiativeSchema'
import { ConsoleTable } from '../shared/ConsoleTable'
import { DashboardCoverageTable } from './DashboardCoverageTable'
import { DashboardGaps } from './DashboardGaps'
import { DashboardStale } from './DashboardStale'
import { RecordCell } from './RecordCell'

/**
 * The staleness dashboard's content: the coverage report (`npm run data:coverage`) as tables,
 * plus the doubtful records, which the report leaves uncounted and a curator has to resolve.
 * @example <DashboardPage report={computeCoverage({ data, officialLanguages, today })} doubtful={doubtful} allStale={12} allNever={40} />
 */
export function DashboardPage(props: { report: CoverageReport; doubtful: Initiative[]; allStale: number; allNever: number }) {
  const { report } = props
  return (
    <>
      <h1>Staleness and coverage</h1>
      <p>
        The report of <code>npm run data:coverage</code>, computed now on the live directory for {report.today}. It counts active prevention
        services with a website or contact in {report.countries.length} countries (the EU member states, GB, NO, CH, US, CA and AU), and
        names the active ones on file whose contact is not confirmed, which a person is never shown; changes made in the console show here
        at once.
      </p>
      <nav aria-label="On this page">
        <ul>
          <li>
            <a href="#stale">Not checked for 12 months</a>
          </li>
          <li>
            <a href="#never">Never checked against their sources</a>
          </li>
          <li>
            <a href="#doubtful">Services marked doubtful</a>
          </li>
          <li>
            <a href="#gaps">Gaps</a>
          </li>
          <li>
            <a href="#unconfirmed">On file, contact not confirmed</a>
          </li>
          <li>
            <a href="#coverage">Coverage by country</a>
          </li>
        </ul>
      </nav>
      <h2>Summary</h2>
      <p id="summary">{report.summary}</p>
      <DashboardStale report={report} allStale={props.allStale} allNever={props.allNever} />
      <h2 id="doubtful">Services marked doubtful</h2>
      <p class="hint">Records with status doubtful are never offered to a person. Check each one and make it active again, or retire it.</p>
      <ConsoleTable
        id="doubtful-services"
        caption={`${props.doubtful.length} record(s) marked doubtful`}
        headings={['Service', 'Kind', 'Countries', 'Last checked', 'Why doubtful']}
        items={props.doubtful}
        empty={<p>None.</p>}
        row={(record) => (
          <tr id={`doubtful-${record.id}`}>
            <RecordCell id={record.id} name={record.name} />
            <td>{record.kind}</td>
            <td>{record.countries.join(', ') || (record.online ? 'online' : '—')}</td>
            <td>
              {record.lastChecked === null ? 'never checked' : `${record.lastChecked}${record.checkedBy ? ` by ${record.checkedBy}` : ''}`}
            </td>
            <td>{record.statusNote ?? '—'}</td>
          </tr>
        )}
      />
      <DashboardGaps report={report} />
      <DashboardCoverageTable report={report} />
    </>
  )
}
