import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core'
import type { DirectoryData } from '../core/directory/directoryData'
import type { DirectorySource } from './directorySource'
import { rowsToDirectory } from './rowsToDirectory'
import * as schema from './schema'

// biome-ignore lint/suspicious/noExplicitAny: drizzle's own type for "any SQLite driver"
export type AnySQLiteDatabase = BaseSQLiteDatabase<'sync' | 'async', any, typeof schema>

/**
 * Reads the whole directory with one query per table; works the same on better-sqlite3 and D1.
 * @example const data = await createDirectoryRepository(db).load()
 */
export function createDirectoryRepository(db: AnySQLiteDatabase): DirectorySource {
  return {
    async load(): Promise<DirectoryData> {
      const [meta, criteria, tags, initiatives, initiativeTags, contacts, sources, urgentLines, partners] = await Promise.all([
        db.select().from(schema.meta),
        db.select().from(schema.criteria),
        db.select().from(schema.tags),
        db.select().from(schema.initiatives),
        db.select().from(schema.initiativeTags),
        db.select().from(schema.contacts),
        db.select().from(schema.sources),
        db.select().from(schema.urgentLines),
        db.select().from(schema.partners),
      ])
      return rowsToDirectory({ meta, criteria, tags, initiatives, initiativeTags, contacts, sources, urgentLines, partners })
    },
  }
}
