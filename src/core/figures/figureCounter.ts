import type { CounterKey } from './counterKeys'

/**
 * Where a turn's counts go (the port; docs/figures.md). `add` never waits and never throws: the
 * counts are added up in memory and written later, off the request's path. On Node that is the
 * SQLite file once an hour (storage/sqlite/), on Workers D1 in the background (storage/d1/).
 */
export interface FigureCounter {
  add(keys: readonly CounterKey[]): void
}

/** FIGURES=off, and tests that count nothing: keeps nothing at all. */
export const NO_FIGURES: FigureCounter = { add: () => {} }
