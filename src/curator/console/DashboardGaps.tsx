import type { CoverageReport } from '../../curation/computeCoverage'
import { urgentCell } from '../../curation/coverageText'

/**
 * The report's gaps as tables: countries with no national service, target groups with no service
 * (national or online-only) by country, and missing urgent-help numbers.
 * @example <DashboardGaps report={report} />
 */
export function DashboardGaps(props: { report: CoverageReport }) {
  const { report } = props
  const total = report.countries.length
  const noNational = report.countries.filter((country) => country.national.length === 0)
  const groupGaps = report.targetGroups.map((group) => ({
    group,
    countries: report.countries.filter((country) => {
      const counts = country.targetGroups[group.id]
      return !counts || counts.national + counts.online === 0
    }),
  }))
  const missingUrgent = report.countries.filter((country) => !(country.urgent.emergency && country.urgent.child_helpline && country.urgent.crisis))
  return (
    <>
      <h2 id="gaps">Countries with no national service</h2>
      <p id="no-national-count">{`${noNational.length} of ${total} countries have no active national service.`}</p>
      {noNational.length > 0 && (
        <table id="no-national">
          <thead>
            <tr>
              <th scope="col">Country</th>
              <th scope="col">Online-only services in its official languages</th>
              <th scope="col">Target groups with no service at all</th>
            </tr>
          </thead>
          <tbody>
            {noNational.map((country) => (
              <tr id={`no-national-${country.code}`}>
                <th scope="row">{`${country.name} (${country.code})`}</th>
                <td>{country.onlineOnly.length === 0 ? <span class="tag stale">none</span> : country.onlineOnly.map((service) => service.name).join(', ')}</td>
                <td>
                  {report.targetGroups
                    .filter((group) => {
                      const counts = country.targetGroups[group.id]
                      return !counts || counts.national + counts.online === 0
                    })
                    .map((group) => group.heading)
                    .join(', ') || '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Target groups with no service in a country</h2>
      <p class="hint">Neither a national service nor an online-only one in the country's official languages serves the group there.</p>
      <table id="group-gaps">
        <thead>
          <tr>
            <th scope="col">Target group</th>
            <th scope="col">Countries</th>
            <th scope="col">Countries with no service</th>
          </tr>
        </thead>
        <tbody>
          {groupGaps.map(({ group, countries }) => (
            <tr id={`group-gap-${group.id}`}>
              <th scope="row">{group.heading}</th>
              <td class="num">{`${countries.length} of ${total}`}</td>
              <td>{countries.map((country) => `${country.name} (${country.code})`).join(', ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Urgent-help numbers missing</h2>
      {missingUrgent.length === 0 ? (
        <p>Every country has an emergency number, a child helpline and a crisis line on file.</p>
      ) : (
        <table id="urgent-gaps">
          <caption class="hint">{`${missingUrgent.length} of ${total} countries miss at least one urgent-help number.`}</caption>
          <thead>
            <tr>
              <th scope="col">Country</th>
              <th scope="col">Missing</th>
            </tr>
          </thead>
          <tbody>
            {missingUrgent.map((country) => (
              <tr id={`urgent-gap-${country.code}`}>
                <th scope="row">{`${country.name} (${country.code})`}</th>
                <td>{urgentCell(country).replace(/^missing /, '')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
