import type * as z from 'zod'
import type { RecordCandidate } from './recordFormCandidate'
import { recordFormLabel } from './recordFormLabels'

/** One problem with the form: shown beside `field` (a control or group id) and in the summary; summary only without a field. */
export interface FormProblem {
  field: string | undefined
  label: string
  message: string
}

const HTTPS = 'Enter a full address starting with https:// (http:// is not accepted).'
const CHOOSE = 'Choose one of the options.'
const NOT_A_SOURCE = 'Use the address of one of the sources below, exactly as listed there (add the page as a source first).'

/** What to say per field, in the curator's terms rather than zod's; `value` is the offending text. */
const MESSAGES: Record<string, (value: string) => string> = {
  id: () => 'Use lower-case letters a–z and digits, with single hyphens between words, e.g. stop-it-now-nl.',
  name: () => 'Enter the name of the service.',
  countries: (value) => `"${value}" is not an ISO 3166-1 alpha-2 country code (two letters, e.g. DE).`,
  languages: (value) => `"${value}" is not an ISO 639-1 language code (two letters, e.g. de).`,
  website: () => HTTPS,
  url: () => HTTPS,
  lastChecked: () => 'Enter the date as YYYY-MM-DD, e.g. 2026-11-23.',
  channel: () => 'Choose the channel of this contact.',
  date: () => 'Enter the date the page shows (e.g. 2026-03-01 or ~2020), or "undated".',
  supports: () => 'Say which facts this page supports.',
  aboutPage: () => HTTPS,
  language: (value) => `"${value}" is not an ISO 639-1 language code (two letters, e.g. sv).`,
  text: () => 'Enter the description as the source words it, at most 600 characters.',
  source: () => HTTPS,
}

/** The rules between a record's fields (InitiativeSchema's superRefine), by the schema's message, in the curator's terms. */
const RULES: Record<string, string> = {
  "must be one of the record's sources": NOT_A_SOURCE,
  'aboutPage and aboutPageBy go together':
    'The page about the service and who published it go together: fill in both, or leave both empty.',
  'one description per language': 'There is already a description in this language: one per language.',
}

/**
 * InitiativeSchema's issues as form problems, each on the control the curator typed into (a
 * contact's index in the record mapped back to its row in the form).
 * @example recordFormIssues(InitiativeSchema.safeParse(built.candidate).error.issues, built)
 */
export function recordFormIssues(issues: readonly z.core.$ZodIssue[], built: RecordCandidate): FormProblem[] {
  return issues.map((issue) => {
    const [key, index, sub] = issue.path
    const value = valueAt(built.candidate, issue.path)
    let field = String(key)
    let kind = field
    if ((key === 'contacts' || key === 'sources' || key === 'ownWords') && typeof index === 'number') {
      const row = (key === 'contacts' ? built.contactRows : key === 'sources' ? built.sourceRows : built.ownWordsRows)[index] ?? index
      kind = typeof sub === 'string' ? sub : key === 'contacts' ? 'channel' : key === 'sources' ? 'url' : 'text'
      field = `${key}-${row}-${kind}`
    } else if (key === 'sources') {
      return { field: 'sources-0-url', label: 'Sources', message: 'Add at least one source: the page these facts come from.' }
    } else if (key === 'tags' && typeof index === 'string') {
      field = `tags-${index}`
    }
    const rule = issue.code === 'custom' && Object.hasOwn(RULES, issue.message) ? RULES[issue.message] : undefined
    const message =
      rule ??
      MESSAGES[kind]?.(value) ??
      (issue.code === 'invalid_value' || issue.code === 'invalid_type' || issue.code === 'invalid_union' ? CHOOSE : issue.message)
    return { field, label: recordFormLabel(field), message }
  })
}

/** The text at an issue's path in the candidate ('' when it is not text). */
function valueAt(candidate: unknown, path: readonly PropertyKey[]): string {
  let value: unknown = candidate
  for (const key of path) value = typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined
  return typeof value === 'string' ? value : ''
}
