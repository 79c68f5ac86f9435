import type { Initiative } from '../core/directory/initiativeSchema'
import { isContactable } from '../core/directory/isContactable'
import type { Partner } from '../core/directory/partnerSchema'
import type { UrgentCountry } from '../core/directory/urgentHelpSchema'

/** What data:check says about the partners: problems fail it, notes are only printed. */
export interface PartnerFindings {
  problems: string[]
  notes: string[]
}

/**
 * The rules zod cannot express on partners: unique ids, featured services a person could be
 * offered (in the directory, active, contactable), a default country the directory offers.
 * A partner with no origins is allowed (the widget then refuses every embedding) but noted.
 * Records must already have passed the schema. Each finding names the partner.
 * @example checkPartners(partners, initiatives, urgent).problems // ['demo-helpline: featured stop-x is not in data/initiatives.json']
 */
export function checkPartners(
  partners: readonly Partner[],
  initiatives: readonly Initiative[],
  urgent: readonly UrgentCountry[],
): PartnerFindings {
  const findings: PartnerFindings = { problems: [], notes: [] }
  const byId = new Map(initiatives.map((initiative) => [initiative.id, initiative]))
  // The countries the country list offers (as indexDirectory builds it): urgent-help numbers or an active service.
  const offered = new Set(urgent.map((entry) => entry.country))
  for (const initiative of initiatives) {
    if (initiative.status === 'active' && isContactable(initiative)) for (const country of initiative.countries) offered.add(country)
  }
  const seen = new Set<string>()
  for (const partner of partners) {
    const problem = (text: string) => findings.problems.push(`${partner.id}: ${text}`)
    if (seen.has(partner.id)) problem('duplicate id')
    seen.add(partner.id)
    for (const id of partner.featured) {
      const initiative = byId.get(id)
      if (!initiative) problem(`featured ${id} is not in data/initiatives.json`)
      else if (initiative.status !== 'active') problem(`featured ${id} is ${initiative.status}; only active services are offered`)
      else if (!isContactable(initiative))
        problem(`featured ${id} has no website, contact or page about the service, so it is never offered`)
    }
    if (partner.defaultCountry !== null && !offered.has(partner.defaultCountry)) {
      problem(`defaultCountry ${partner.defaultCountry} is not a country the directory offers (no urgent-help numbers, no active service)`)
    }
    if (partner.origins.length === 0)
      findings.notes.push(`${partner.id}: no origins, so the widget may not be embedded anywhere (it fails closed)`)
  }
  return findings
}
