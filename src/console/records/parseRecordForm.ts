import * as z from 'zod'
import { CHOICE_FACTS, factValues, TEXT_FACTS } from '../../core/directory/recordFactNames'
import type { Taxonomy } from '../../core/directory/taxonomySchema'
import type { RecordFormValues } from './recordFormValues'

/** One text field; a repeated or file field (never sent by the form) reads as empty. Newlines as LF (browsers send CRLF). */
const Text = z
  .string()
  .catch('')
  .transform((text) => text.replace(/\r\n?/g, '\n'))
/** A checkbox group: absent, one value or several. */
const List = z.union([z.string().transform((value) => [value]), z.array(z.string())]).catch([])
/** A single checkbox: present means ticked. */
const Ticked = z.unknown().transform((value) => value !== undefined)

/** More rows than any record needs: a tampered form cannot make the server build thousands. */
const MAX_ROWS = 200

/**
 * The posted record form (`c.req.parseBody({ all: true })`) as form values, exactly as typed.
 * Turning them into a record is recordFormCandidate's job; this only reads.
 * @example parseRecordForm(await c.req.parseBody({ all: true }), data.taxonomy).contacts[0].value
 */
export function parseRecordForm(body: Record<string, unknown>, taxonomy: Taxonomy): RecordFormValues {
  const text = (name: string) => Text.parse(body[name])
  const tags: Record<string, string[]> = {}
  for (const criterion of taxonomy.criteria.filter((candidate) => candidate.valueSet === 'tags')) {
    tags[criterion.id] = List.parse(body[`tags-${criterion.id}`]).filter((tag) => tag !== '')
  }
  return {
    ...factValues(TEXT_FACTS, text),
    ...factValues(CHOICE_FACTS, text),
    id: text('id'),
    name: text('name'),
    countries: text('countries'),
    online: Ticked.parse(body.online),
    languages: text('languages'),
    tags,
    inferred: List.parse(body.inferred),
    free: text('free'),
    anonymous: text('anonymous'),
    contacts: rows(body, 'contacts', ['channel', 'value', 'hours', 'languages', 'notes', 'countries']),
    sources: rows(body, 'sources', ['url', 'date', 'supports']),
    ownWords: rows(body, 'ownWords', ['language', 'text', 'source']),
    // A typed lastChecked is ignored: the stored check changes only through this tick.
    checkedToday: Ticked.parse(body.checkedToday),
    baseVersion: text('baseVersion'),
  }
}

/** A repeated group's rows (`contacts-3-value`), in order: each named text field of the row, and its "remove" tick. */
function rows<Field extends string>(
  body: Record<string, unknown>,
  group: 'contacts' | 'sources' | 'ownWords',
  fields: readonly Field[],
): Array<Record<Field, string> & { remove: boolean }> {
  return rowIndexes(body, group).map((index) => ({
    ...(Object.fromEntries(fields.map((field) => [field, Text.parse(body[`${group}-${index}-${field}`])])) as Record<Field, string>),
    remove: Ticked.parse(body[`${group}-${index}-remove`]),
  }))
}

/** The row numbers present in the body (`contacts-3-value` → 3), in order. */
function rowIndexes(body: Record<string, unknown>, group: 'contacts' | 'sources' | 'ownWords'): number[] {
  const pattern = new RegExp(`^${group}-(\\d{1,3})-`)
  const indexes = new Set<number>()
  for (const key of Object.keys(body)) {
    const match = pattern.exec(key)
    if (match?.[1] !== undefined) indexes.add(Number(match[1]))
  }
  return [...indexes].sort((a, b) => a - b).slice(0, MAX_ROWS)
}
