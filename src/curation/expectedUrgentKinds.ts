import { UrgentLineSchema } from '../core/directory/urgentHelpSchema'
import { EU_MEMBER_STATES } from './euMemberStates'

/** Which urgent-line kinds the coverage report expects where, and the words it uses for each. */
const EXPECTATIONS: ReadonlyArray<{ kind: string; words: string; short: string; countries: 'all' | readonly string[] }> = [
  { kind: 'emergency', words: 'emergency number', short: 'emergency number', countries: 'all' },
  { kind: 'child_helpline', words: 'child helpline number', short: 'child helpline', countries: 'all' },
  { kind: 'crisis', words: 'crisis line number', short: 'crisis line', countries: 'all' },
  // 116 000 is reserved EU-wide (Decision 2007/116/EC) for missing children; elsewhere it is not expected.
  { kind: 'missing_children', words: '116 000 (missing children) number', short: '116 000', countries: EU_MEMBER_STATES },
]

/**
 * Every kind the report knows: the expected ones first, then any other the schema has (so a new kind shows at once).
 * @example URGENT_KINDS_REPORTED[0] // 'emergency'
 */
export const URGENT_KINDS_REPORTED: readonly string[] = [
  ...new Set<string>([...EXPECTATIONS.map((entry) => entry.kind), ...UrgentLineSchema.shape.kind.options]),
]

/**
 * The urgent-line kinds a country should have on file, in report order.
 * @example expectedUrgentKinds('SE') // ['emergency', 'child_helpline', 'crisis', 'missing_children']
 */
export function expectedUrgentKinds(country: string): string[] {
  return EXPECTATIONS.filter((entry) => entry.countries === 'all' || entry.countries.includes(country)).map((entry) => entry.kind)
}

/**
 * Short and sentence words for a kind ("116 000", "116 000 (missing children) number"); unknown kinds read as their id.
 * @example urgentKindWords('crisis').short // 'crisis line'
 */
export function urgentKindWords(kind: string): { words: string; short: string } {
  const known = EXPECTATIONS.find((entry) => entry.kind === kind)
  const plain = kind.replace(/_/g, ' ')
  return known ?? { words: `${plain} number`, short: plain }
}
