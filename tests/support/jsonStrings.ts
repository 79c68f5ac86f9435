/**
 * Every string in a JSON value with its path ("a.b", "list[0]"), for checks over whole locale files.
 * @example jsonStrings({ nav: { back: 'Back' } }) // [['nav.back', 'Back']]
 */
export function jsonStrings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]]
  if (Array.isArray(value)) return value.flatMap((item, index) => jsonStrings(item, `${path}[${index}]`))
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => jsonStrings(item, path ? `${path}.${key}` : key))
  return []
}
