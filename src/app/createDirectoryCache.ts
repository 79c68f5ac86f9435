import type { DirectoryData } from '../core/directory/directoryData'
import { indexDirectory, type DirectoryIndex } from '../core/directory/indexDirectory'
import type { DirectorySource } from '../storage/directorySource'

/** The indexed directory, loaded once; `refresh` reloads it after curators change the data. */
export interface DirectoryCache {
  get(): Promise<DirectoryIndex>
  refresh(): Promise<void>
  /** The static copy compiled from `data/`, used when storage fails or is too slow. */
  readonly fallback: DirectoryIndex
}

const RETRY_AFTER_MS = 30_000
/** A person in distress must not wait on a database: past this, the built-in copy answers. */
export const DIRECTORY_BUDGET_MS = 300

/**
 * Loads from storage once per process or isolate. If storage fails, returns corrupt data, or takes
 * longer than the budget, serves the static fallback and tries storage again later. Matching never
 * waits on the database after the first load.
 * @example const cache = createDirectoryCache(repository, loadBundledData())
 */
export function createDirectoryCache(
  primary: DirectorySource,
  fallbackData: DirectoryData,
  options: { now?: () => number; onFailure?: (error: unknown) => void; budgetMs?: number } = {},
): DirectoryCache {
  const now = options.now ?? (() => Date.now())
  const budgetMs = options.budgetMs ?? DIRECTORY_BUDGET_MS
  const fallback = indexDirectory(fallbackData)
  let loaded: DirectoryIndex | undefined
  let pending: Promise<DirectoryIndex> | undefined
  let failedAt = -Infinity

  const fail = (error: unknown) => {
    failedAt = now()
    pending = undefined
    // The operator must learn that storage is down (e.g. migrations never applied).
    options.onFailure?.(error)
    return fallback
  }
  const load = () =>
    primary.load().then((data) => {
      loaded = indexDirectory(data)
      return loaded
    }, fail)

  return {
    fallback,
    async get() {
      if (loaded) return loaded
      if (now() - failedAt < RETRY_AFTER_MS) return fallback
      const attempt = (pending ??= load())
      return withinBudget(attempt, budgetMs, () => (pending === attempt ? fail(new Error(`directory storage took longer than ${budgetMs} ms`)) : fallback))
    },
    async refresh() {
      loaded = undefined
      failedAt = -Infinity
      await this.get()
    },
  }
}

/** The promise's value if it settles within `ms`, otherwise `late()`; the timer never outlives it. */
function withinBudget<T>(promise: Promise<T>, ms: number, late: () => T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const deadline = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(late()), ms)
  })
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer))
}
