/** A JSON Schema (2020-12, as OpenAPI 3.1 uses it), kept as plain data. */
export type JsonSchema = { [keyword: string]: unknown }

/**
 * An object schema that names what is always sent (`required`) and refuses anything it does not
 * list (`additionalProperties: false`): a field added to a view fails tests/openapi.responses.test.ts
 * until it is documented here. `sometimes` lists the fields left out when they have no value (the
 * API never sends them as null).
 * @example strictObjectSchema('A choice', { id: text, label: text })
 */
export function strictObjectSchema(
  description: string | undefined,
  always: Record<string, JsonSchema>,
  sometimes: Record<string, JsonSchema> = {},
): JsonSchema {
  return {
    type: 'object',
    ...(description === undefined ? {} : { description }),
    required: Object.keys(always),
    properties: { ...always, ...sometimes },
    additionalProperties: false,
  }
}
