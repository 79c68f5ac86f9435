import type { CoverageReport } from '../../curation/computeCoverage'
import { countCell, groupCell, languagesCell, urgentCell } from '../../curation/coverageText'
import { ConsoleTable } from '../shared/ConsoleTable'

/**
 * The report's table, one row per country, with the same cells as the text and HTML reports
 * (coverageText's cell helpers), so the three never read differently.
 * @example <DashboardCoverageTable report={report} />
 */
export function DashboardCoverageTable(props: { report: CoverageReport }) {
  const { report } = props
  return (
    <>
      <h2 id="coverage">Coverage by country</h2>
      {/* Wider than a narrow window: focusable so keyboard users can scroll it (axe: scrollable-region-focusable). */}
      {/* biome-ignore lint/a11y/useSemanticElements: a scrolling box named by its heading, not a section of the page */}
      <div class="scroll" tabindex={0} role="region" aria-labelledby="coverage">
        <ConsoleTable
          id="coverage-table"
          class="coverage"
          caption={
            <>
              National: the country is among the record's countries. Online-only: reachable online, not national, and in one of the
              country's official languages. Target-group cells read national+online-only; a zero is marked. "0 (+1 unconfirmed)": none
              shown, one record on file whose contact is not confirmed. Languages marked "inferred" are not stated by a source.
            </>
          }
          headings={[
            'Country',
            'National',
            'Online-only',
            ...report.targetGroups.map((group) => group.heading),
            'Languages',
            'Urgent numbers',
            'Stale',
            'Never checked',
          ]}
          items={report.countries}
          row={(country) => (
            <tr id={`coverage-${country.code}`}>
              <th scope="row">{`${country.name} (${country.code})`}</th>
              <td class={country.national.length === 0 ? 'num none' : 'num'}>{countCell(country.national, country.nationalUnconfirmed)}</td>
              <td class="num">{countCell(country.onlineOnly, country.onlineUnconfirmed)}</td>
              {report.targetGroups.map((group) => {
                const counts = country.targetGroups[group.id]
                return <td class={!counts || counts.national + counts.online === 0 ? 'num none' : 'num'}>{groupCell(counts)}</td>
              })}
              <td>{languagesCell(country)}</td>
              <td class={country.urgentMissing.length === 0 ? undefined : 'none'}>{urgentCell(country)}</td>
              <td class="num">{country.stale.length}</td>
              <td class="num">{country.neverChecked.length}</td>
            </tr>
          )}
        />
      </div>
    </>
  )
}
