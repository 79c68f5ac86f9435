import type { D1Database, ExecutionContext } from '@cloudflare/workers-types'
import { buildAppDeps } from '../app/buildAppDeps'
import { createApp } from '../app/createApp'
import { createDirectoryCache } from '../app/createDirectoryCache'
import { describeStorageFailure } from '../app/describeStorageFailure'
import { consoleSink } from '../middleware/privacyLogger'
import type { DirectoryData } from '../core/directory/directoryData'
import { loadBundledData } from '../storage/bundledData'
import { openD1Directory, seedD1IfEmpty, type D1Directory } from '../storage/d1/openD1Directory'
import { stateKeyring } from './stateKeyring'
import { warnOnce } from './workerLogger'

/** The bindings from `wrangler.toml` and the secrets (`wrangler secret put STATE_KEYS`). */
export interface WorkerEnv {
  DB: D1Database
  STATE_KEYS?: string
}

type App = ReturnType<typeof createApp>

/**
 * The app on the D1 directory, built once per isolate. Tables come from
 * `wrangler d1 migrations apply`; an empty database is seeded from `data/` when the isolate starts.
 * If D1 fails, the directory cache serves the static copy compiled into the bundle.
 */
async function createWorkerApp(env: WorkerEnv): Promise<App> {
  const { keyring, warning } = await stateKeyring(env.STATE_KEYS)
  if (warning) warnOnce(warning)
  const seed = loadBundledData()
  const d1 = openD1Directory(env.DB)
  await seedOnce(d1.db, seed)
  const directory = createDirectoryCache(d1.source, seed, { onFailure: (error) => warnOnce(describeStorageFailure(error)) })
  const deps = await buildAppDeps({ keyring, directory, log: consoleSink })
  await directory.get()
  return createApp(deps)
}

/** Seeding happens once in a database's life and may take a second; it is not held to a person's budget. */
const SEED_DEADLINE_MS = 5_000

/** Seeds an empty D1 before the first load; a failing or hanging D1 is reported, and the fallback serves. */
async function seedOnce(db: D1Directory, seed: DirectoryData): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`seeding D1 took longer than ${SEED_DEADLINE_MS} ms`)), SEED_DEADLINE_MS)
  })
  try {
    await Promise.race([seedD1IfEmpty(db, seed), deadline])
  } catch (error) {
    warnOnce(describeStorageFailure(error))
  } finally {
    clearTimeout(timer)
  }
}

let app: Promise<App> | undefined

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
    // A failed build (e.g. an invalid STATE_KEYS) is not cached, so the next request tries again.
    app ??= createWorkerApp(env).catch((error: unknown) => {
      app = undefined
      throw error
    })
    return (await app).fetch(request, env, ctx)
  },
}
