import type { DirectoryIndex } from '../directory/indexDirectory'
import type { Source } from '../directory/initiativeSchema'
import type { UrgentLine } from '../directory/urgentHelpSchema'

/** A number that many countries' records list for the same kind of line (112, 116 111, 116 123, 116 000). */
export interface SharedUrgentLine {
  kind: UrgentLine['kind']
  /** As most of those records spell it ("116 111"). */
  number: string
  /** The countries whose records list it, sorted: all that is claimed about where it works. */
  countries: string[]
  /** The source those records most often list first for it (then the most cited; then one that names the number). */
  source: Source
}

// Two neighbours sharing a number (999 in GB and IE, 911 in US and CA) is not a number to offer
// someone whose country is unknown; one listed by three or more countries is a harmonised one.
const MIN_COUNTRIES = 3
// 116 000 is reserved EU-wide for missing children (its label says so); a child-protection line
// (114, 119) is national, so it is listed too but only shows if three countries ever share one.
const KINDS: readonly UrgentLine['kind'][] = ['emergency', 'child_helpline', 'crisis', 'missing_children', 'child_protection']

interface Tally {
  kind: UrgentLine['kind']
  digits: string
  countries: Set<string>
  spellings: Map<string, number>
  sources: Map<string, { source: Source; first: number; count: number; namesNumber: boolean }>
}

const cache = new WeakMap<DirectoryIndex, readonly SharedUrgentLine[]>()

/**
 * For a person whose country is unknown: per kind, the number the most countries' records share,
 * emergency first. Derived from the data on file only; computed once per directory index.
 * @example sharedUrgentLines(index).map((line) => line.number) // ['112', '116 111', '116 123', '116 000']
 */
export function sharedUrgentLines(index: DirectoryIndex): readonly SharedUrgentLine[] {
  const cached = cache.get(index)
  if (cached) return cached
  const tallies = new Map<string, Tally>()
  for (const [country, lines] of index.urgentByCountry) {
    for (const line of lines) {
      const digits = line.number.replace(/\s+/g, '')
      const key = `${line.kind}:${digits}`
      const tally = tallies.get(key) ?? { kind: line.kind, digits, countries: new Set(), spellings: new Map(), sources: new Map() }
      tallies.set(key, tally)
      tally.countries.add(country)
      tally.spellings.set(line.number, (tally.spellings.get(line.number) ?? 0) + 1)
      line.sources.forEach((source, position) => {
        const seen = tally.sources.get(source.url)
        const namesNumber = source.supports.replace(/[\s-]+/g, '').includes(digits)
        const first = (seen?.first ?? 0) + (position === 0 ? 1 : 0)
        tally.sources.set(source.url, {
          source,
          first,
          count: (seen?.count ?? 0) + 1,
          namesNumber: namesNumber || (seen?.namesNumber ?? false),
        })
      })
    }
  }
  const shared = KINDS.flatMap((kind) => {
    const widest = [...tallies.values()]
      .filter((tally) => tally.kind === kind && tally.countries.size >= MIN_COUNTRIES)
      .sort((a, b) => b.countries.size - a.countries.size || a.digits.localeCompare(b.digits))[0]
    if (!widest) return []
    // The source records most often list first (curators put the primary one first), then the most cited, then one naming the number.
    const source = [...widest.sources.values()].sort(
      (a, b) => b.first - a.first || b.count - a.count || Number(b.namesNumber) - Number(a.namesNumber),
    )[0]?.source
    const number = [...widest.spellings].sort((a, b) => b[1] - a[1])[0]?.[0]
    return source && number ? [{ kind, number, countries: [...widest.countries].sort(), source }] : []
  })
  cache.set(index, shared)
  return shared
}
