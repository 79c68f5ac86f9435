import type { CountedService, CountryCoverage, CoverageReport } from './computeCoverage'
import { coverageColumns } from './coverageColumns'
import { countCell, groupCell, languagesCell, neverCheckedLines, unconfirmedLines, urgentCell } from './coverageText'

const STYLE = `
body { font: 16px/1.5 system-ui, sans-serif; color: #1a1a1a; background: #fff; margin: 2rem auto; max-width: 80rem; padding: 0 1rem; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
caption { text-align: left; padding: 0.5rem 0; }
th, td { border: 1px solid #bbb; padding: 0.3rem 0.5rem; vertical-align: top; }
thead th { background: #eef1f5; }
tbody th { text-align: left; white-space: nowrap; }
tbody tr:nth-child(even) { background: #f8f8f8; }
td.languages { min-width: 14rem; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.none { background: #fde8e8; font-weight: bold; }
ul.gaps { columns: 2 28rem; }
`.trim()

/**
 * The coverage report as one self-contained HTML page: inline CSS, no scripts, nothing loaded from elsewhere.
 * @example writeFileSync('coverage/coverage.html', coverageHtml(report))
 */
export function coverageHtml(report: CoverageReport): string {
  const columns = coverageColumns(report).map((column) => column.title)
  const stale = report.countries.flatMap((country) =>
    country.stale.map((record) => `${country.name}: ${record.name}, last checked ${record.lastChecked}`),
  )
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Helpfinder directory coverage, ${escapeHtml(report.today)}</title>
<style>
${STYLE}
</style>
</head>
<body>
<h1>Helpfinder directory coverage</h1>
<div class="scroll">
<table>
<caption>Active prevention services per country. Counted: records with status active, kind prevention and a website, contact or page about the service. National: the country is among the record's countries. Online-only: reachable online, not national, and listing one of the country's official languages. Target-group cells read national+online-only. Languages marked "inferred" are not stated by a source. "0 (+1 unconfirmed)": none shown, one active record on file whose contact is not confirmed (no website, contact or page about the service). Urgent numbers: the expected kinds with no line on file (emergency, child helpline and crisis line everywhere; 116 000 in EU member states). Generated ${escapeHtml(report.today)}.</caption>
<thead><tr>${columns.map((title) => `<th scope="col">${escapeHtml(title)}</th>`).join('')}</tr></thead>
<tbody>
${report.countries.map((country) => countryRow(report, country)).join('\n')}
</tbody>
</table>
</div>
<h2>On file, contact not confirmed</h2>
<p>Active prevention records that are never shown to a person because they give no website, contact or page about the service.</p>
${list(report.countries.flatMap(unconfirmedLines), '')}
<h2>Stale records (last checked more than 12 months ago)</h2>
${list(stale, '')}
<h2>Never checked against their sources</h2>
<p>Counted services and urgent lines no one has compared with their sources yet (an import is not a check).</p>
${list(report.countries.flatMap(neverCheckedLines), '')}
<h2>Gaps</h2>
${list(
  report.gaps.map((gap) => gap.text),
  'gaps',
)}
<h2>Summary</h2>
<p>${escapeHtml(report.summary)}</p>
<h2>Services counted, by country</h2>
${report.countries.map(servicesOf).join('\n')}
</body>
</html>
`
}

function countryRow(report: CoverageReport, country: CountryCoverage): string {
  const number = (count: number, text = String(count)) => `<td class="num${count === 0 ? ' none' : ''}">${escapeHtml(text)}</td>`
  const groups = report.targetGroups.map((group) => {
    const counts = country.targetGroups[group.id]
    return number(counts ? counts.national + counts.online : 0, groupCell(counts))
  })
  return `<tr><th scope="row">${escapeHtml(`${country.name} (${country.code})`)}</th>${number(country.national.length, countCell(country.national, country.nationalUnconfirmed))}<td class="num">${escapeHtml(countCell(country.onlineOnly, country.onlineUnconfirmed))}</td>${groups.join('')}<td class="languages">${escapeHtml(languagesCell(country))}</td>${urgentTd(country)}<td class="num">${country.stale.length}</td><td class="num">${country.neverChecked.length}</td></tr>`
}

function urgentTd(country: CountryCoverage): string {
  const text = urgentCell(country)
  return `<td${country.urgentMissing.length === 0 ? '' : ' class="none"'}>${escapeHtml(text)}</td>`
}

function servicesOf(country: CountryCoverage): string {
  const item = (service: CountedService) =>
    `<li>${escapeHtml(service.name)}, ${service.lastChecked === null ? 'never checked' : `last checked ${escapeHtml(service.lastChecked)}`}${service.stale ? ' (stale)' : ''}${service.sourceUrl ? ` · <a href="${escapeHtml(service.sourceUrl)}">source</a>` : ''}</li>`
  const part = (label: string, services: CountedService[], unconfirmed: CountedService[]) => {
    const held =
      unconfirmed.length > 0
        ? `\n<p>${label}, on file, contact not confirmed: ${escapeHtml(unconfirmed.map((service) => service.name).join(', '))}</p>`
        : ''
    if (services.length > 0) return `<p>${label}:</p>\n<ul>${services.map(item).join('')}</ul>${held}`
    return `<p>${label}: ${unconfirmed.length > 0 ? 'none shown' : 'none'}</p>${held}`
  }
  return `<h3>${escapeHtml(country.name)}</h3>\n${part('National', country.national, country.nationalUnconfirmed)}\n${part('Online-only in its official languages', country.onlineOnly, country.onlineUnconfirmed)}`
}

function list(items: string[], className: string): string {
  if (items.length === 0) return '<p>None.</p>'
  return `<ul${className ? ` class="${className}"` : ''}>\n${items.map((text) => `<li>${escapeHtml(text)}</li>`).join('\n')}\n</ul>`
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}
