import type { Initiative } from '../../core/directory/initiativeSchema'
import type { CuratorAccount } from '../auth/curatorAccount'
import { ofOwnOrganisation } from './canEdit'

/** A change that would reach further than the editor's scope, on the field that does it. */
export interface ScopeProblem {
  field: 'countries' | 'online'
  message: string
}

/**
 * What an editor's change would widen: countries outside their own (an organisation's record may
 * keep the countries it had), or `online` turned on, which offers the record in every country.
 * Only admins widen a record's reach; empty when the change may be saved.
 * @example scopeProblems(editorForDE, before, { ...before, countries: ['DE', 'FR'] })[0].field // 'countries'
 */
export function scopeProblems(curator: CuratorAccount, before: Initiative | undefined, after: Initiative): ScopeProblem[] {
  if (curator.role === 'admin') return []
  const problems: ScopeProblem[] = []
  const kept = before && ofOwnOrganisation(curator, before) ? before.countries : []
  const allowed = [...new Set([...(curator.country === null ? [] : [curator.country]), ...kept])]
  const outside = after.countries.filter((country) => !allowed.includes(country))
  if (outside.length > 0) {
    const within = allowed.length > 0 ? allowed.join(', ') : 'no country'
    problems.push({
      field: 'countries',
      message: `${outside.join(', ')}: outside your account's scope. Your editor account may save this record for ${within} only; an administrator can add countries.`,
    })
  } else if (after.countries.length === 0 && curator.country !== null && !ofOwnOrganisation(curator, after)) {
    problems.push({
      field: 'countries',
      message: `Keep ${curator.country} in the countries: your editor account saves records for ${curator.country}; a record without countries is for an administrator.`,
    })
  }
  if (after.online && !before?.online) {
    problems.push({
      field: 'online',
      message:
        'Only an administrator can make a record reachable online from anywhere: it would then be offered in every country. Untick it, or ask an administrator.',
    })
  }
  return problems
}
