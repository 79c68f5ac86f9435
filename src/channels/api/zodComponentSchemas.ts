import * as z from 'zod'
import type { JsonSchema } from './strictObjectSchema'

const LOCAL_DEFS = '#/$defs/'
const COMPONENTS = '#/components/schemas/'

/**
 * A zod schema with an `id` (`.meta({ id })`) as OpenAPI component schemas. zod puts a schema with an
 * id, and any it uses, into `$defs` beside a `$ref` to it; inside an OpenAPI document `#/$defs/…`
 * resolves nowhere, so the definitions become components and their references point there.
 * @example zodComponentSchemas(ApiTurnRequestSchema) // { TurnRequest: { type: 'object', … } }
 */
export function zodComponentSchemas(schema: z.ZodType): Record<string, JsonSchema> {
  const converted = z.toJSONSchema(schema, { target: 'draft-2020-12' })
  const defs = converted.$defs
  if (!defs || typeof converted.$ref !== 'string' || !converted.$ref.startsWith(LOCAL_DEFS)) {
    throw new Error('zodComponentSchemas: give the schema an id with .meta({ id }) so it has a name among the components')
  }
  return Object.fromEntries(Object.entries(defs).map(([name, definition]) => [name, pointRefsAtComponents(definition)]))
}

/** A copy of a converted schema with every `#/$defs/X` reference made `#/components/schemas/X`. */
function pointRefsAtComponents(node: unknown): JsonSchema {
  const rewritten = rewrite(node)
  return isRecord(rewritten) ? rewritten : {}
}

function rewrite(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewrite)
  if (!isRecord(node)) return node
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' && value.startsWith(LOCAL_DEFS)
        ? COMPONENTS + value.slice(LOCAL_DEFS.length)
        : rewrite(value),
    ]),
  )
}

function isRecord(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
