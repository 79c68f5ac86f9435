import type { DirectoryData } from '../core/directory/directoryData'
import { directoryToRows, type DirectoryRows } from './directoryToRows'

/** Rows the tables that decide seeding hold now. */
export interface SeedCounts {
  initiatives: number
  partners: number
}

/**
 * What seeding must insert, or undefined when nothing. An empty directory gets the whole seed. One
 * seeded before the partners table existed (migration 0001 adds it empty) gets only the seed's
 * partners: the rest of its directory is left as the operator keeps it.
 * @example const rows = seedRows(loadBundledData(), { initiatives: 97, partners: 0 }) // only rows.partners filled
 */
export function seedRows(seed: DirectoryData, counts: SeedCounts): DirectoryRows | undefined {
  const rows = directoryToRows(seed)
  if (counts.initiatives === 0) return rows
  if (counts.partners > 0 || rows.partners.length === 0) return undefined
  const none = { meta: [], criteria: [], tags: [], initiatives: [], initiativeTags: [], contacts: [], sources: [], urgentLines: [] }
  return { ...none, partners: rows.partners }
}
