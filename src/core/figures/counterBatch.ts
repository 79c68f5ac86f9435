import type { CounterKey, FigureTable } from './counterKeys'

/** One counter row as stored: its table, its dimensions in the table's order, the event and how many. */
export interface CounterRow {
  table: FigureTable
  dims: readonly string[]
  event: string
  count: number
}

/** The names of each table's dimensions, in the order `CounterKey.dims` holds them. */
export const FIGURE_TABLE_DIMS: Record<FigureTable, readonly string[]> = {
  partner_week: ['partner', 'week'],
  country_month: ['country', 'month'],
  country_situation_month: ['country', 'month', 'situation'],
  country_language_month: ['country', 'month', 'language'],
}

/**
 * Counts added up in memory until they are written: one number per counter, so its size is
 * bounded by the counters that exist (known partners, countries, options), never by traffic.
 * @example const batch = counterBatch(); batch.add(keys); store.add(batch.take())
 */
export function counterBatch() {
  const counts = new Map<string, CounterRow>()
  const addTo = (key: CounterKey, count: number) => {
    const id = counterId(key)
    const row = counts.get(id)
    if (row) row.count += count
    else counts.set(id, { table: key.table, dims: key.dims, event: key.event, count })
  }
  return {
    add(keys: readonly CounterKey[]): void {
      for (const key of keys) addTo(key, 1)
    },
    /** Every row added up so far, and an empty batch after. */
    take(): CounterRow[] {
      const rows = [...counts.values()]
      counts.clear()
      return rows
    },
    /** Puts rows back (a write failed): they are added to whatever came since. */
    restore(rows: readonly CounterRow[]): void {
      for (const row of rows) addTo(row, row.count)
    },
    get size(): number {
      return counts.size
    },
  }
}

/** One counter's identity: its parts joined with a character no code or period holds (cheaper than JSON on every turn). */
function counterId(key: CounterKey): string {
  return `${key.table}\u0001${key.dims.join('\u0001')}\u0001${key.event}`
}
