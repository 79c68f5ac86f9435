import type * as z from 'zod'

type FactSchemas = Record<string, { schema: z.ZodType<string | null> }>
type Beyond<Spec extends FactSchemas, Placed> = { [K in Exclude<keyof Spec, keyof Placed>]: z.ZodDefault<Spec[K]['schema']> }

/**
 * The facts of `spec` (RECORD_TEXT_FACTS, RECORD_CHOICE_FACTS) that a shape does not place itself,
 * with their schemas: appended after it, so a new fact needs no edit where the record's order is
 * written out. A fact added later may be missing from files written before it: read as unknown (null).
 * @example z.object({ ...placed, ...factsBeyond(RECORD_TEXT_FACTS, placed) })
 */
export function factsBeyond<Spec extends FactSchemas, Placed extends object>(spec: Spec, placed: Placed): Beyond<Spec, Placed> {
  const beyond: Record<string, z.ZodType> = {}
  for (const [name, fact] of Object.entries(spec)) if (!Object.hasOwn(placed, name)) beyond[name] = fact.schema.default(null)
  // Built from the spec's own keys: exactly the facts not in `placed`, as the type names them.
  return beyond as Beyond<Spec, Placed>
}

/**
 * A spec's fact names, in its order.
 * @example factNames(RECORD_TEXT_FACTS) // ['nameLocal', 'organisation', …]
 */
export function factNames<Spec extends object>(spec: Spec): (keyof Spec & string)[] {
  return Object.keys(spec).filter((name): name is keyof Spec & string => Object.hasOwn(spec, name))
}
