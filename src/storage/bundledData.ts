import initiativesFile from '../../data/initiatives.json'
import partnersFile from '../../data/partners.json'
import taxonomyFile from '../../data/taxonomy.json'
import urgentFile from '../../data/urgent-help.json'
import type { DirectoryData } from '../core/directory/directoryData'
import { InitiativesFileSchema } from '../core/directory/initiativeSchema'
import { DEVELOPMENT_ORIGINS } from '../core/directory/embedOrigin'
import { partnersFileSchema } from '../core/directory/partnerSchema'
import { TaxonomySchema } from '../core/directory/taxonomySchema'
import { UrgentHelpFileSchema } from '../core/directory/urgentHelpSchema'

/** `data/` as imported at build time, validated: the seed for every database and the static fallback. */
export function loadBundledData(): DirectoryData {
  return {
    taxonomy: TaxonomySchema.parse(taxonomyFile),
    initiatives: InitiativesFileSchema.parse(initiativesFile).initiatives,
    urgent: UrgentHelpFileSchema.parse(urgentFile).countries,
    // Read under the widest rules: the widget applies the server's own (data:check holds data/ to production's).
    partners: partnersFileSchema(DEVELOPMENT_ORIGINS).parse(partnersFile).partners,
  }
}
