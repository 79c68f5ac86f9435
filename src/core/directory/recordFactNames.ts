import { factNames } from './factsBeyond'
import { type ChoiceFact, RECORD_CHOICE_FACTS } from './recordChoiceFacts'
import { RECORD_TEXT_FACTS, type TextFact } from './recordTextFacts'

/** The text facts' names, in RECORD_TEXT_FACTS's order (what loops over every text fact reads). */
export const TEXT_FACTS: readonly TextFact[] = factNames(RECORD_TEXT_FACTS)

/** The choice facts' names, in RECORD_CHOICE_FACTS's order. */
export const CHOICE_FACTS: readonly ChoiceFact[] = factNames(RECORD_CHOICE_FACTS)
