/**
 * A figure as it may leave the database: the count; only that it is under the threshold; or
 * withheld (a larger figure hidden so that a small one cannot be worked out from the total).
 */
export type MaskedFigure = { count: number } | { fewerThan: number } | { withheld: true }

/** Figures under this are never shown as they are (docs/figures.md). */
export const SMALL_FIGURE = 10

/**
 * A row of figures and its total, masked for leaving the database. Every count under 10 becomes
 * "fewer than 10". Where exactly one count in the row is hidden, the total would give it back
 * (total minus the others), so the next smallest count is withheld too — said as withheld, never
 * as "fewer than 10", which would be untrue of it. A total under 10 is hidden like any figure.
 * A row whose cells are not parts of a sum anyone sees (a funnel's steps) needs no second figure
 * withheld: `{ partsOfTotal: false }`.
 * @example maskSmall([3, 40, 12]) // { cells: [{ fewerThan: 10 }, { count: 40 }, { withheld: true }], total: { count: 55 } }
 */
export function maskSmall(
  counts: readonly number[],
  options: { partsOfTotal?: boolean } = {},
): { cells: MaskedFigure[]; total: MaskedFigure } {
  const small = new Set(counts.flatMap((count, index) => (count < SMALL_FIGURE ? [index] : [])))
  let withheld: number | undefined
  if (small.size === 1 && options.partsOfTotal !== false) {
    const shown = counts.flatMap((count, index) => (small.has(index) ? [] : [{ count, index }]))
    withheld = shown.sort((a, b) => a.count - b.count)[0]?.index
  }
  const cells = counts.map((count, index): MaskedFigure => {
    if (small.has(index)) return { fewerThan: SMALL_FIGURE }
    return index === withheld ? { withheld: true } : { count }
  })
  const total = counts.reduce((sum, count) => sum + count, 0)
  return { cells, total: total < SMALL_FIGURE ? { fewerThan: SMALL_FIGURE } : { count: total } }
}
