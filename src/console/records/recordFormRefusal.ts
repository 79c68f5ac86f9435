import type { ChangeRefused } from '../directory/curatorDirectory'
import type { RecordCandidate } from './recordFormCandidate'
import type { FormProblem } from './recordFormIssues'
import { recordFormLabel } from './recordFormLabels'
import type { RecordFormValues } from './recordFormValues'

/** How each refusal answers: 422 for what the curator can correct in the form. */
const STATUS = { invalid: 422, exists: 422, conflict: 409, forbidden: 403, widens: 403, missing: 404 } as const

/**
 * A refusal from curatorDirectory as form problems: data:check's lines ("<id>: phone number … ")
 * beside the field they concern where that can be told (the phone contact with that number, the
 * source with that date, lastChecked, a tag group), in the summary otherwise.
 * @example recordFormRefusal({ kind: 'invalid', problems: ['x: lastChecked 2099-01-01 is in the future'] }, 'x', values, built).problems[0].field // 'lastChecked'
 */
export function recordFormRefusal(
  refusal: ChangeRefused,
  id: string,
  values: RecordFormValues,
  built: RecordCandidate,
): { status: 403 | 404 | 409 | 422; problems: FormProblem[] } {
  const status = STATUS[refusal.kind]
  if (refusal.kind === 'exists') return { status, problems: [problem('id', 'A record with this id already exists. Choose another id.')] }
  if (refusal.kind === 'widens') return { status, problems: refusal.problems.map((scope) => problem(scope.field, scope.message)) }
  if (refusal.kind !== 'invalid') return { status, problems: [] }
  return { status, problems: refusal.problems.flatMap((line) => placed(line, id, values, built)) }
}

function placed(line: string, id: string, values: RecordFormValues, built: RecordCandidate): FormProblem[] {
  const prefix = `${id}: `
  if (!line.startsWith(prefix)) return [{ field: undefined, label: 'Directory rules', message: line }]
  const text = line.slice(prefix.length)
  const fields = fieldsOf(text, values, built)
  if (fields.length === 0) return [{ field: undefined, label: 'Directory rules', message: text }]
  const advice = /^(phone number|short code) /.test(text)
    ? ' Check the number against the source, and the record’s countries (a number from elsewhere needs its +country code).'
    : ''
  return fields.map((field) => problem(field, `${text}.${advice}`))
}

/** The fields a data:check problem of this record concerns (none when it cannot be told). */
function fieldsOf(text: string, values: RecordFormValues, built: RecordCandidate): string[] {
  if (text === 'duplicate id') return ['id']
  if (/^lastChecked .* is in the future$/.test(text)) return ['lastChecked']
  const tag = /^tag ([a-z0-9_]+)\./.exec(text)
  if (tag) return [`tags-${tag[1]}`]
  const source = /^source dated (.+) is in the future$/.exec(text)
  if (source) return built.sourceRows.filter((row) => values.sources[row]?.date.trim() === source[1]).map((row) => `sources-${row}-date`)
  const phone = /^phone number (.+) is not a valid number for /.exec(text) ?? /^short code (.+) without a country to dial it in$/.exec(text)
  if (phone) {
    return built.contactRows
      .filter((row) => values.contacts[row]?.channel === 'phone' && values.contacts[row]?.value.trim() === phone[1])
      .map((row) => `contacts-${row}-value`)
  }
  return []
}

function problem(field: string, message: string): FormProblem {
  return { field, label: recordFormLabel(field), message }
}
