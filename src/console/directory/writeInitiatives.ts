import { eq, inArray } from 'drizzle-orm'
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import type { DirectoryData } from '../../core/directory/directoryData'
import type { Initiative } from '../../core/directory/initiativeSchema'
import { chunkRows } from '../../storage/chunkRows'
import { directoryToRows } from '../../storage/directoryToRows'
import * as schema from '../../storage/schema'

/** better-sqlite3 binds up to 32,766 values per statement. */
const MAX_PARAMS = 30_000
/** Children before parents, so foreign keys hold at every step. */
const CHILDREN = [schema.initiativeTags, schema.contacts, schema.sources] as const

/**
 * Replaces the rows of the given records (removing those listed in `remove`). Call inside a
 * transaction: the caller appends the audit entries in the same one.
 * @example writeInitiatives(db, data, [record], [])
 */
export function writeInitiatives(
  db: BetterSQLite3Database<typeof schema>,
  data: DirectoryData,
  records: readonly Initiative[],
  remove: readonly string[],
): void {
  const ids = [...records.map((record) => record.id), ...remove]
  for (let start = 0; start < ids.length; start += 500) {
    const part = ids.slice(start, start + 500)
    for (const table of CHILDREN) db.delete(table).where(inArray(table.initiativeId, part)).run()
    db.delete(schema.initiatives).where(inArray(schema.initiatives.id, part)).run()
  }
  if (records.length === 0) return
  const rows = directoryToRows({ ...data, initiatives: [...records] })
  for (const part of chunkRows(rows.initiatives, MAX_PARAMS)) db.insert(schema.initiatives).values(part).run()
  for (const part of chunkRows(rows.initiativeTags, MAX_PARAMS)) db.insert(schema.initiativeTags).values(part).run()
  for (const part of chunkRows(rows.contacts, MAX_PARAMS)) db.insert(schema.contacts).values(part).run()
  for (const part of chunkRows(rows.sources, MAX_PARAMS)) db.insert(schema.sources).values(part).run()
}

/** Replaces one partner's row. Call inside a transaction. */
export function writePartner(db: BetterSQLite3Database<typeof schema>, data: DirectoryData, partnerId: string): void {
  db.delete(schema.partners).where(eq(schema.partners.id, partnerId)).run()
  const row = directoryToRows(data).partners.find((partner) => partner.id === partnerId)
  if (row) db.insert(schema.partners).values(row).run()
}
