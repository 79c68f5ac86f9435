/**
 * A reference to one of the document's own component schemas.
 * @example componentRef('Step') // { $ref: '#/components/schemas/Step' }
 */
export function componentRef(name: string): { $ref: string } {
  return { $ref: `#/components/schemas/${name}` }
}
