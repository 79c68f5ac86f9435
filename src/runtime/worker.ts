import type { D1Database, ExecutionContext } from '@cloudflare/workers-types'
import { buildAppDeps } from '../app/buildAppDeps'
import { createApp, type AppDeps } from '../app/createApp'
import { createDirectoryCache } from '../app/createDirectoryCache'
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
  /** The Azure Bot registration (`MicrosoftAppId`, `MicrosoftAppPassword`, …), as vars and secrets; see botConfig. */
  [botSetting: string]: unknown
}

type App = ReturnType<typeof createApp>

/**
 * The app on the D1 directory, built once per isolate. Tables come from
 * `wrangler d1 migrations apply`; an empty database is seeded from `data/` in the background.
 * If D1 fails, the directory cache serves the static copy compiled into the bundle.
 */
async function createWorkerApp(env: WorkerEnv, ctx: ExecutionContext): Promise<App> {
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
  const directory = createDirectoryCache(source, seed, { onFailure: (error) => warnOnce(describeStorageFailure(error)) })
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
  return app
}

async function botOnWorkers(deps: AppDeps, env: WorkerEnv) {
  const [{ botHandler }, { botConfigFromEnv }] = await Promise.all([import('../channels/botframework/botHandler'), import('../channels/botframework/botConfig')])
  return botHandler(deps.turn, botConfigFromEnv(env))
}

let app: Promise<App> | undefined

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
    // A failed build (e.g. an invalid STATE_KEYS) is not cached, so the next request tries again.
    app ??= createWorkerApp(env, ctx).catch((error: unknown) => {
      app = undefined
      throw error
    })
    return (await app).fetch(request, env, ctx)
  },
}
