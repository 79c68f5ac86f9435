import * as z from 'zod'
import type { Initiative } from '../../core/directory/initiativeSchema'
import { checkState } from '../../core/directory/checkState'
import { normaliseText } from '../../core/flow/normaliseText'
import type { CuratorAccount } from '../auth/curatorAccount'
import { canEdit } from '../directory/canEdit'

/** The record list's filters, from the query string; anything unexpected is simply ignored. */
export const RecordFiltersSchema = z.object({
  q: z.string().trim().max(200).catch(''),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional()
    .catch(undefined),
  category: z.string().max(64).optional().catch(undefined),
  status: z.enum(['active', 'doubtful', 'closed']).optional().catch(undefined),
  /** checkState: never checked, checked over 12 months ago, or within them. */
  checked: z.enum(['never', 'stale', 'fresh']).optional().catch(undefined),
  mine: z.literal('1').optional().catch(undefined),
})
export type RecordFilters = z.infer<typeof RecordFiltersSchema>

/**
 * The records a curator asked for, sorted by name. `q` looks in the id, names and organisation.
 * @example filterRecords(records, { q: 'stop', status: 'active' }, curator, Date.now())
 */
export function filterRecords(
  records: readonly Initiative[],
  filters: RecordFilters,
  curator: CuratorAccount,
  nowMs: number,
): Initiative[] {
  // The matcher's folding: "kein tater" finds "Kein Täter werden", "stop it now" finds stop-it-now-nl.
  const query = normaliseText(filters.q ?? '')
  return records
    .filter(
      (record) =>
        !query || normaliseText([record.id, record.name, record.nameLocal ?? '', record.organisation ?? ''].join(' ')).includes(query),
    )
    .filter((record) => !filters.country || record.countries.includes(filters.country))
    .filter((record) => !filters.category || (record.tags.jrc_category ?? []).includes(filters.category))
    .filter((record) => !filters.status || record.status === filters.status)
    .filter((record) => !filters.checked || checkState(record.lastChecked, nowMs) === filters.checked)
    .filter((record) => !filters.mine || canEdit(curator, record))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'))
}
