import type { AnyD1Database } from 'drizzle-orm/d1'
import type { DirectoryData } from '../../core/directory/directoryData'
import type { DirectorySource } from '../directorySource'
import { openD1Directory, seedD1IfEmpty } from './openD1Directory'

/** The D1 directory as a source whose loads seed it first, and the load under way for `ctx.waitUntil`. */
export interface SeedingD1Source extends DirectorySource {
  /** The load under way that no request has kept alive yet (it never rejects), or undefined; each is handed out once. */
  unclaimed(): Promise<void> | undefined
}

/**
 * The directory on D1, seeded from `seed` as the first step of every load until one seeding has
 * succeeded (or found D1 already filled). Seeding is not a once-per-isolate promise: a D1 migrated
 * after the isolate started is seeded and served on the cache's next attempt. While seeding fails,
 * the load fails with its reason, so the cache keeps the built-in copy rather than an empty D1.
 * @example const source = seedingD1Source(env.DB, loadBundledData()); createDirectoryCache(source, seed)
 */
export function seedingD1Source(binding: AnyD1Database, seed: DirectoryData): SeedingD1Source {
  const { db, source } = openD1Directory(binding)
  let seeded = false
  let running: Promise<void> | undefined
  return {
    load() {
      const attempt = (async () => {
        if (!seeded) {
          await seedD1IfEmpty(db, seed)
          seeded = true
        }
        return source.load()
      })()
      // The cache handles the failure; the promise a request keeps alive must never reject.
      running = attempt.then(
        () => undefined,
        () => undefined,
      )
      return attempt
    },
    unclaimed() {
      const claimed = running
      running = undefined
      return claimed
    },
  }
}
