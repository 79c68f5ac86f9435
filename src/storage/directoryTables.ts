import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { DirectoryRows } from './directoryToRows'
import * as schema from './schema'

/**
 * The tables that hold the directory, by their DirectoryRows key, parents first (the insert order).
 * Curator accounts, sessions and the audit trail are not among them: replacing or publishing the
 * directory never touches those.
 */
export const DIRECTORY_TABLES = {
  meta: schema.meta,
  criteria: schema.criteria,
  tags: schema.tags,
  initiatives: schema.initiatives,
  initiativeTags: schema.initiativeTags,
  contacts: schema.contacts,
  sources: schema.sources,
  urgentLines: schema.urgentLines,
  partners: schema.partners,
} satisfies Record<keyof DirectoryRows, SQLiteTable>

/** The directory tables children before parents, so foreign keys hold at every step of a delete. */
export const DIRECTORY_DELETE_ORDER = [
  schema.initiativeTags,
  schema.contacts,
  schema.sources,
  schema.initiatives,
  schema.tags,
  schema.criteria,
  schema.meta,
  schema.urgentLines,
  schema.partners,
] as const

/** Directory tables whose `id` is an AUTOINCREMENT row number, not data. */
export const NUMBERED_TABLES: ReadonlySet<keyof DirectoryRows> = new Set(['contacts', 'sources', 'urgentLines'])
