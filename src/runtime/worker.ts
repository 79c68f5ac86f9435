import type { D1Database, ExecutionContext } from '@cloudflare/workers-types'
import * as z from 'zod'
import { buildAppDeps } from '../app/buildAppDeps'
import { createApp } from '../app/createApp'
import { createDirectoryCache, type ReloadingDirectoryCache } from '../app/createDirectoryCache'
import { describeStorageFailure } from '../app/describeStorageFailure'
import { botConfigFromEnv } from '../channels/botframework/botConfig'
import { botStartupWarning } from '../channels/botframework/botStartupWarning'
import { lazyBotHandler } from '../channels/botframework/lazyBotHandler'
import { workerCallerOnLoopback } from '../channels/botframework/workerCallerOnLoopback'
import { fail, ok, type Result } from '../core/result'
import { publicOrigin } from '../app/publicOrigin'
import { embedOriginRulesFromEnv } from '../app/embedOriginRulesFromEnv'
import { consoleSink } from '../middleware/privacyLogger'
import { loadBundledData } from '../storage/bundledData'
import { d1FigureCounter, type D1FigureCounter } from '../storage/d1/d1FigureCounter'
import { seedingD1Source, type SeedingD1Source } from '../storage/d1/seedingD1Source'
import { stateKeyring } from './stateKeyring'
import { unavailableApp } from './unavailableApp'
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
  /**
   * How long an isolate answers from the built-in copy after D1 failed (e.g. migrations not applied
   * yet) before it tries again, seeding an empty D1 first, in seconds (default 30). A var.
   */
  DIRECTORY_RETRY_SECONDS?: string
  /** The address people reach the service at (e.g. `https://help.example.org`); https turns on HSTS. A var in wrangler.toml. */
  PUBLIC_ORIGIN?: string
  /** `on` for a development Worker only: partners may then list `http://localhost` origins. A var. */
  PARTNER_DEV_ORIGINS?: string
  /** `off` keeps no partner figures at all (docs/figures.md); on by default, counted into D1. A var. */
  FIGURES?: string
  /** How often an isolate writes its counts to D1 at most, in seconds (default 60). A var. */
  FIGURES_FLUSH_SECONDS?: string
  /** The Azure Bot registration (`MicrosoftAppId`, `MicrosoftAppPassword`, …), as vars and secrets; see botConfig. */
  [botSetting: string]: unknown
}

type App = ReturnType<typeof createApp>
type Built = { app: App; directory: ReloadingDirectoryCache; source: SeedingD1Source; figures: D1FigureCounter | undefined }

const DEFAULT_MAX_AGE_SECONDS = 60
const DEFAULT_RETRY_SECONDS = 30
const DEFAULT_FIGURES_FLUSH_SECONDS = 60
const Seconds = z.coerce.number().positive().finite()

/**
 * The app on the D1 directory, built once per isolate, or the reason it cannot be (a one-line
 * configuration error). Tables come from `wrangler d1 migrations apply`; an empty database is
 * seeded from `data/` as part of a load. If D1 fails, the directory cache serves the static copy
 * compiled into the bundle and tries D1 again (seeding first) after DIRECTORY_RETRY_SECONDS.
 */
async function createWorkerApp(env: WorkerEnv): Promise<Result<Built, string>> {
  const keys = await stateKeyring(env.STATE_KEYS)
  if (!keys.ok) return keys
  const { keyring, warning } = keys.value
  if (warning) warnOnce(warning)
  const seed = loadBundledData()
  // Seeding runs in the background (each request hands a load it started to waitUntil): it happens
  // once in a database's life and may take a second, and no person should wait for it. Until it is
  // done, or if D1 fails or hangs, the cache's time budget serves the built-in copy.
  const source = seedingD1Source(env.DB, seed)
  const directory = createDirectoryCache(source, seed, {
    onFailure: (error, during) => warnOnce(during === 'load' ? describeStorageFailure(error) : reloadFailure(error)),
    maxAgeMs: seconds('DIRECTORY_MAX_AGE_SECONDS', env.DIRECTORY_MAX_AGE_SECONDS, DEFAULT_MAX_AGE_SECONDS) * 1000,
    retryAfterMs: seconds('DIRECTORY_RETRY_SECONDS', env.DIRECTORY_RETRY_SECONDS, DEFAULT_RETRY_SECONDS) * 1000,
  })
  const origin = publicOrigin(typeof env.PUBLIC_ORIGIN === 'string' ? env.PUBLIC_ORIGIN : undefined)
  if (!origin.ok) warnOnce(`${origin.error}; ignoring it (no HSTS)`)
  const embedOrigins = embedOriginRulesFromEnv(env)
  if (embedOrigins.devOrigins)
    warnOnce('PARTNER_DEV_ORIGINS=on: partners may list http://localhost origins. For development only; never on a public Worker.')
  // Partner figures: each isolate adds up in memory and writes to D1 in the background, at most once a minute.
  const figures =
    env.FIGURES === 'off'
      ? undefined
      : d1FigureCounter(env.DB, {
          warn: warnOnce,
          flushAfterMs: seconds('FIGURES_FLUSH_SECONDS', env.FIGURES_FLUSH_SECONDS, DEFAULT_FIGURES_FLUSH_SECONDS) * 1000,
        })
  const deps = await buildAppDeps({
    figures,
    keyring,
    directory,
    log: consoleSink,
    publicOrigin: origin.ok ? origin.value : undefined,
    embedOrigins,
  })
  await directory.get()
  const app = createApp(deps)
  // The Bot Framework SDK needs nodejs_compat and is loaded on the first bot request it may answer
  // (lazyBotHandler); its settings are read and judged here, at start-up.
  const botConfig = botConfigFromEnv(env)
  const botWarning = botStartupWarning(botConfig)
  if (botWarning) warnOnce(botWarning)
  const bot = lazyBotHandler(deps.turn, botConfig)
  app.post('/api/messages', (c) => bot(c.req.raw, { onLoopback: workerCallerOnLoopback(c.req.raw) }))
  return ok({ app, directory, source, figures })
}

/** A failed reload keeps the directory loaded before, not the built-in copy: say so. */
function reloadFailure(error: unknown): string {
  return describeStorageFailure(error).replace(/; serving .*$/, '; still serving the directory loaded before, will try again')
}

/** A var in seconds as a number; a value that is not a positive number is reported and ignored. */
function seconds(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback
  const parsed = Seconds.safeParse(value)
  if (parsed.success) return parsed.data
  warnOnce(`${name} is not a positive number of seconds; using ${fallback}`)
  return fallback
}

let built: Promise<Result<Built, string>> | undefined
let unavailable: ReturnType<typeof unavailableApp> | undefined

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
    // A failed build (e.g. an invalid STATE_KEYS) is not cached, so the next request tries again.
    const current = (built ??= createWorkerApp(env).catch((error: unknown) => fail(`the worker could not start: ${firstLine(error)}`)))
    const started = await current
    if (!started.ok) {
      if (built === current) built = undefined
      // Said once per isolate, in one line; the person gets the calm last-resort page with urgent numbers.
      warnOnce(started.error)
      return (await (unavailable ??= unavailableApp(consoleSink))).fetch(request, env, ctx)
    }
    const { app, directory, source, figures } = started.value
    const before = directory.reloading()
    const response = await app.fetch(request, env, ctx)
    // workerd cancels what a finished request leaves running: a reload this request started
    // (the directory was older than its max age), or a load with its seeding, must outlive the response.
    const reload = directory.reloading()
    if (reload && reload !== before) ctx.waitUntil(reload)
    const loading = source.unclaimed()
    if (loading) ctx.waitUntil(loading)
    figures?.flushIfDue((write) => ctx.waitUntil(write), Date.now())
    return response
  },
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? ''
}
