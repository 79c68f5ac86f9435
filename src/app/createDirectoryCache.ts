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

/** The cache as built here: also tells which background reload (see `maxAgeMs`) is running. */
export interface ReloadingDirectoryCache extends DirectoryCache {
  /** The background reload while it runs, else undefined. A Worker hands it to `ctx.waitUntil`. */
  reloading(): Promise<void> | undefined
}

const RETRY_AFTER_MS = 30_000
/** A person in distress must not wait on a database: past this, the built-in copy answers. */
export const DIRECTORY_BUDGET_MS = 300

/**
 * Loads from storage once per process or isolate. If storage fails, returns corrupt data, or takes
 * longer than the budget, serves the static fallback and tries storage again later. Matching never
 * waits on the database after the first load.
 *
 * With `maxAgeMs` (off by default), the first `get()` after the directory is that old answers with
 * the index it has and reloads in the background (stale-while-revalidate): a Worker sees a
 * directory published to D1 within about that time. A failed reload keeps the index, reports
 * through `onFailure`, and is tried again after another `maxAgeMs`.
 * @example const cache = createDirectoryCache(repository, loadBundledData())
 * @example const cache = createDirectoryCache(d1Source, loadBundledData(), { maxAgeMs: 60_000 })
 */
export function createDirectoryCache(
  primary: DirectorySource,
  fallbackData: DirectoryData,
  options: {
    now?: () => number
    /** `during` says what is served meanwhile: 'load' the built-in copy, 'reload' the index loaded before. */
    onFailure?: (error: unknown, during: 'load' | 'reload') => void
    budgetMs?: number
    maxAgeMs?: number
    /** How long the built-in copy answers after a failed load before storage is tried again (RETRY_AFTER_MS). */
    retryAfterMs?: number
  } = {},
): ReloadingDirectoryCache {
  const now = options.now ?? (() => Date.now())
  const budgetMs = options.budgetMs ?? DIRECTORY_BUDGET_MS
  const maxAgeMs = options.maxAgeMs ?? Infinity
  const retryAfterMs = options.retryAfterMs ?? RETRY_AFTER_MS
  const fallback = indexDirectory(fallbackData)
  let loaded: DirectoryIndex | undefined
  /** When storage was last read or tried for a reload: the age `maxAgeMs` is measured from. */
  let checkedAt = 0
  let pending: Promise<DirectoryIndex> | undefined
  let failedAt = -Infinity
  // Reads are numbered so that a slow older read never replaces what a newer one loaded.
  let reads = 0
  let kept = 0
  let background: { promise: Promise<void>; startedAt: number } | undefined

  const fail = (error: unknown) => {
    failedAt = now()
    pending = undefined
    // The operator must learn that storage is down (e.g. migrations never applied).
    options.onFailure?.(error, 'load')
    return fallback
  }
  const read = (): Promise<DirectoryIndex> => {
    const number = ++reads
    return primary
      .load()
      .then(indexDirectory)
      .then((index) => {
        if (number > kept) {
          kept = number
          loaded = index
          checkedAt = now()
        }
        return index
      })
  }
  const load = () => {
    const attempt: Promise<DirectoryIndex> = read().then((index) => {
      if (pending === attempt) pending = undefined
      return index
    }, fail)
    return attempt
  }
  const revalidate = () => {
    // A reload that never settles (its request was cut off) is given up after retryAfterMs.
    if (background && now() - background.startedAt < retryAfterMs) return
    const promise: Promise<void> = read().then(
      () => undefined,
      (error: unknown) => {
        checkedAt = now()
        options.onFailure?.(error, 'reload')
      },
    )
    background = { promise, startedAt: now() }
    void promise.finally(() => {
      if (background?.promise === promise) background = undefined
    })
  }
  const get = async (): Promise<DirectoryIndex> => {
    if (loaded) {
      if (now() - checkedAt >= maxAgeMs) revalidate()
      return loaded
    }
    if (now() - failedAt < retryAfterMs) return fallback
    const attempt = (pending ??= load())
    return withinBudget(attempt, budgetMs, () =>
      pending === attempt ? fail(new Error(`directory storage took longer than ${budgetMs} ms`)) : fallback,
    )
  }

  return {
    fallback,
    get,
    async refresh() {
      loaded = undefined
      failedAt = -Infinity
      // A load already done or under way may predate the change being refreshed for: read again.
      pending = undefined
      await get()
    },
    reloading: () => background?.promise,
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
