import { normaliseText } from './normaliseText'

/** The most a person is offered: more would be a second list to read, not a correction. */
const MAX_SUGGESTIONS = 3
/** A name that starts with what was typed ("Deutsch" → "Deutschland") counts only from this many letters. */
const SHORTEST_PREFIX = 3

/**
 * How many slips (a letter wrong, missing, extra, or two swapped) a typed name may hold: one per
 * four letters, so none up to 3 letters ("Chad" and "Chat" differ by one, "Narnia" is not "Dania").
 */
function allowedSlips(letters: number): number {
  return Math.floor(letters / 4)
}

/**
 * The codes whose names are closest to something typed that named none: near misses ("Germnay",
 * "Frankriech", "أمانيا") by edit distance with swaps, then names that begin with it ("Deutsch",
 * "Germ"), best first, each code once. `names` are normalised (normaliseText) with their codes, in
 * every language the caller knows; the caller puts the codes back into the person's words.
 * @example suggestNames('Germnay', [['germany', 'DE'], ['guernsey', 'GG']]) // ['DE']
 */
export function suggestNames(typed: string, names: Iterable<readonly [name: string, code: string]>, limit = MAX_SUGGESTIONS): string[] {
  const text = normaliseText(typed)
  const wanted = [...text]
  if (wanted.length === 0) return []
  const slips = allowedSlips(wanted.filter((letter) => letter !== ' ').length)
  const best = new Map<string, number>()
  for (const [name, code] of names) {
    const score = closeness(text, wanted, name, slips)
    if (score === undefined) continue
    const known = best.get(code)
    if (known === undefined || score < known) best.set(code, score)
  }
  return [...best]
    .sort(([codeA, a], [codeB, b]) => a - b || (codeA < codeB ? -1 : 1))
    .slice(0, limit)
    .map(([code]) => code)
}

/** Lower is closer: a name that begins with the text scores 0.5 plus a little per missing letter; a near miss, its slips. */
function closeness(text: string, wanted: readonly string[], name: string, slips: number): number | undefined {
  if (wanted.length >= SHORTEST_PREFIX && name.length > text.length && name.startsWith(text)) return 0.5 + (name.length - text.length) / 100
  // Most names are too long or too short to be a near miss: no need to compare them letter by letter.
  if (slips === 0 || Math.abs(name.length - text.length) > slips + 1) return undefined
  const letters = [...name]
  if (Math.abs(letters.length - wanted.length) > slips) return undefined
  const distance = slipsBetween(wanted, letters, slips)
  return distance !== undefined && distance > 0 ? distance : undefined
}

/**
 * Edit distance where two neighbours swapped count as one slip (optimal string alignment), or
 * undefined once it must exceed `limit` (a row whose smallest cell is past it cannot come back).
 */
function slipsBetween(a: readonly string[], b: readonly string[], limit: number): number | undefined {
  let before: number[] = []
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    let smallest = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let cell = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cell = Math.min(cell, (before[j - 2] ?? 0) + 1)
      current.push(cell)
      smallest = Math.min(smallest, cell)
    }
    if (smallest > limit) return undefined
    before = previous
    previous = current
  }
  const distance = previous[b.length] ?? 0
  return distance <= limit ? distance : undefined
}
