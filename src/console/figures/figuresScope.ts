import type { Partner } from '../../core/directory/partnerSchema'
import type { CuratorAccount } from '../auth/curatorAccount'
import { ofOwnOrganisation } from '../directory/canEdit'

/** What of the figures a curator may see (docs/figures.md, "Who sees what"). */
export interface FiguresScope {
  /** The directory's partners whose funnel they see, by name. */
  partners: Array<{ id: string; name: string }>
  /** Every other partner id counted too: the web pages, the API, the bot, removed partners. */
  otherPartners: boolean
  /** The tables by country, situation and language. */
  countries: boolean
}

/**
 * Admins see every table. An editor sees only the weekly funnel of the partners whose name is
 * their organisation (compared as for records: trimmed, without case), and nothing by country;
 * an editor of no partner sees no figures at all.
 * @example figuresScope(editor, data.partners).partners // [{ id: 'demo-helpline', name: 'Lindenweg Helpline (fictional)' }]
 */
export function figuresScope(curator: CuratorAccount, partners: readonly Partner[]): FiguresScope {
  const admin = curator.role === 'admin'
  const seen = partners
    .filter((partner) => admin || ofOwnOrganisation(curator, { organisation: partner.name }))
    .map((partner) => ({ id: partner.id, name: partner.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'))
  return { partners: seen, otherPartners: admin, countries: admin }
}
