import type { CountedService, CountryCoverage, CoverageReport } from './computeCoverage'
import { urgentKindWords } from './expectedUrgentKinds'

/**
 * The coverage report as plain text: one row per country, then stale records, gaps and a summary.
 * @example process.stdout.write(coverageText(computeCoverage({ data, officialLanguages, today })))
 */
export function coverageText(report: CoverageReport): string {
  const header = ['Country', 'National', 'Online', ...report.targetGroups.map((group) => group.column), 'Languages', 'Urgent', 'Stale']
  const rows = report.countries.map((country) => [
    `${country.name} (${country.code})`,
    countCell(country.national, country.nationalUnconfirmed),
    countCell(country.onlineOnly, country.onlineUnconfirmed),
    ...report.targetGroups.map((group) => groupCell(country.targetGroups[group.id])),
    languagesCell(country),
    urgentCell(country),
    String(country.stale.length),
  ])
  // Counts are right-aligned: national, online, one per target group, and stale (the last column).
  const numeric = new Set([...Array.from({ length: 2 + report.targetGroups.length }, (_, index) => index + 1), header.length - 1])
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)))
  const line = (cells: string[]) =>
    cells.map((cell, column) => (numeric.has(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0))).join('  ').trimEnd()
  const stale = report.countries.flatMap((country) => country.stale.map((record) => `${country.name}: ${record.name}, last checked ${record.lastChecked}`))
  const unconfirmed = report.countries.flatMap(unconfirmedLines)
  return [
    `Active prevention services by country, ${report.today}`,
    'Counted: status active, kind prevention, with a website or contact. National: the country is in the record\'s countries.',
    'Online: reachable online, not national, and in one of the country\'s official languages (data/official-languages.json).',
    `Target groups, national+online: ${report.targetGroups.map((group) => `${group.column} = ${group.heading.toLowerCase()}`).join('; ')}.`,
    'Languages: code and number of services; "(inferred)" when no source states it, "(n inferred)" when n of them are inferred.',
    'National/Online "0 (+1 unconfirmed)": none shown, one active record on file whose contact is not confirmed (no website or contact), named below.',
    'Urgent: the expected kinds with no line on file (emergency, child helpline and crisis line everywhere; 116 000 in EU member states).',
    '',
    line(header),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map(line),
    '',
    'On file, contact not confirmed (active records never shown to a person: no website or contact)',
    ...(unconfirmed.length > 0 ? unconfirmed.map((entry) => `- ${entry}`) : ['none']),
    '',
    'Stale records (last checked more than 12 months ago)',
    ...(stale.length > 0 ? stale.map((entry) => `- ${entry}`) : ['none']),
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
    ...(country.nationalUnconfirmed.length > 0 ? [`${country.name}: on file, contact not confirmed: ${names(country.nationalUnconfirmed)}`] : []),
    ...(country.onlineUnconfirmed.length > 0 ? [`${country.name} (online, in its official languages): on file, contact not confirmed: ${names(country.onlineUnconfirmed)}`] : []),
  ]
}

/** "all on file" only when every expected kind is there, else "no crisis line, no 116 000": shared with the HTML page and the console. */
export function urgentCell(country: CountryCoverage): string {
  return country.urgentMissing.length === 0 ? 'all on file' : country.urgentMissing.map((kind) => `no ${urgentKindWords(kind).short}`).join(', ')
}
