import { count } from 'drizzle-orm'
import { drizzle, type AnyD1Database, type DrizzleD1Database } from 'drizzle-orm/d1'
import type { DirectoryData } from '../../core/directory/directoryData'
import { createDirectoryRepository } from '../directoryRepository'
import type { DirectorySource } from '../directorySource'
import { insertStatements } from '../insertStatements'
import * as schema from '../schema'
import { seedRows, type SeedCounts } from '../seedRows'

/** D1 refuses statements that bind more than 100 parameters. */
const D1_MAX_PARAMS = 100

/** Drizzle over a D1 binding, typed with the directory schema. */
export type D1Directory = DrizzleD1Database<typeof schema>

/**
 * The directory on Cloudflare D1. Tables come from `wrangler d1 migrations apply` (the same
 * drizzle-kit SQL as on Node), never from the worker; seed them with `seedD1IfEmpty`.
 * @example const { db, source } = openD1Directory(env.DB); await seedD1IfEmpty(db, loadBundledData())
 */
export function openD1Directory(d1: AnyD1Database): { db: D1Directory; source: DirectorySource } {
  const db = drizzle(d1, { schema })
  return { db, source: createDirectoryRepository(db) }
}

/**
 * Seeds an empty D1 directory in one atomic batch (D1 has no interactive transactions), or only
 * the partners of one seeded before they existed (see seedRows). Returns whether it seeded. Two
 * isolates racing: one batch wins, the other fails on the primary keys and rolls back whole, so
 * the data is never doubled.
 * @example const seeded = await seedD1IfEmpty(db, loadBundledData())
 */
export async function seedD1IfEmpty(db: D1Directory, data: DirectoryData): Promise<boolean> {
  const rows = seedRows(data, await seedCounts(db))
  if (!rows) return false
  const [first, ...rest] = insertStatements(db, rows, D1_MAX_PARAMS)
  if (!first) return false
  try {
    await db.batch([first, ...rest])
  } catch (error) {
    // Lost a race with another isolate seeding at the same moment: its batch is the seed.
    if (!seedRows(data, await seedCounts(db))) return false
    throw error
  }
  return true
}

async function seedCounts(db: D1Directory): Promise<SeedCounts> {
  const [initiatives, partners] = await db.batch([
    db.select({ n: count() }).from(schema.initiatives),
    db.select({ n: count() }).from(schema.partners),
  ])
  return { initiatives: initiatives[0]?.n ?? 0, partners: partners[0]?.n ?? 0 }
}
