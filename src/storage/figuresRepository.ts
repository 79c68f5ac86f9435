import { and, eq, gte, lte, sql } from 'drizzle-orm'
import type { CounterRow } from '../core/figures/counterBatch'
import type { FigureTable } from '../core/figures/counterKeys'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { chunkRows } from './chunkRows'
import type { AnySQLiteDatabase } from './directoryRepository'
import * as schema from './schema'

/** D1 refuses statements that bind more than 100 values; SQLite takes that too. */
const D1_MAX_PARAMS = 100

/** Which rows to read: one partner's (partner_week only) and a range of periods ("2026-W45"…"2026-W49", "2026-10"…"2026-12"), both ends kept. */
export interface FigureFilter {
  partner?: string
  from?: string
  to?: string
}

/**
 * The figures' counter tables on SQLite and D1 alike (storage/schema.ts): statements that add a
 * batch's counts, and reads of one table as CounterRows. Raw counts: only the counters' writes and
 * the masked reports (curation/figuresReport.ts) use them; nothing shows them as they are.
 * @example await createFiguresRepository(db).read('partner_week', { partner: 'demo-helpline' })
 */
export function createFiguresRepository(db: AnySQLiteDatabase) {
  return {
    /** Upserts that add the rows' counts ("count = count + n"); the caller runs them in one transaction or batch. */
    addStatements(rows: readonly CounterRow[], maxParams = D1_MAX_PARAMS) {
      return upserts(db, rows, maxParams)
    },
    async read(table: FigureTable, filter: FigureFilter = {}): Promise<CounterRow[]> {
      if (table === 'partner_week') {
        const t = schema.figuresPartnerWeek
        const rows = await db
          .select()
          .from(t)
          .where(and(filter.partner ? eq(t.partner, filter.partner) : undefined, ...range(t.week, filter)))
        return rows.map((row) => ({ table, dims: [row.partner, row.week], event: row.event, count: row.count }))
      }
      if (table === 'country_month') {
        const t = schema.figuresCountryMonth
        const rows = await db
          .select()
          .from(t)
          .where(and(...range(t.month, filter)))
        return rows.map((row) => ({ table, dims: [row.country, row.month], event: row.event, count: row.count }))
      }
      if (table === 'country_situation_month') {
        const t = schema.figuresCountrySituationMonth
        const rows = await db
          .select()
          .from(t)
          .where(and(...range(t.month, filter)))
        return rows.map((row) => ({ table, dims: [row.country, row.month, row.situation], event: row.event, count: row.count }))
      }
      const t = schema.figuresCountryLanguageMonth
      const rows = await db
        .select()
        .from(t)
        .where(and(...range(t.month, filter)))
      return rows.map((row) => ({ table, dims: [row.country, row.month, row.language], event: row.event, count: row.count }))
    },
  }
}

function range(column: SQLiteColumn, filter: FigureFilter) {
  return [filter.from ? gte(column, filter.from) : undefined, filter.to ? lte(column, filter.to) : undefined]
}

/**
 * Multi-row upserts, one table at a time, each binding at most `maxParams` values: a statement per
 * row cost drizzle about 0.1 ms each to build and prepare (0.2 s for 2,000 rows on SQLite, and a
 * D1 batch of 2,000 statements), where 25 rows a statement cost a few milliseconds.
 */
function upserts(db: AnySQLiteDatabase, rows: readonly CounterRow[], maxParams: number) {
  const of = (table: FigureTable) => rows.filter((row) => row.table === table)
  const add = { count: sql`count + excluded.count` }
  const partnerWeek = of('partner_week').map(({ dims: [partner = '', week = ''], event, count }) => ({ partner, week, event, count }))
  const countryMonth = of('country_month').map(({ dims: [country = '', month = ''], event, count }) => ({ country, month, event, count }))
  const countrySituation = of('country_situation_month').map(({ dims: [country = '', month = '', situation = ''], event, count }) => ({
    country,
    month,
    situation,
    event,
    count,
  }))
  const countryLanguage = of('country_language_month').map(({ dims: [country = '', month = '', language = ''], event, count }) => ({
    country,
    month,
    language,
    event,
    count,
  }))
  const { figuresPartnerWeek: pw, figuresCountryMonth: cm, figuresCountrySituationMonth: cs, figuresCountryLanguageMonth: cl } = schema
  return [
    ...chunkRows(partnerWeek, maxParams).map((chunk) =>
      db
        .insert(pw)
        .values(chunk)
        .onConflictDoUpdate({ target: [pw.partner, pw.week, pw.event], set: add }),
    ),
    ...chunkRows(countryMonth, maxParams).map((chunk) =>
      db
        .insert(cm)
        .values(chunk)
        .onConflictDoUpdate({ target: [cm.country, cm.month, cm.event], set: add }),
    ),
    ...chunkRows(countrySituation, maxParams).map((chunk) =>
      db
        .insert(cs)
        .values(chunk)
        .onConflictDoUpdate({ target: [cs.country, cs.month, cs.situation, cs.event], set: add }),
    ),
    ...chunkRows(countryLanguage, maxParams).map((chunk) =>
      db
        .insert(cl)
        .values(chunk)
        .onConflictDoUpdate({ target: [cl.country, cl.month, cl.language, cl.event], set: add }),
    ),
  ]
}
