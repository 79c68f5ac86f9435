import { isEmbedOrigin, type EmbedOriginRules } from '../../core/directory/embedOrigin'
import type { Partner } from '../../core/directory/partnerSchema'

/**
 * Who may frame the panel (CSP `frame-ancestors`). Without a partner id it is the default widget,
 * which any site may embed. A partner's widget only on its listed origins that this server's
 * rules allow (no loopback unless PARTNER_DEV_ORIGINS=on); none left: nowhere.
 * @example frameAncestors(partner, PRODUCTION_ORIGINS) // "'self' https://www.example.org"
 */
export function frameAncestors(partner: Partner | undefined, rules: EmbedOriginRules): string {
  if (!partner) return '*'
  const allowed = partner.origins.filter((origin) => isEmbedOrigin(origin, rules))
  if (allowed.length === 0) return "'none'"
  return allowed.map((origin) => (origin === 'self' ? "'self'" : origin)).join(' ')
}
