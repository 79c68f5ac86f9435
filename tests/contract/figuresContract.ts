import { sql } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import * as z from 'zod'
import { FIGURE_TABLE_DIMS, type CounterRow } from '../../src/core/figures/counterBatch'
import { counterKeys, type CounterKey, type FigureTable } from '../../src/core/figures/counterKeys'
import type { FigureCounter } from '../../src/core/figures/figureCounter'
import type { FigureContext, FigureEvent } from '../../src/core/figures/figureEvent'
import type { AnySQLiteDatabase } from '../../src/storage/directoryRepository'
import { createFiguresRepository } from '../../src/storage/figuresRepository'

/** A figures driver under test, on a store of its own. */
export interface OpenedFigures {
  counter: FigureCounter
  /** Writes what the counter holds now, the driver's way (at shutdown, or when due). */
  flush(): Promise<unknown> | unknown
  /** The store the driver writes to, read through drizzle. */
  db: AnySQLiteDatabase
  /** Creates the figures' tables in a store opened 'without tables'. */
  migrate(): Promise<unknown> | unknown
  /** Every line the driver said through its `warn`. */
  warnings: readonly string[]
  /** false for FIGURES=off (NO_FIGURES): it keeps nothing at all. */
  keeps: boolean
  close(): Promise<unknown> | unknown
}

/** 'migrated', as the server's supervisor or `wrangler d1 migrations apply` leaves it; 'without tables', so that every write fails until `migrate()`. */
export type FiguresStore = 'migrated' | 'without tables'

const TABLES = Object.keys(FIGURE_TABLE_DIMS).filter((table): table is FigureTable => table in FIGURE_TABLE_DIMS)
const DEC_3 = Date.UTC(2026, 11, 3, 15, 42)
const JAN_12 = Date.UTC(2027, 0, 12, 8, 5)
const Column = z.looseObject({ name: z.string() })
const Cell = z.union([z.string(), z.number()])

type Conversation = { context: FigureContext; ms: number; events: FigureEvent[] }

/** A few conversations: on a partner's site with every answer, on Helpfinder's own pages with none, and in the next month. */
const CONVERSATIONS: readonly Conversation[] = [
  {
    context: { partner: 'partner-one', country: 'LU', situation: 'viewed_images', language: 'fr' },
    ms: DEC_3,
    events: [{ kind: 'started' }, { kind: 'reached', question: 'stage' }, { kind: 'results', tier: 'national' }, { kind: 'contact' }],
  },
  {
    context: { partner: 'partner-one', country: 'LU', situation: 'nothing_happened', language: 'de' },
    ms: DEC_3,
    events: [{ kind: 'started' }, { kind: 'reached', question: 'stage' }, { kind: 'results', tier: 'online' }],
  },
  { context: {}, ms: DEC_3, events: [{ kind: 'started' }, { kind: 'urgent' }] },
  {
    context: { partner: 'partner-two', country: 'DE', situation: 'viewed_images', language: 'de' },
    ms: JAN_12,
    events: [{ kind: 'started' }, { kind: 'results', tier: 'national' }],
  },
]

const keysOf = (conversations: readonly Conversation[]): CounterKey[] =>
  conversations.flatMap(({ context, ms, events }) => events.flatMap((event) => counterKeys(event, context, ms)))

/** What a counting driver must hold after the keys were added `times` over: one row per distinct key, its count summed. */
function tally(keys: readonly CounterKey[], times = 1): CounterRow[] {
  const rows = new Map<string, CounterRow>()
  for (const key of keys) {
    const id = JSON.stringify([key.table, key.dims, key.event])
    const row = rows.get(id) ?? { table: key.table, dims: key.dims, event: key.event, count: 0 }
    row.count += times
    rows.set(id, row)
  }
  return sorted([...rows.values()])
}

const sorted = (rows: CounterRow[]) =>
  rows.map((row) => ({ ...row, dims: [...row.dims] })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))

async function stored(db: AnySQLiteDatabase): Promise<CounterRow[]> {
  const repository = createFiguresRepository(db)
  return sorted((await Promise.all(TABLES.map((table) => repository.read(table)))).flat())
}

async function tableCells(db: AnySQLiteDatabase, table: FigureTable, query: string): Promise<unknown[]> {
  return await db.all(sql.raw(query.replace('$table', `figures_${table}`)))
}

/**
 * The contract every figures driver keeps (docs/figures.md): the keys of counterKeys written as
 * summed counter rows, flushes adding up, nothing written for nothing counted, only the
 * dimensions given, and counts kept through a failed write. NO_FIGURES keeps it by writing nothing.
 * @example figuresContract('d1', async (store) => ({ counter, flush: () => counter.flush(), db, migrate, warnings, keeps: true, close }))
 */
export function figuresContract(name: string, open: (store: FiguresStore) => Promise<OpenedFigures>): void {
  describe(`figures contract: ${name}`, () => {
    const opened: OpenedFigures[] = []
    const openStore = async (store: FiguresStore) => {
      const figures = await open(store)
      opened.push(figures)
      return figures
    }
    afterEach(async () => {
      for (const figures of opened.splice(0)) await figures.close()
    })
    const kept = (figures: OpenedFigures, rows: CounterRow[]) => (figures.keeps ? rows : [])

    it('writes the counters of a few conversations as one summed row each', async () => {
      const figures = await openStore('migrated')
      for (const key of keysOf(CONVERSATIONS)) figures.counter.add([key])
      await figures.flush()
      const rows = await stored(figures.db)
      expect(rows).toEqual(kept(figures, tally(keysOf(CONVERSATIONS))))
      if (!figures.keeps) return
      expect(rows).toContainEqual({ table: 'partner_week', dims: ['partner-one', '2026-W49'], event: 'started', count: 2 })
      expect(rows).toContainEqual({ table: 'partner_week', dims: ['(none)', '2026-W49'], event: 'urgent', count: 1 })
      expect(rows).toContainEqual({ table: 'country_month', dims: ['LU', '2026-12'], event: 'reached:stage', count: 2 })
      expect(rows).toContainEqual({ table: 'country_language_month', dims: ['DE', '2027-01', 'de'], event: 'results:national', count: 1 })
      expect(rows.filter((row) => row.table === 'country_situation_month')).toHaveLength(3)
    })

    it('adds a second flush to the first (count + n), never replaces it', async () => {
      const figures = await openStore('migrated')
      figures.counter.add(keysOf(CONVERSATIONS))
      await figures.flush()
      figures.counter.add(keysOf(CONVERSATIONS))
      figures.counter.add(keysOf(CONVERSATIONS))
      await figures.flush()
      expect(await stored(figures.db)).toEqual(kept(figures, tally(keysOf(CONVERSATIONS), 3)))
    })

    it('writes nothing for nothing counted, and a flushed count only once', async () => {
      const figures = await openStore('migrated')
      await figures.flush()
      expect(await stored(figures.db)).toEqual([])
      const [first] = CONVERSATIONS
      if (!first) throw new Error('no conversation')
      figures.counter.add(keysOf([first]))
      await figures.flush()
      await figures.flush()
      expect(await stored(figures.db)).toEqual(kept(figures, tally(keysOf([first]))))
      expect(figures.warnings).toEqual([])
    })

    it("keeps only the dimensions given: each table's own columns, and no value that was not handed to it", async () => {
      const figures = await openStore('migrated')
      const keys = keysOf(CONVERSATIONS)
      figures.counter.add(keys)
      await figures.flush()
      const given = new Set(keys.flatMap((key) => [...key.dims, key.event]))
      for (const table of TABLES) {
        const columns = (await tableCells(figures.db, table, 'PRAGMA table_info($table)')).map((column) => Column.parse(column).name)
        expect(columns.sort(), table).toEqual([...FIGURE_TABLE_DIMS[table], 'event', 'count'].sort())
        for (const row of await tableCells(figures.db, table, 'SELECT * FROM $table')) {
          for (const cell of Object.values(z.record(z.string(), Cell).parse(row))) {
            if (typeof cell === 'number') expect(cell).toBeLessThanOrEqual(keys.length)
            else expect(given.has(cell), `${table}: ${cell}`).toBe(true)
          }
        }
      }
    })

    it('keeps the counts of a failed write for the next one, and says why in one line, once', async () => {
      const figures = await openStore('without tables')
      const [first, ...rest] = CONVERSATIONS
      if (!first) throw new Error('no conversation')
      figures.counter.add(keysOf([first]))
      await figures.flush()
      figures.counter.add(keysOf(rest))
      await figures.flush()
      expect(figures.warnings).toHaveLength(figures.keeps ? 1 : 0)
      for (const line of figures.warnings) {
        expect(line).not.toContain('\n')
        for (const value of ['partner-one', 'viewed_images', 'reached:stage', 'results:national']) expect(line).not.toContain(value)
      }
      await figures.migrate()
      await figures.flush()
      await figures.flush()
      expect(await stored(figures.db)).toEqual(kept(figures, tally(keysOf(CONVERSATIONS))))
    })
  })
}
