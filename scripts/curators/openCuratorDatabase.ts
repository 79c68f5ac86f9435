import { fileURLToPath } from 'node:url'
import { loadBundledData } from '../../src/storage/bundledData'
import { openSqliteDirectory } from '../../src/storage/sqlite/openSqliteDirectory'

/**
 * The SQLite file the curator commands work on (DATABASE_FILE, default .data/helpfinder.sqlite),
 * created and migrated as `npm start` would.
 * @example const { store, file } = openCuratorDatabase(); …; store.close()
 */
export function openCuratorDatabase() {
  const file = process.env.DATABASE_FILE ?? '.data/helpfinder.sqlite'
  const store = openSqliteDirectory(file, loadBundledData(), fileURLToPath(new URL('../../migrations', import.meta.url)))
  return { store, file }
}
