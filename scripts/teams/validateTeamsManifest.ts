import Ajv from 'ajv'
import schema from '../../teams/schema/MicrosoftTeams.schema.json'

/**
 * Microsoft's Teams manifest schema (teams/schema/, see its README) is written for draft-04. Ajv 8
 * reads draft-07, which means the same for every keyword this schema uses; draft04Only() proves it
 * on each load (no boolean exclusiveMinimum/Maximum, no `id` keyword), and strictSchema refuses any
 * keyword Ajv does not know. The draft-04 `$schema` line is dropped so Ajv uses its own meta-schema.
 */
function compile() {
  const { $schema: _draft04, ...body } = schema
  const problems = draft04Only(body)
  if (problems.length > 0) throw new Error(`the vendored Teams schema uses draft-04-only forms: ${problems.join(', ')}`)
  const ajv = new Ajv({ allErrors: true, strictSchema: true, strictTypes: false, strictTuples: false, strictRequired: false })
  ajv.addFormat('uri', (value: string) => URL.canParse(value))
  return ajv.compile(body)
}
let validate: ReturnType<typeof compile> | undefined

/**
 * Checks a Teams app manifest against Microsoft's schema; returns each problem as a line (none: valid).
 * @example validateTeamsManifest(JSON.parse(filled)) // []
 */
export function validateTeamsManifest(manifest: unknown): string[] {
  validate ??= compile()
  if (validate(manifest)) return []
  return (validate.errors ?? []).map(
    (error) =>
      `${error.instancePath || '/'} ${error.message ?? 'is invalid'}${error.params && 'allowedValues' in error.params ? ` (${String(error.params.allowedValues)})` : ''}`,
  )
}

const SCHEMA_MAPS = ['properties', 'definitions', 'patternProperties', 'dependencies'] as const
const SCHEMA_LISTS = ['items', 'anyOf', 'allOf', 'oneOf'] as const
const SCHEMAS = ['items', 'additionalProperties', 'additionalItems', 'not', 'if', 'then', 'else'] as const

/** Where a schema uses a form that draft-04 and draft-07 read differently. */
function draft04Only(node: unknown, path = '#'): string[] {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return []
  const found: string[] = []
  const record: Record<string, unknown> = { ...node }
  if (typeof record.id === 'string') found.push(`${path}/id`)
  for (const keyword of ['exclusiveMinimum', 'exclusiveMaximum']) if (typeof record[keyword] === 'boolean') found.push(`${path}/${keyword}`)
  for (const keyword of SCHEMA_MAPS) {
    const map = record[keyword]
    if (typeof map === 'object' && map !== null)
      for (const [name, child] of Object.entries(map)) found.push(...draft04Only(child, `${path}/${keyword}/${name}`))
  }
  for (const keyword of SCHEMA_LISTS) {
    const list = record[keyword]
    if (Array.isArray(list)) {
      for (const [position, child] of list.entries()) found.push(...draft04Only(child, `${path}/${keyword}/${position}`))
    }
  }
  for (const keyword of SCHEMAS) if (!Array.isArray(record[keyword])) found.push(...draft04Only(record[keyword], `${path}/${keyword}`))
  return found
}
