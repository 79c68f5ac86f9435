import type { CountedService, CoverageReport } from '../../curation/computeCoverage'
import { urgentCell } from '../../curation/coverageText'

/**
 * The report's gaps as tables: countries with no national service shown, records on file whose contact is not
 * confirmed, target groups with no service (national or online-only) by country, and missing urgent-help numbers.
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
  const heldBack = noNational.filter((country) => country.nationalUnconfirmed.length > 0)
  const unconfirmed = report.countries.filter((country) => country.nationalUnconfirmed.length + country.onlineUnconfirmed.length > 0)
  const missingUrgent = report.countries.filter((country) => country.urgentMissing.length > 0)
  const linked = (services: CountedService[]) =>
    services.map((service, at) => (
      <>
        {at > 0 && ', '}
        <a href={`/admin/records/${service.id}`}>{service.name}</a>
      </>
    ))
  return (
    <>
      <h2 id="gaps">Countries with no national service shown</h2>
      <p id="no-national-count">{`${noNational.length} of ${total} countries have no active national service shown; ${heldBack.length} of them have one on file whose contact is not confirmed.`}</p>
      {noNational.length > 0 && (
        <table id="no-national">
          <thead>
            <tr>
              <th scope="col">Country</th>
              <th scope="col">On file, contact not confirmed</th>
              <th scope="col">Online-only services in its official languages</th>
              <th scope="col">Target groups with no service shown</th>
            </tr>
          </thead>
          <tbody>
            {noNational.map((country) => (
              <tr id={`no-national-${country.code}`}>
                <th scope="row">{`${country.name} (${country.code})`}</th>
                <td>{country.nationalUnconfirmed.length === 0 ? '—' : linked(country.nationalUnconfirmed)}</td>
                <td>
                  {country.onlineOnly.length > 0
                    ? country.onlineOnly.map((service) => service.name).join(', ')
                    : country.onlineUnconfirmed.length > 0
                      ? ['none shown; on file, contact not confirmed: ', ...linked(country.onlineUnconfirmed)]
                      : <span class="tag stale">none</span>}
                </td>
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
      <h2 id="unconfirmed">On file, contact not confirmed</h2>
      <p class="hint">Active prevention records with no website and no contact: a person is never shown them. Find a contact or the operator's page about the service.</p>
      {unconfirmed.length === 0 ? (
        <p>None.</p>
      ) : (
        <table id="unconfirmed-services">
          <caption class="hint">{`${unconfirmed.length} of ${total} countries have records on file whose contact is not confirmed.`}</caption>
          <thead>
            <tr>
              <th scope="col">Country</th>
              <th scope="col">National</th>
              <th scope="col">Online, in its official languages</th>
            </tr>
          </thead>
          <tbody>
            {unconfirmed.map((country) => (
              <tr id={`unconfirmed-${country.code}`}>
                <th scope="row">{`${country.name} (${country.code})`}</th>
                <td>{country.nationalUnconfirmed.length === 0 ? '—' : linked(country.nationalUnconfirmed)}</td>
                <td>{country.onlineUnconfirmed.length === 0 ? '—' : linked(country.onlineUnconfirmed)}</td>
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
        <p>Every country has every expected urgent-help number on file (emergency, child helpline, crisis line; 116 000 in EU member states).</p>
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
                <td>{urgentCell(country)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
