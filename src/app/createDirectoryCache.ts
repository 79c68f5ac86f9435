import type { DirectoryData } from '../core/directory/directoryData'
import { indexDirectory, type DirectoryIndex } from '../core/directory/indexDirectory'
import type { DirectorySource } from '../storage/directorySource'

/** The indexed directory, loaded once; `refresh` reloads it after curators change the data. */
export interface DirectoryCache {
  get(): Promise<DirectoryIndex>
  refresh(): Promise<void>
  /** The static copy compiled from `data/`, used when storage fails. */
  readonly fallback: DirectoryIndex
}

const RETRY_AFTER_MS = 30_000

/**
 * Loads from storage once per process or isolate; if storage fails, serves the static fallback
 * and tries storage again later. Matching never waits on the database after the first load.
 * @example const cache = createDirectoryCache(repository, loadBundledData())
 */
export function createDirectoryCache(
  primary: DirectorySource,
  fallbackData: DirectoryData,
  options: { now?: () => number; onFailure?: (error: unknown) => void } = {},
): DirectoryCache {
  const now = options.now ?? (() => Date.now())
  const fallback = indexDirectory(fallbackData)
  let loaded: DirectoryIndex | undefined
  let pending: Promise<DirectoryIndex> | undefined
  let failedAt = -Infinity

  const load = () =>
    primary.load().then(
      (data) => {
        loaded = indexDirectory(data)
        return loaded
      },
      (error: unknown) => {
        failedAt = now()
        // The operator must learn that storage is down (e.g. migrations never applied).
        options.onFailure?.(error)
        return fallback
      },
    )

  return {
    fallback,
    async get() {
      if (loaded) return loaded
      if (now() - failedAt < RETRY_AFTER_MS) return fallback
      pending ??= load().finally(() => (pending = undefined))
      return pending
    },
    async refresh() {
      loaded = undefined
      failedAt = -Infinity
      await this.get()
    },
  }
}
