import { factNames } from './factsBeyond'
import { type ChoiceFact, RECORD_CHOICE_FACTS } from './recordChoiceFacts'
import { RECORD_TEXT_FACTS, type TextFact } from './recordTextFacts'

/** The text facts' names, in RECORD_TEXT_FACTS's order (what loops over every text fact reads). */
export const TEXT_FACTS: readonly TextFact[] = factNames(RECORD_TEXT_FACTS)

/** The choice facts' names, in RECORD_CHOICE_FACTS's order. */
export const CHOICE_FACTS: readonly ChoiceFact[] = factNames(RECORD_CHOICE_FACTS)

/**
 * One entry per fact name, each `value(name)`: how the form's values, labels and saved candidate are
 * built for every fact at once.
 * @example factValues(TEXT_FACTS, () => '') // { nameLocal: '', organisation: '', … }
 */
export function factValues<Name extends string, Value>(names: readonly Name[], value: (name: Name) => Value): Record<Name, Value> {
  // Object.fromEntries loses the keys' type; they are exactly `names`.
  return Object.fromEntries(names.map((name) => [name, value(name)])) as Record<Name, Value>
}
