import * as z from 'zod'
import { ContactSchema, InitiativeSchema, OwnWordsSchema, SourceSchema, type Initiative } from '../core/directory/initiativeSchema'

/** One record of an import file: where the curator finds it, and either the record or why not. */
export interface ParsedRow {
  /** CSV: line number, header = 1. JSON: array index + 1. */
  row: number
  id: string | undefined
  /** The row's name, when it has one (a preview shows it even for a row that fails). */
  name: string | undefined
  record: Initiative | undefined
  problems: string[]
}

/** Every row of an import file, plus problems of the file as a whole (unreadable, bad header). */
export interface ParsedFile {
  rows: ParsedRow[]
  problems: string[]
}

/** A cell that could not even be turned into a value (bad JSON, "yes" for a boolean). */
export interface CellProblem {
  column: string
  message: string
}

const IdOnly = z.object({ id: z.string().min(1) })
const NameOnly = z.object({ name: z.string().min(1) })

/**
 * Validates one candidate record with InitiativeSchema and names every problem by its field
 * (`contacts[0].value "0800 12": …`). Unknown fields fail too: a typo must not be dropped silently.
 * @example validateCandidate(3, JSON.parse(text).initiatives[2]).problems // ['website "http://…": must be an https:// URL']
 */
export function validateCandidate(row: number, candidate: unknown, cellProblems: readonly CellProblem[] = []): ParsedRow {
  const id = IdOnly.safeParse(candidate).data?.id
  const name = NameOnly.safeParse(candidate).data?.name
  const badColumns = new Set(cellProblems.map((problem) => problem.column))
  const problems = [...cellProblems.map((problem) => `${problem.column}: ${problem.message}`), ...unknownFields(candidate)]
  const parsed = InitiativeSchema.safeParse(candidate)
  for (const issue of parsed.error?.issues ?? []) {
    if (!badColumns.has(columnOf(issue.path))) problems.push(describeIssue(candidate, issue.path, issue.message))
  }
  return { row, id, name, record: problems.length === 0 ? parsed.data : undefined, problems }
}

/** The CSV column an issue belongs to: `tags.target_group` for tag paths, else the first key. */
function columnOf(path: readonly PropertyKey[]): string {
  const [first, second] = path
  return first === 'tags' && typeof second === 'string' ? `tags.${second}` : String(first)
}

function describeIssue(candidate: unknown, path: readonly PropertyKey[], message: string): string {
  let label = ''
  let value: unknown = candidate
  for (const key of path) {
    label += typeof key === 'number' ? `[${key}]` : `${label ? '.' : ''}${String(key)}`
    value = typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined
  }
  return `${label || '(record)'}${typeof value === 'string' ? ` ${JSON.stringify(value)}` : ''}: ${message}`
}

function unknownFields(candidate: unknown): string[] {
  if (!isObject(candidate)) return []
  const problems = strayKeys(candidate, InitiativeSchema, '')
  const nested = [
    ['contacts', ContactSchema],
    ['sources', SourceSchema],
    ['ownWords', OwnWordsSchema],
  ] as const
  for (const [field, schema] of nested) {
    const list: unknown = Reflect.get(candidate, field)
    if (!Array.isArray(list)) continue
    list.forEach((item: unknown, index) => {
      if (isObject(item)) problems.push(...strayKeys(item, schema, `${field}[${index}].`))
    })
  }
  return problems
}

function strayKeys(object: object, schema: z.ZodObject, prefix: string): string[] {
  return Object.keys(object)
    .filter((key) => !Object.hasOwn(schema.shape, key))
    .map((key) => `${prefix}${key}: unknown field (not in the schema; it would be lost)`)
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
