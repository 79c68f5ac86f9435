import initiativesFile from '../../data/initiatives.json'
import partnersFile from '../../data/partners.json'
import taxonomyFile from '../../data/taxonomy.json'
import urgentFile from '../../data/urgent-help.json'
import type { DirectoryData } from '../core/directory/directoryData'
import { InitiativesFileSchema } from '../core/directory/initiativeSchema'
import { PartnersFileSchema } from '../core/directory/partnerSchema'
import { TaxonomySchema } from '../core/directory/taxonomySchema'
import { UrgentHelpFileSchema } from '../core/directory/urgentHelpSchema'

/** `data/` as imported at build time, validated: the seed for every database and the static fallback. */
export function loadBundledData(): DirectoryData {
  return {
    taxonomy: TaxonomySchema.parse(taxonomyFile),
    initiatives: InitiativesFileSchema.parse(initiativesFile).initiatives,
    urgent: UrgentHelpFileSchema.parse(urgentFile).countries,
    partners: PartnersFileSchema.parse(partnersFile).partners,
  }
}
