import phrases from '../../data/crisis-phrases.json'
import { CrisisPhrasesSchema } from '../core/crisis/crisisPhrasesSchema'
import { createCrisisMatcher, type CrisisMatcher } from '../core/crisis/detectUrgentWords'

/** The urgent phrase list from `data/`, validated at load so a broken edit fails fast. */
export function loadCrisisPhrases(): CrisisMatcher {
  return createCrisisMatcher(CrisisPhrasesSchema.parse(phrases))
}
