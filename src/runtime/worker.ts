import type { D1Database, ExecutionContext } from '@cloudflare/workers-types'
import * as z from 'zod'
import { buildAppDeps } from '../app/buildAppDeps'
import { createApp, type AppDeps } from '../app/createApp'
import { createDirectoryCache, type ReloadingDirectoryCache } from '../app/createDirectoryCache'
import { describeStorageFailure } from '../app/describeStorageFailure'
import { consoleSink } from '../middleware/privacyLogger'
import { loadBundledData } from '../storage/bundledData'
import { openD1Directory, seedD1IfEmpty } from '../storage/d1/openD1Directory'
import { stateKeyring } from './stateKeyring'
import { warnOnce } from './workerLogger'

/** The bindings from `wrangler.toml` and the secrets (`wrangler secret put STATE_KEYS`). */
export interface WorkerEnv {
  DB: D1Database
  STATE_KEYS?: string
  /**
   * How old the directory an isolate holds may get before it is reloaded from D1 in the
   * background, in seconds (default 60): a directory published with `wrangler d1 execute` shows
   * within about this time. A var in wrangler.toml or the dashboard.
   */
  DIRECTORY_MAX_AGE_SECONDS?: string
  /** The Azure Bot registration (`MicrosoftAppId`, `MicrosoftAppPassword`, …), as vars and secrets; see botConfig. */
  [botSetting: string]: unknown
}

type App = ReturnType<typeof createApp>
type Built = { app: App; directory: ReloadingDirectoryCache }

const DEFAULT_MAX_AGE_SECONDS = 60
const MaxAgeSeconds = z.coerce.number().positive().finite()

/**
 * The app on the D1 directory, built once per isolate. Tables come from
 * `wrangler d1 migrations apply`; an empty database is seeded from `data/` in the background.
 * If D1 fails, the directory cache serves the static copy compiled into the bundle.
 */
async function createWorkerApp(env: WorkerEnv, ctx: ExecutionContext): Promise<Built> {
  const { keyring, warning } = await stateKeyring(env.STATE_KEYS)
  if (warning) warnOnce(warning)
  const seed = loadBundledData()
  const d1 = openD1Directory(env.DB)
  // Seeding runs in the background (kept alive by waitUntil): it happens once in a database's
  // life and may take a second, and no person should wait for it. Until it is done, or if D1
  // fails or hangs, the cache's time budget serves the built-in copy.
  const seeding = seedD1IfEmpty(d1.db, seed).catch((error: unknown) => {
    warnOnce(describeStorageFailure(error))
  })
  ctx.waitUntil(seeding)
  const source = { load: () => seeding.then(() => d1.source.load()) }
  const directory = createDirectoryCache(source, seed, {
    onFailure: (error, during) => warnOnce(during === 'load' ? describeStorageFailure(error) : reloadFailure(error)),
    maxAgeMs: maxAgeSeconds(env.DIRECTORY_MAX_AGE_SECONDS) * 1000,
  })
  const deps = await buildAppDeps({ keyring, directory, log: consoleSink })
  await directory.get()
  const app = createApp(deps)
  // The Bot Framework SDK is big (about 480 KiB gzip) and needs nodejs_compat: it is evaluated on
  // the first bot request only, so the web pages and the API never wait for it.
  let bot: Promise<(request: Request) => Promise<Response>> | undefined
  app.post('/api/messages', async (c) => {
    // A failed load is not kept: the next bot request tries again.
    bot ??= botOnWorkers(deps, env).catch((error: unknown) => {
      bot = undefined
      throw error
    })
    return (await bot)(c.req.raw)
  })
  return { app, directory }
}

/** A failed reload keeps the directory loaded before, not the built-in copy: say so. */
function reloadFailure(error: unknown): string {
  return describeStorageFailure(error).replace(/; serving .*$/, '; still serving the directory loaded before, will try again')
}

/** DIRECTORY_MAX_AGE_SECONDS as a number; a value that is not a positive number is reported and ignored. */
function maxAgeSeconds(value: unknown): number {
  if (value === undefined) return DEFAULT_MAX_AGE_SECONDS
  const parsed = MaxAgeSeconds.safeParse(value)
  if (parsed.success) return parsed.data
  warnOnce(`DIRECTORY_MAX_AGE_SECONDS is not a positive number of seconds; using ${DEFAULT_MAX_AGE_SECONDS}`)
  return DEFAULT_MAX_AGE_SECONDS
}

async function botOnWorkers(deps: AppDeps, env: WorkerEnv) {
  const [{ botHandler }, { botConfigFromEnv }] = await Promise.all([import('../channels/botframework/botHandler'), import('../channels/botframework/botConfig')])
  return botHandler(deps.turn, botConfigFromEnv(env))
}

let built: Promise<Built> | undefined

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
    // A failed build (e.g. an invalid STATE_KEYS) is not cached, so the next request tries again.
    built ??= createWorkerApp(env, ctx).catch((error: unknown) => {
      built = undefined
      throw error
    })
    const { app, directory } = await built
    const before = directory.reloading()
    const response = await app.fetch(request, env, ctx)
    // workerd cancels what a finished request leaves running: a reload this request started
    // (the directory was older than its max age) must outlive the response.
    const reload = directory.reloading()
    if (reload && reload !== before) ctx.waitUntil(reload)
    return response
  },
}
