import { createHash } from 'node:crypto'

/**
 * A short fingerprint of a record as loaded: an edit form carries it, and saving refuses when the
 * record changed since the form was opened (two curators editing at once must not overwrite each other).
 */
export function recordVersion(record: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(record ?? null))
    .digest('base64url')
    .slice(0, 22)
}
