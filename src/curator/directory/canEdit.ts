import type { Initiative } from '../../core/directory/initiativeSchema'
import type { CuratorAccount } from '../auth/curatorAccount'

/**
 * An editor's scope: records of their organisation, or serving their country. Admins edit everything.
 * A change must be in scope before AND after (an editor cannot move a record out of, or into, reach).
 * @example canEdit(editor, record) // true when record.organisation === editor.organisation
 */
export function canEdit(curator: CuratorAccount, record: Pick<Initiative, 'organisation' | 'countries'>): boolean {
  if (curator.role === 'admin') return true
  const sameOrganisation = curator.organisation !== null && record.organisation !== null && record.organisation.trim().toLowerCase() === curator.organisation.trim().toLowerCase()
  const sameCountry = curator.country !== null && record.countries.includes(curator.country)
  return sameOrganisation || sameCountry
}
