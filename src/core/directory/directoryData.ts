import type { Initiative } from './initiativeSchema'
import type { Partner } from './partnerSchema'
import type { Taxonomy } from './taxonomySchema'
import type { UrgentCountry } from './urgentHelpSchema'

/** Everything the core needs from storage, whichever driver loaded it. */
export interface DirectoryData {
  taxonomy: Taxonomy
  initiatives: Initiative[]
  urgent: UrgentCountry[]
  /** Sites allowed to embed the widget, with their featured services and defaults. */
  partners: Partner[]
}
