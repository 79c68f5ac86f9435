import { displayNames } from '../shared/displayNames'
import type { Prefill } from './botValue'

/**
 * A kept country and language as the person reads them, for "Noted: …".
 * @example prefillNames({ country: 'DE', language: 'de' }, 'en') // 'Germany, German'
 */
export function prefillNames(prefill: Prefill, ui: string): string {
  const names = displayNames(ui)
  return [prefill.country && names.country(prefill.country), prefill.language && names.language(prefill.language)]
    .filter(Boolean)
    .join(', ')
}
