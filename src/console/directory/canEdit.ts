import type { Initiative } from '../../core/directory/initiativeSchema'
import type { CuratorAccount } from '../auth/curatorAccount'

/**
 * An editor's reach: records of their organisation, or records that serve their country and no
 * other (a record that also serves elsewhere, or only online, is for an admin). Admins edit
 * everything. A change must be in reach before and after; what it may add is scopeProblems' rule.
 * @example canEdit(editorForDE, { organisation: null, countries: ['DE'] }) // true; ['DE', 'FR'] → false
 */
export function canEdit(curator: CuratorAccount, record: Pick<Initiative, 'organisation' | 'countries'>): boolean {
  if (curator.role === 'admin') return true
  const ownCountryOnly =
    curator.country !== null && record.countries.length > 0 && record.countries.every((country) => country === curator.country)
  return ofOwnOrganisation(curator, record) || ownCountryOnly
}

/** Whether the record belongs to the curator's organisation (compared without case and outer spaces). */
export function ofOwnOrganisation(curator: CuratorAccount, record: Pick<Initiative, 'organisation'>): boolean {
  return (
    curator.organisation !== null &&
    record.organisation !== null &&
    record.organisation.trim().toLowerCase() === curator.organisation.trim().toLowerCase()
  )
}
