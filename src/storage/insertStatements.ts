import type { DirectoryRows } from './directoryToRows'
import type { AnySQLiteDatabase } from './directoryRepository'
import { chunkRows } from './chunkRows'
import * as schema from './schema'

/** Multi-row INSERTs for every table, parents first, ready to run atomically. */
export function insertStatements(db: AnySQLiteDatabase, rows: DirectoryRows, maxParams: number) {
  const plan = [
    [schema.meta, rows.meta],
    [schema.criteria, rows.criteria],
    [schema.tags, rows.tags],
    [schema.initiatives, rows.initiatives],
    [schema.initiativeTags, rows.initiativeTags],
    [schema.contacts, rows.contacts],
    [schema.sources, rows.sources],
    [schema.urgentLines, rows.urgentLines],
    [schema.partners, rows.partners],
  ] as const
  return plan.flatMap(([table, tableRows]) =>
    chunkRows<object>(tableRows, maxParams).map((chunk) => db.insert(table).values(chunk as never)),
  )
}
