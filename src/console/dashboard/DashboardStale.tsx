import type { CoverageReport } from '../../curation/computeCoverage'
import { ConsoleTable } from '../shared/ConsoleTable'
import { RecordCell } from './RecordCell'
import { UrgentLinesTable } from './UrgentLinesTable'

interface CountedRow {
  id: string
  name: string
  /** The report's countries that count this service (nationally or online-only). */
  countries: string[]
}

interface StaleService extends CountedRow {
  lastChecked: string
}

/**
 * The report's stale records: its counted services flagged stale (one row each, linked to the
 * record) and the urgent-help lines among each country's stale records. Then, apart from them, the
 * services and urgent lines no one has checked yet: they are not "over 12 months", they are unchecked.
 * @example <DashboardStale report={report} allStale={12} allNever={40} />
 */
export function DashboardStale(props: { report: CoverageReport; allStale: number; allNever: number }) {
  const services = staleServices(props.report)
  const lines = staleUrgentLines(props.report)
  const neverServices = neverCheckedServices(props.report)
  const neverLines = neverCheckedUrgentLines(props.report)
  return (
    <>
      <h2 id="stale">Not checked for 12 months</h2>
      <p class="hint">
        The services the report counts whose last check is more than 12 months before {props.report.today}. Open one, compare it with its
        sources, then tick "I compared this record with its sources today" and save, or confirm it as checked.
      </p>
      <p>
        <a href="/admin/records?checked=stale">{`All records not checked for 12 months (${props.allStale}), including doubtful and closed ones and helplines`}</a>
      </p>
      <ConsoleTable
        id="stale-services"
        caption={`${services.length} counted service(s) not checked for 12 months`}
        headings={['Service', 'Last checked', 'Counted in']}
        items={services}
        empty={<p>No counted service is stale.</p>}
        row={(service) => (
          <tr id={`stale-${service.id}`}>
            <RecordCell id={service.id} name={service.name} />
            <td>
              {service.lastChecked} <span class="tag stale">over 12 months</span>
            </td>
            <td>{service.countries.join(', ')}</td>
          </tr>
        )}
      />
      <h3>Urgent-help lines not checked for 12 months</h3>
      <UrgentLinesTable
        id="stale-urgent"
        caption="Urgent-help numbers are kept in data/urgent-help.json, not edited in the console."
        lines={lines}
        withLastChecked
      />
      <h2 id="never">Never checked against their sources</h2>
      <p class="hint">
        {`${neverServices.length} counted service(s) and ${neverLines.length} urgent-help line(s) that no one has compared with their sources yet (an import is not a check). Open one, compare it with its sources, then tick "I compared this record with its sources today" and save, or confirm it as checked.`}
      </p>
      <p>
        <a href="/admin/records?checked=never">{`All records never checked (${props.allNever}), including doubtful and closed ones and helplines`}</a>
      </p>
      <ConsoleTable
        id="never-services"
        caption={`${neverServices.length} counted service(s) never checked`}
        headings={['Service', 'Counted in']}
        items={neverServices}
        empty={<p>Every counted service has been checked.</p>}
        row={(service) => (
          <tr id={`never-${service.id}`}>
            <RecordCell id={service.id} name={service.name} />
            <td>{service.countries.join(', ')}</td>
          </tr>
        )}
      />
      <h3>Urgent-help lines never checked</h3>
      <UrgentLinesTable
        id="never-urgent"
        caption={`${neverLines.length} urgent-help line(s) never checked. They are kept in data/urgent-help.json, not edited in the console.`}
        lines={neverLines}
      />
    </>
  )
}

/** Counted services flagged stale by the report, once each, with the countries counting them. */
function staleServices(report: CoverageReport): StaleService[] {
  const byId = new Map<string, StaleService>()
  for (const country of report.countries) {
    for (const service of [...country.national, ...country.onlineOnly]) {
      if (!service.stale || service.lastChecked === null) continue
      const row = byId.get(service.id) ?? { id: service.id, name: service.name, lastChecked: service.lastChecked, countries: [] }
      row.countries.push(country.code)
      byId.set(service.id, row)
    }
  }
  return [...byId.values()].sort((a, b) => a.lastChecked.localeCompare(b.lastChecked) || a.name.localeCompare(b.name, 'en'))
}

/**
 * A country's stale list holds its stale counted services and its stale urgent lines; taking the
 * services away (by name and date) leaves the lines, without applying the staleness rule again.
 */
function staleUrgentLines(report: CoverageReport): Array<{ country: string; name: string; lastChecked: string }> {
  return report.countries.flatMap((country) => {
    const services = [...country.national, ...country.onlineOnly]
      .filter((service) => service.stale)
      .map((service) => `${service.name}\n${service.lastChecked}`)
    return country.stale.flatMap((record) => {
      const at = services.indexOf(`${record.name}\n${record.lastChecked}`)
      if (at >= 0) {
        services.splice(at, 1)
        return []
      }
      return [{ country: `${country.name} (${country.code})`, name: record.name, lastChecked: record.lastChecked }]
    })
  })
}

/** Counted services no one has checked yet, once each, with the countries counting them. */
function neverCheckedServices(report: CoverageReport): CountedRow[] {
  const byId = new Map<string, CountedRow>()
  for (const country of report.countries) {
    for (const service of [...country.national, ...country.onlineOnly]) {
      if (service.check !== 'never') continue
      const row = byId.get(service.id) ?? { id: service.id, name: service.name, countries: [] }
      row.countries.push(country.code)
      byId.set(service.id, row)
    }
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'en'))
}

/** Each country's urgent lines no one has checked yet. */
function neverCheckedUrgentLines(report: CoverageReport): Array<{ country: string; name: string }> {
  return report.countries.flatMap((country) =>
    country.neverChecked
      .filter((entry) => entry.urgent)
      .map((entry) => ({ country: `${country.name} (${country.code})`, name: entry.name })),
  )
}
