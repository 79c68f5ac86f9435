import type { CoverageReport } from './computeCoverage'

/**
 * The columns of the coverage table, in order, each with its full title (the HTML page) and its short one (the
 * plain-text table, where every character of width counts).
 * @example coverageColumns(report).map((column) => column.short) // ['Country', 'National', 'Online', …]
 */
export function coverageColumns(report: CoverageReport): { title: string; short: string }[] {
  return [
    { title: 'Country', short: 'Country' },
    { title: 'National services', short: 'National' },
    { title: 'Online-only in its languages', short: 'Online' },
    ...report.targetGroups.map((group) => ({ title: group.heading, short: group.column })),
    { title: 'Languages', short: 'Languages' },
    { title: 'Urgent numbers', short: 'Urgent' },
    { title: 'Stale records', short: 'Stale' },
    { title: 'Never checked', short: 'Never' },
  ]
}
