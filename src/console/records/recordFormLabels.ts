import { RECORD_CHOICE_FACTS } from '../../core/directory/recordChoiceFacts'
import { RECORD_TEXT_FACTS } from '../../core/directory/recordTextFacts'
import { CHOICE_FACTS, factValues, TEXT_FACTS } from '../../core/directory/recordFactNames'

/** The visible label of each record form field, shared by the form and its error summary. */
export const RECORD_FORM_LABELS: Record<string, string> = {
  ...factValues(TEXT_FACTS, (fact) => RECORD_TEXT_FACTS[fact].label),
  ...factValues(CHOICE_FACTS, (fact) => RECORD_CHOICE_FACTS[fact].label),
  id: 'Id',
  name: 'Name',
  countries: 'Countries',
  online: 'Reachable online from anywhere',
  languages: 'Languages',
  inferred: 'Inferred values',
  free: 'Free of charge',
  anonymous: 'Anonymous use',
  lastChecked: 'Last checked',
  checkedBy: 'Checked by',
  checkedToday: 'I compared this record with its sources today',
  channel: 'Channel',
  value: 'Number or address',
  hours: 'Hours',
  notes: 'Notes',
  url: 'Address (URL)',
  date: 'Date the page shows',
  supports: 'What it supports',
  language: 'Language',
  text: 'Description in that language',
  source: 'Taken from (source URL)',
}

const ROW_NAMES: Record<string, string> = { contacts: 'Contact', sources: 'Source', ownWords: 'Own words' }

/** The label of a field id, including row fields ("contacts-1-value" → "Contact 2: Number or address"). */
export function recordFormLabel(field: string): string {
  const row = /^(contacts|sources|ownWords)-(\d+)-(\w+)$/.exec(field)
  if (row) return `${ROW_NAMES[row[1] ?? '']} ${Number(row[2]) + 1}: ${RECORD_FORM_LABELS[row[3] ?? ''] ?? row[3]}`
  const tags = /^tags-(\w+)$/.exec(field)
  if (tags) return `Tags: ${tags[1]}`
  return RECORD_FORM_LABELS[field] ?? field
}
