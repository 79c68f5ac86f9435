import type { Partner } from '../../core/directory/partnerSchema'

/**
 * Who may frame the panel (CSP `frame-ancestors`). Without a partner id it is the default widget,
 * which any site may embed. A partner's widget only on its listed origins; none listed: nowhere.
 * @example frameAncestors(partner) // "'self' https://www.example.org"
 */
export function frameAncestors(partner: Partner | undefined): string {
  if (!partner) return '*'
  if (partner.origins.length === 0) return "'none'"
  return partner.origins.map((origin) => (origin === 'self' ? "'self'" : origin)).join(' ')
}
