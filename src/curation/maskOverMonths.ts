import { maskSmall, type MaskedFigure } from '../core/figures/maskSmall'

/** A masked row: its cells and their total, as maskSmall gives them. */
export interface MaskedRow {
  cells: MaskedFigure[]
  total: MaskedFigure
}

const WITHHELD: MaskedFigure = { withheld: true }
const shown = (figure: MaskedFigure) => 'count' in figure

/**
 * One row of figures over a period of one or more months, masked: `byMonth[m][c]` is cell c's count
 * in month m. A single month is `maskSmall` of it. Over several months the sums are masked, and a
 * figure shown in some months but hidden in others is withheld too: the quarter minus the months
 * shown would give the hidden ones back. Where that leaves exactly one hidden cell beside a shown
 * total, the next smallest cell is withheld as well, as maskSmall does — unless the cells are not
 * parts of a total anyone sees (a funnel's steps: `{ partsOfTotal: false }`).
 * @example maskOverMonths([[3, 40], [12, 40], [15, 40]]).cells // [{ withheld: true }, { withheld: true }]
 */
export function maskOverMonths(byMonth: readonly (readonly number[])[], options: { partsOfTotal?: boolean } = {}): MaskedRow {
  const width = Math.max(0, ...byMonth.map((month) => month.length))
  const sums = Array.from({ length: width }, (_, cell) => byMonth.reduce((sum, month) => sum + (month[cell] ?? 0), 0))
  const whole = maskSmall(sums, options)
  if (byMonth.length <= 1) return whole
  const monthly = byMonth.map((month) =>
    maskSmall(
      Array.from({ length: width }, (_, cell) => month[cell] ?? 0),
      options,
    ),
  )
  const mixed = (pick: (row: MaskedRow) => MaskedFigure) => {
    const months = monthly.filter((row) => shown(pick(row))).length
    return months > 0 && months < monthly.length
  }
  const cells = whole.cells.map((figure, cell) => (shown(figure) && mixed((row) => row.cells[cell] ?? WITHHELD) ? WITHHELD : figure))
  const total = shown(whole.total) && mixed((row) => row.total) ? WITHHELD : whole.total
  const hidden = cells.filter((figure) => !shown(figure)).length
  if (hidden === 1 && shown(total) && options.partsOfTotal !== false) {
    const next = cells
      .flatMap((figure, cell) => (shown(figure) ? [{ cell, count: sums[cell] ?? 0 }] : []))
      .sort((a, b) => a.count - b.count)[0]
    if (next) cells[next.cell] = WITHHELD
  }
  return { cells, total }
}
