import { fileURLToPath } from 'node:url'
import { loadBundledData } from '../../src/storage/bundledData'
import { openSqliteDirectory } from '../../src/storage/sqlite/openSqliteDirectory'

const migrations = fileURLToPath(new URL('../../migrations', import.meta.url))

/**
 * A real directory file as a running server leaves it: created, migrated, seeded from data/ and
 * closed (its write-ahead log checkpointed into the file, so every page is in the file itself).
 * @example const file = healthyDatabase(join(folder, 'helpfinder.sqlite'))
 */
export function healthyDatabase(file: string): string {
  openSqliteDirectory(file, loadBundledData(), migrations).close()
  return file
}
