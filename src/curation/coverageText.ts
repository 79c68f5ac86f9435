import type { CountedService, CountryCoverage, CoverageReport } from './computeCoverage'
import { coverageColumns } from './coverageColumns'
import { urgentKindWords } from './expectedUrgentKinds'

/**
 * The coverage report as plain text: one row per country, then stale and never-checked records, gaps and a summary.
 * @example process.stdout.write(coverageText(computeCoverage({ data, officialLanguages, today })))
 */
export function coverageText(report: CoverageReport): string {
  const header = coverageColumns(report).map((column) => column.short)
  const rows = report.countries.map((country) => [
    `${country.name} (${country.code})`,
    countCell(country.national, country.nationalUnconfirmed),
    countCell(country.onlineOnly, country.onlineUnconfirmed),
    ...report.targetGroups.map((group) => groupCell(country.targetGroups[group.id])),
    languagesCell(country),
    urgentCell(country),
    String(country.stale.length),
    String(country.neverChecked.length),
  ])
  // Counts are right-aligned: national, online, one per target group, stale and never checked (the last two columns).
  const numeric = new Set([
    ...Array.from({ length: 2 + report.targetGroups.length }, (_, index) => index + 1),
    header.length - 2,
    header.length - 1,
  ])
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)))
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (numeric.has(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd()
  const stale = report.countries.flatMap((country) =>
    country.stale.map((record) => `${country.name}: ${record.name}, last checked ${record.lastChecked}`),
  )
  const unconfirmed = report.countries.flatMap(unconfirmedLines)
  const never = report.countries.flatMap(neverCheckedLines)
  return [
    `Active prevention services by country, ${report.today}`,
    "Counted: status active, kind prevention, with a website, contact or page about the service. National: the country is in the record's countries.",
    "Online: reachable online, not national, and in one of the country's official languages (data/official-languages.json).",
    `Target groups, national+online: ${report.targetGroups.map((group) => `${group.column} = ${group.heading.toLowerCase()}`).join('; ')}.`,
    'Languages: code and number of services; "(inferred)" when no source states it, "(n inferred)" when n of them are inferred.',
    'National/Online "0 (+1 unconfirmed)": none shown, one active record on file whose contact is not confirmed (no website, contact or page about the service), named below.',
    'Urgent: the expected kinds with no line on file (emergency, child helpline and crisis line everywhere; 116 000 in EU member states).',
    'Stale: counted services and urgent lines last checked more than 12 months ago. Never: those no one has compared with their sources yet.',
    '',
    line(header),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map(line),
    '',
    'On file, contact not confirmed (active records never shown to a person: no website, contact or page about the service)',
    ...(unconfirmed.length > 0 ? unconfirmed.map((entry) => `- ${entry}`) : ['none']),
    '',
    'Stale records (last checked more than 12 months ago)',
    ...(stale.length > 0 ? stale.map((entry) => `- ${entry}`) : ['none']),
    '',
    'Never checked against their sources (counted services and urgent lines; an import is not a check)',
    ...(never.length > 0 ? never.map((entry) => `- ${entry}`) : ['none']),
    '',
    'Gaps',
    ...(report.gaps.length > 0 ? report.gaps.map((gap) => `- ${gap.text}`) : ['none']),
    '',
    'Summary',
    report.summary,
    '',
  ].join('\n')
}

/** "2+1": national + online-only services for one target group. */
export function groupCell(counts: { national: number; online: number } | undefined): string {
  if (!counts) return '?'
  return counts.online > 0 ? `${counts.national}+${counts.online}` : String(counts.national)
}

/** "de 3 (2 inferred), en 1": the languages cell, shared with the HTML page. */
export function languagesCell(country: CountryCoverage): string {
  const cells = country.languages.map(({ code, count, inferred }) => {
    const note = inferred === 0 ? '' : inferred === count ? ' (inferred)' : ` (${inferred} inferred)`
    return `${code} ${count}${note}`
  })
  if (country.languageNotRecorded > 0) cells.push(`not recorded ${country.languageNotRecorded}`)
  return cells.length > 0 ? cells.join(', ') : '-'
}

/** "0 (+1 unconfirmed)": services shown, plus active records on file whose contact is not confirmed. */
export function countCell(shown: CountedService[], unconfirmed: CountedService[]): string {
  return unconfirmed.length > 0 ? `${shown.length} (+${unconfirmed.length} unconfirmed)` : String(shown.length)
}

/** "Sweden: on file, contact not confirmed: PrevenTell": one line per country and reach, shared with the HTML page. */
export function unconfirmedLines(country: CountryCoverage): string[] {
  const names = (services: CountedService[]) => services.map((service) => service.name).join(', ')
  return [
    ...(country.nationalUnconfirmed.length > 0
      ? [`${country.name}: on file, contact not confirmed: ${names(country.nationalUnconfirmed)}`]
      : []),
    ...(country.onlineUnconfirmed.length > 0
      ? [`${country.name} (online, in its official languages): on file, contact not confirmed: ${names(country.onlineUnconfirmed)}`]
      : []),
  ]
}

/** "all on file" only when every expected kind is there, else "no crisis line, no 116 000": shared with the HTML page and the console. */
export function urgentCell(country: CountryCoverage): string {
  return country.urgentMissing.length === 0
    ? 'all on file'
    : country.urgentMissing.map((kind) => `no ${urgentKindWords(kind).short}`).join(', ')
}

/** "Germany: services Kein Täter werden; urgent lines Emergency": one line per country, shared with the HTML page. */
export function neverCheckedLines(country: CountryCoverage): string[] {
  const services = country.neverChecked.filter((entry) => !entry.urgent).map((entry) => entry.name)
  const lines = country.neverChecked.filter((entry) => entry.urgent).map((entry) => entry.name)
  const parts = [
    ...(services.length > 0 ? [`services ${services.join(', ')}`] : []),
    ...(lines.length > 0 ? [`urgent lines ${lines.join(', ')}`] : []),
  ]
  return parts.length > 0 ? [`${country.name}: ${parts.join('; ')}`] : []
}
