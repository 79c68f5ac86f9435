import type { Initiative } from '../../core/directory/initiativeSchema'
import { isNullableChoice } from '../../core/directory/recordChoiceFacts'
import { CHOICE_FACTS, factValues, TEXT_FACTS } from '../../core/directory/recordFactNames'
import { isBlankContact, isBlankOwnWords, isBlankSource, type RecordFormValues } from './recordFormValues'

/** A record built from the form, not yet validated, and which form row each contact and source came from. */
export interface RecordCandidate {
  candidate: Record<string, unknown>
  /** contactRows[i] = the form row of candidate.contacts[i] (blank and removed rows are skipped). */
  contactRows: number[]
  sourceRows: number[]
  /** ownWordsRows[i] = the form row of candidate.ownWords[i]. */
  ownWordsRows: number[]
}

const FREE: Record<string, boolean | null> = { yes: true, no: false, unknown: null }
const ANONYMOUS: Record<string, boolean | 'partial' | null> = { yes: true, partial: 'partial', no: false, unknown: null }

/**
 * Turns form values into a candidate record for InitiativeSchema: empty text is null (unknown stays
 * unknown), codes are split and cased, blank and removed rows dropped. An unrecognised choice is
 * passed on as typed so that validation names it. `before` (when editing) keeps the stored order of
 * tags and inferred criteria, so the history shows only what the curator changed. The check is
 * `check` (today, by this curator) when "compared with its sources today" is ticked, else the stored one.
 * @example recordFormCandidate(values, 'stop-it-now-nl', { today: '2026-11-23', curator: 'Ana' }, before).candidate.countries // ['NL']
 */
export function recordFormCandidate(
  values: RecordFormValues,
  id: string,
  check: { today: string; curator: string },
  before?: Initiative,
): RecordCandidate {
  const contactRows = values.contacts.flatMap((row, index) => (row.remove || isBlankContact(row) ? [] : [index]))
  const sourceRows = values.sources.flatMap((row, index) => (row.remove || isBlankSource(row) ? [] : [index]))
  const ownWordsRows = values.ownWords.flatMap((row, index) => (row.remove || isBlankOwnWords(row) ? [] : [index]))
  const tags: Record<string, string[]> = {}
  const tagEntries = Object.entries(values.tags).filter(([, list]) => list.length > 0)
  const stored = Object.keys(before?.tags ?? {})
  tagEntries.sort(([a], [b]) => rank(stored, a) - rank(stored, b))
  for (const [criterion, list] of tagEntries) tags[criterion] = sameOrder(before?.tags[criterion], unique(list))
  const candidate: Record<string, unknown> = {
    // Text facts: trimmed, and empty is null (unknown stays unknown).
    ...factValues(TEXT_FACTS, (fact) => orNull(values[fact])),
    // Choices are passed on as chosen (unknown ones as typed, so that validation names them); a nullable one's '' is null.
    ...factValues(CHOICE_FACTS, (fact) => (isNullableChoice(fact) ? orNull(values[fact]) : values[fact])),
    id: id.trim(),
    name: values.name.trim(),
    countries: codes(values.countries, (code) => code.toUpperCase()),
    online: values.online,
    languages: codes(values.languages, (code) => code.toLowerCase()),
    tags,
    inferred: sameOrder(before?.inferred, unique(values.inferred.filter((criterion) => criterion !== ''))),
    free: Object.hasOwn(FREE, values.free) ? FREE[values.free] : values.free,
    anonymous: Object.hasOwn(ANONYMOUS, values.anonymous) ? ANONYMOUS[values.anonymous] : values.anonymous,
    contacts: contactRows.map((index) => {
      const row = values.contacts[index]
      const languages = codes(row?.languages ?? '', (code) => code.toLowerCase())
      const countries = codes(row?.countries ?? '', (code) => code.toUpperCase())
      return {
        channel: row?.channel ?? '',
        value: orNull(row?.value ?? ''),
        hours: orNull(row?.hours ?? ''),
        languages: languages.length > 0 ? languages : null,
        notes: orNull(row?.notes ?? ''),
        // Empty = works wherever the service works: the key stays absent, as in the JSON file.
        ...(countries.length > 0 ? { countries } : {}),
      }
    }),
    sources: sourceRows.map((index) => {
      const row = values.sources[index]
      return { url: row?.url.trim() ?? '', date: row?.date.trim() ?? '', supports: row?.supports.trim() ?? '' }
    }),
    ownWords: ownWordsRows.map((index) => {
      const row = values.ownWords[index]
      return { language: row?.language.trim().toLowerCase() ?? '', text: row?.text.trim() ?? '', source: row?.source.trim() ?? '' }
    }),
    lastChecked: values.checkedToday ? check.today : (before?.lastChecked ?? null),
    checkedBy: values.checkedToday ? check.curator : (before?.checkedBy ?? null),
  }
  return { candidate, contactRows, sourceRows, ownWordsRows }
}

function orNull(text: string): string | null {
  const trimmed = text.trim()
  return trimmed === '' ? null : trimmed
}

/** Codes typed as "de, AT;ch", each cased and listed once (upper-cased: ['DE', 'AT', 'CH']). */
function codes(text: string, cased: (code: string) => string): string[] {
  return unique(
    text
      .split(/[\s,;]+/)
      .filter((code) => code !== '')
      .map(cased),
  )
}

function unique(list: string[]): string[] {
  return [...new Set(list)]
}

/** The stored list when it holds the same values (the form lists them in taxonomy order). */
function sameOrder(stored: readonly string[] | undefined, chosen: string[]): string[] {
  if (stored && stored.length === chosen.length && stored.every((value) => chosen.includes(value))) return [...stored]
  return chosen
}

function rank(stored: string[], key: string): number {
  const at = stored.indexOf(key)
  return at === -1 ? stored.length : at
}
