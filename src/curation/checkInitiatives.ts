import type { Initiative } from '../core/directory/initiativeSchema'
import type { Taxonomy } from '../core/directory/taxonomySchema'
import type { UrgentCountry } from '../core/directory/urgentHelpSchema'
import { phoneProblem } from './phonePlausible'

const EXACT_DATE = /^\d{4}-\d{2}(-\d{2})?$/

/**
 * The rules zod cannot express on one record: unique ids, plausible phone numbers, no date in the
 * future, tags the taxonomy defines (when given). Records must already have passed the schema (https URLs, ISO codes, at least one source).
 * Each problem names the record. Used by `npm run data:check` and by the importer.
 * @example checkInitiatives(records, urgent, new Date()) // ['stop-x: phone number 123 is not …']
 */
export function checkInitiatives(
  initiatives: readonly Initiative[],
  urgent: readonly UrgentCountry[],
  today: Date,
  taxonomy?: Taxonomy,
): string[] {
  const problems: string[] = []
  const tagsByCriterion = new Map(
    (taxonomy?.criteria ?? [])
      .filter((criterion) => criterion.valueSet === 'tags')
      .map((criterion) => [criterion.id, new Set(criterion.tags.map((tag) => tag.id))]),
  )
  const todayIso = today.toISOString().slice(0, 10)
  const seen = new Set<string>()
  for (const record of initiatives) {
    if (seen.has(record.id)) problems.push(`${record.id}: duplicate id`)
    seen.add(record.id)
    if (record.lastChecked !== null && record.lastChecked > todayIso)
      problems.push(`${record.id}: lastChecked ${record.lastChecked} is in the future`)
    for (const source of record.sources) {
      // Source dates are often approximate ("~2020", "undated"); only exact dates can be checked.
      if (EXACT_DATE.test(source.date) && source.date > todayIso)
        problems.push(`${record.id}: source dated ${source.date} is in the future`)
    }
    for (const [criterion, tags] of taxonomy ? Object.entries(record.tags) : []) {
      const known = tagsByCriterion.get(criterion)
      if (!known) problems.push(`${record.id}: tags.${criterion} is not a tag criterion of the taxonomy`)
      else for (const tag of tags) if (!known.has(tag)) problems.push(`${record.id}: tag ${criterion}.${tag} is not in the taxonomy`)
    }
    for (const contact of record.contacts) {
      const problem =
        contact.channel === 'phone' && contact.value ? phoneProblem(contact.value, contact.countries ?? record.countries) : undefined
      if (problem) problems.push(`${record.id}: ${problem}`)
      // A contact narrows where the service works from; it cannot widen it.
      const outside = record.countries.length > 0 ? (contact.countries ?? []).filter((code) => !record.countries.includes(code)) : []
      if (outside.length > 0)
        problems.push(
          `${record.id}: a ${contact.channel} contact works from ${outside.join(', ')}, which the record does not list among its countries`,
        )
    }
  }
  const countries = new Set<string>()
  for (const entry of urgent) {
    if (countries.has(entry.country)) problems.push(`urgent help ${entry.country}: listed twice`)
    countries.add(entry.country)
    for (const line of entry.lines) {
      if (line.lastChecked !== null && line.lastChecked > todayIso)
        problems.push(`urgent help ${entry.country}: ${line.name} (${line.number}): lastChecked ${line.lastChecked} is in the future`)
      const problem = phoneProblem(line.number, [entry.country])
      if (problem) problems.push(`urgent help ${entry.country}: ${problem}`)
      // 116 000 is reserved EU-wide for missing children: the kind and the number go together.
      const isMissingChildrenNumber = line.number.replace(/\s+/g, '') === '116000'
      if (isMissingChildrenNumber !== (line.kind === 'missing_children')) {
        problems.push(
          `urgent help ${entry.country}: ${line.number} is listed as ${line.kind}; 116 000 and only 116 000 is the missing_children line`,
        )
      }
    }
  }
  return problems
}
