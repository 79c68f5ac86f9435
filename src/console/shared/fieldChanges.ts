/** One field that differs between two versions of a record, each side as readable text. */
export interface FieldChange {
  field: string
  before: string
  after: string
}

/**
 * The top-level fields that differ between two JSON values of a record (nested lists such as
 * contacts are shown whole, as JSON, so a curator sees the exact before and after).
 * @example fieldChanges({ lastChecked: '2025-01-01' }, { lastChecked: '2026-11-23' }) // [{ field: 'lastChecked', before: '2025-01-01', after: '2026-11-23' }]
 */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const left = asRecord(before)
  const right = asRecord(after)
  const fields = [...new Set([...Object.keys(left), ...Object.keys(right)])]
  return fields
    .filter((field) => JSON.stringify(left[field]) !== JSON.stringify(right[field]))
    .map((field) => ({ field, before: show(left[field]), after: show(right[field]) }))
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.fromEntries(Object.entries(value)) : {}
}

function show(value: unknown): string {
  if (value === undefined) return '(absent)'
  if (value === null) return '(empty)'
  return typeof value === 'string' ? value : JSON.stringify(value, null, 1)
}
