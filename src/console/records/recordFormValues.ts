import type { Initiative } from '../../core/directory/initiativeSchema'
import { type ChoiceFact, RECORD_CHOICE_FACTS } from '../../core/directory/recordChoiceFacts'
import type { TextFact } from '../../core/directory/recordTextFacts'
import { CHOICE_FACTS, factValues, TEXT_FACTS } from '../../core/directory/recordFactNames'

/** One contact row of the form, as typed (every field text; an empty row is ignored). */
export interface ContactValues {
  channel: string
  value: string
  hours: string
  languages: string
  notes: string
  /** Countries the contact works from; empty = wherever the service works. */
  countries: string
  remove: boolean
}

/** One source row of the form, as typed. */
export interface SourceValues {
  url: string
  date: string
  supports: string
  remove: boolean
}

/** One "own words" row: a short description in the service's own language, quoted from one of its sources. */
export interface OwnWordsValues {
  language: string
  text: string
  source: string
  remove: boolean
}

/**
 * The record form as the curator sees it: text as typed, choices as their option values. Kept
 * whole on every error, so nothing the curator typed is lost.
 */
export interface RecordFormValues extends Record<TextFact | ChoiceFact, string> {
  id: string
  name: string
  countries: string
  online: boolean
  languages: string
  /** Tag ids per tag criterion id ([] = none or unknown). */
  tags: Record<string, string[]>
  inferred: string[]
  /** yes | no | unknown */
  free: string
  /** yes | partial | no | unknown */
  anonymous: string
  contacts: ContactValues[]
  sources: SourceValues[]
  ownWords: OwnWordsValues[]
  /**
   * "I compared this record with its sources today", ticked: saving records today and the curator as
   * its check. The stored check itself is never a form field, so it cannot be typed.
   */
  checkedToday: boolean
  /** recordVersion of the record when the form was opened (edit only). */
  baseVersion: string
}

/** Blank rows offered for adding: two contacts and one source (more come by saving). */
export const BLANK_CONTACTS = 2
export const BLANK_SOURCES = 1
export const BLANK_OWN_WORDS = 1

export const blankContact = (): ContactValues => ({
  channel: '',
  value: '',
  hours: '',
  languages: '',
  notes: '',
  countries: '',
  remove: false,
})
export const blankSource = (): SourceValues => ({ url: '', date: '', supports: '', remove: false })
export const blankOwnWords = (): OwnWordsValues => ({ language: '', text: '', source: '', remove: false })

/** A row the curator left empty: ignored when saving. */
export const isBlankContact = (row: ContactValues) =>
  [row.channel, row.value, row.hours, row.languages, row.notes, row.countries].every((text) => text.trim() === '')
export const isBlankSource = (row: SourceValues) => [row.url, row.date, row.supports].every((text) => text.trim() === '')
export const isBlankOwnWords = (row: OwnWordsValues) => [row.language, row.text, row.source].every((text) => text.trim() === '')

/**
 * The form's values for a record (edit), or the few defaults of a new one: active, prevention,
 * medium confidence. Nothing else is pre-filled: an unknown fact stays empty, and "compared with
 * its sources today" starts unticked (a check is the curator's statement, never a default).
 * @example recordFormValues(record, version).countries // 'DE, AT'
 */
export function recordFormValues(record: Initiative | undefined, baseVersion: string): RecordFormValues {
  if (!record) {
    return {
      ...factValues(TEXT_FACTS, () => ''),
      ...factValues(CHOICE_FACTS, (fact) => RECORD_CHOICE_FACTS[fact].initial),
      id: '',
      name: '',
      countries: '',
      online: false,
      languages: '',
      tags: {},
      inferred: [],
      free: 'unknown',
      anonymous: 'unknown',
      contacts: [],
      sources: [],
      ownWords: [],
      checkedToday: false,
      baseVersion: '',
    }
  }
  return {
    ...factValues(TEXT_FACTS, (fact) => record[fact] ?? ''),
    ...factValues(CHOICE_FACTS, (fact) => record[fact] ?? ''),
    id: record.id,
    name: record.name,
    countries: record.countries.join(', '),
    online: record.online,
    languages: record.languages.join(', '),
    tags: { ...record.tags },
    inferred: [...record.inferred],
    free: record.free === null ? 'unknown' : record.free ? 'yes' : 'no',
    anonymous: record.anonymous === null ? 'unknown' : record.anonymous === 'partial' ? 'partial' : record.anonymous ? 'yes' : 'no',
    contacts: record.contacts.map((contact) => ({
      channel: contact.channel,
      value: contact.value ?? '',
      hours: contact.hours ?? '',
      languages: contact.languages?.join(', ') ?? '',
      notes: contact.notes ?? '',
      countries: contact.countries?.join(', ') ?? '',
      remove: false,
    })),
    sources: record.sources.map((source) => ({ ...source, remove: false })),
    ownWords: record.ownWords.map((words) => ({ ...words, remove: false })),
    checkedToday: false,
    baseVersion,
  }
}
