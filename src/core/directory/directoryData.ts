import type { Initiative } from './initiativeSchema'
import type { Taxonomy } from './taxonomySchema'
import type { UrgentCountry } from './urgentHelpSchema'

/** Everything the core needs from storage, whichever driver loaded it. */
export interface DirectoryData {
  taxonomy: Taxonomy
  initiatives: Initiative[]
  urgent: UrgentCountry[]
}
