import type { CountedService, CoverageReport } from '../../curation/computeCoverage'
import { urgentCell } from '../../curation/coverageText'
import { ConsoleTable } from '../shared/ConsoleTable'

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
      <ConsoleTable
        id="no-national"
        headings={[
          'Country',
          'On file, contact not confirmed',
          'Online-only services in its official languages',
          'Target groups with no service shown',
        ]}
        items={noNational}
        empty={null}
        row={(country) => (
          <tr id={`no-national-${country.code}`}>
            <th scope="row">{`${country.name} (${country.code})`}</th>
            <td>{country.nationalUnconfirmed.length === 0 ? '—' : linked(country.nationalUnconfirmed)}</td>
            <td>
              {country.onlineOnly.length > 0 ? (
                country.onlineOnly.map((service) => service.name).join(', ')
              ) : country.onlineUnconfirmed.length > 0 ? (
                ['none shown; on file, contact not confirmed: ', ...linked(country.onlineUnconfirmed)]
              ) : (
                <span class="tag stale">none</span>
              )}
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
        )}
      />
      <h2 id="unconfirmed">On file, contact not confirmed</h2>
      <p class="hint">
        Active prevention records with no website and no contact: a person is never shown them. Find a contact or the operator's page about
        the service.
      </p>
      <ConsoleTable
        id="unconfirmed-services"
        caption={`${unconfirmed.length} of ${total} countries have records on file whose contact is not confirmed.`}
        headings={['Country', 'National', 'Online, in its official languages']}
        items={unconfirmed}
        empty={<p>None.</p>}
        row={(country) => (
          <tr id={`unconfirmed-${country.code}`}>
            <th scope="row">{`${country.name} (${country.code})`}</th>
            <td>{country.nationalUnconfirmed.length === 0 ? '—' : linked(country.nationalUnconfirmed)}</td>
            <td>{country.onlineUnconfirmed.length === 0 ? '—' : linked(country.onlineUnconfirmed)}</td>
          </tr>
        )}
      />
      <h2>Target groups with no service in a country</h2>
      <p class="hint">Neither a national service nor an online-only one in the country's official languages serves the group there.</p>
      <ConsoleTable
        id="group-gaps"
        headings={['Target group', 'Countries', 'Countries with no service']}
        items={groupGaps}
        row={({ group, countries }) => (
          <tr id={`group-gap-${group.id}`}>
            <th scope="row">{group.heading}</th>
            <td class="num">{`${countries.length} of ${total}`}</td>
            <td>{countries.map((country) => `${country.name} (${country.code})`).join(', ') || '—'}</td>
          </tr>
        )}
      />
      <h2>Urgent-help numbers missing</h2>
      <ConsoleTable
        id="urgent-gaps"
        caption={`${missingUrgent.length} of ${total} countries miss at least one urgent-help number.`}
        headings={['Country', 'Missing']}
        items={missingUrgent}
        empty={
          <p>
            Every country has every expected urgent-help number on file (emergency, child helpline, crisis line; 116 000 in EU member
            states).
          </p>
        }
        row={(country) => (
          <tr id={`urgent-gap-${country.code}`}>
            <th scope="row">{`${country.name} (${country.code})`}</th>
            <td>{urgentCell(country)}</td>
          </tr>
        )}
      />
    </>
  )
}
