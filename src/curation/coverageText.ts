import type { CountryCoverage, CoverageReport } from './computeCoverage'

/**
 * The coverage report as plain text: one row per country, then stale records, gaps and a summary.
 * @example process.stdout.write(coverageText(computeCoverage({ data, officialLanguages, today })))
 */
export function coverageText(report: CoverageReport): string {
  const header = ['Country', 'National', 'Online', ...report.targetGroups.map((group) => group.column), 'Languages', 'Urgent', 'Stale']
  const rows = report.countries.map((country) => [
    `${country.name} (${country.code})`,
    String(country.national.length),
    String(country.onlineOnly.length),
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
  return [
    `Active prevention services by country, ${report.today}`,
    'Counted: status active, kind prevention, with a website or contact. National: the country is in the record\'s countries.',
    'Online: reachable online, not national, and in one of the country\'s official languages (data/official-languages.json).',
    `Target groups, national+online: ${report.targetGroups.map((group) => `${group.column} = ${group.heading.toLowerCase()}`).join('; ')}.`,
    'Languages: code and number of services; "(inferred)" when no source states it, "(n inferred)" when n of them are inferred.',
    '',
    line(header),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map(line),
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

/** "all on file" or "missing crisis line": the urgent-numbers cell, shared with the HTML page. */
export function urgentCell(country: CountryCoverage): string {
  const missing = [
    country.urgent.emergency ? null : 'emergency',
    country.urgent.child_helpline ? null : 'child helpline',
    country.urgent.crisis ? null : 'crisis line',
  ].filter((name) => name !== null)
  return missing.length === 0 ? 'all on file' : `missing ${missing.join(', ')}`
}
