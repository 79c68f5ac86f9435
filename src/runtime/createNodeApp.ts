import { fileURLToPath } from 'node:url'
import { Hono } from 'hono'
import { buildAppDeps } from '../app/buildAppDeps'
import { createApp } from '../app/createApp'
import { createDirectoryCache } from '../app/createDirectoryCache'
import { botConfigFromEnv, type BotConfig } from '../channels/botframework/botConfig'
import { botStartupWarning } from '../channels/botframework/botStartupWarning'
import { lazyBotHandler } from '../channels/botframework/lazyBotHandler'
import { describeStorageFailure } from '../app/describeStorageFailure'
import type { DirectoryData } from '../core/directory/directoryData'
import type { EmbedOriginRules } from '../core/directory/embedOrigin'
import { curatorConsole, type ConsoleOptions } from '../console/curatorConsole'
import type { Keyring } from '../core/state/keyring'
import type { LogSink } from '../middleware/privacyLogger'
import { loadBundledData } from '../storage/bundledData'
import type { SqliteDirectory } from '../storage/sqlite/openSqliteDirectory'
import { sqliteFigureCounter } from '../storage/sqlite/sqliteFigureCounter'
import { superviseSqliteDirectory, type SupervisionTiming } from '../storage/sqlite/superviseSqliteDirectory'
import { compressResponse } from './compressResponse'
import { consoleUnavailable } from './consoleUnavailable'
import { databaseChangeLine } from './databaseChangeLine'
import { nodeCallerOnLoopback } from './nodeCallerOnLoopback'

const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url))

/**
 * The app on the embedded SQLite default: the file is created, migrated and seeded from `data/` on first use.
 * A file that cannot be opened, read or migrated never stops it: the public app runs on the built-in copy,
 * the console answers 503, one warning says why, and it switches back once the file is healthy
 * (superviseSqliteDirectory, which also checks the file while running).
 * The Bot Framework endpoint is `POST /api/messages`; `bot` (its settings) defaults to the environment.
 * @example const { app, close } = await createNodeApp({ databaseFile: '.data/helpfinder.sqlite', keyring, log })
 */
export async function createNodeApp(options: {
  databaseFile: string
  keyring: Keyring
  log: LogSink
  now?: () => number
  warn?: (message: string) => void
  bot?: BotConfig
  /** What a new database is filled with, and the built-in copy; `data/` by default. */
  seed?: DirectoryData
  /** The curator console under /admin: on unless `false` (CURATOR_CONSOLE=off); its timeouts and throttle for tests. */
  console?: false | ConsoleOptions
  /** The configured public address (PUBLIC_ORIGIN, see app/publicOrigin): the server names itself with it, never with the Host header. */
  publicOrigin?: string
  /** Which partner origins the widget and the console's partner form accept (PARTNER_DEV_ORIGINS); production by default. */
  embedOrigins?: EmbedOriginRules
  /** How often the database file is checked (60 s) and, while it is bad, tried again (30 s); for tests. */
  databaseTiming?: SupervisionTiming
  /**
   * The partner figures (docs/figures.md): counted in memory and added to the SQLite file on a fixed
   * schedule (hourly), off every request's path. `false` (FIGURES=off) keeps nothing at all.
   */
  figures?: false | { flushEveryMs?: number }
}) {
  const seed = options.seed ?? loadBundledData()
  const timing = { retryMs: 30_000, ...options.databaseTiming }
  const database = superviseSqliteDirectory({
    file: options.databaseFile,
    seed,
    migrationsFolder,
    ...timing,
    onChange: (change) => {
      options.warn?.(databaseChangeLine(options.databaseFile, change, { console: options.console !== false, retryMs: timing.retryMs }))
      // Only ever from a later check (never during this call), when `directory` exists.
      if (change.kind === 'healthy') void directory.refresh()
    },
  })
  const directory = createDirectoryCache(database.source, seed, {
    // While the file is bad, the supervisor has said so once: the cache's own failures would repeat it.
    onFailure: (error) => {
      if (database.healthy()) options.warn?.(describeStorageFailure(error))
    },
  })
  const figures =
    options.figures === false ? undefined : sqliteFigureCounter({ file: options.databaseFile, warn: options.warn, ...options.figures })
  const close = () => {
    // The counts since the last write go in before the file is closed.
    figures?.close()
    database.close()
  }
  const deps = await buildAppDeps({
    figures,
    keyring: options.keyring,
    directory,
    log: options.log,
    now: options.now,
    publicOrigin: options.publicOrigin,
    embedOrigins: options.embedOrigins,
  })
  await directory.get()
  // Compression at Node's own edge (on Workers, Cloudflare's edge does it). The console is a separate
  // app and never compressed: its pages hold a session's CSRF token next to text a request chose.
  const app = createApp(deps, { edge: [compressResponse()] })
  const botConfig = options.bot ?? botConfigFromEnv(process.env)
  const botWarning = botStartupWarning(botConfig)
  if (botWarning) options.warn?.(botWarning)
  const bot = lazyBotHandler(deps.turn, botConfig)
  app.post('/api/messages', (c) => bot(c.req.raw, { onLoopback: nodeCallerOnLoopback(c) }))
  if (options.console === false) return { app, directory, figures, close }
  // Two apps side by side, dispatched by path: the public one never sees a console request (or
  // its cookie-setting), and the console's headers and sessions never touch a public page.
  // One console per open file (a reopened file gets a new one); none while the file is bad.
  const consoleFor = (sqlite: SqliteDirectory) =>
    curatorConsole({
      db: sqlite.db,
      log: options.log,
      onChange: () => directory.refresh(),
      publicOrigin: options.publicOrigin,
      embedOrigins: options.embedOrigins,
      ...options.console,
    })
  const unavailable = consoleUnavailable(options.log)
  let current: { sqlite: SqliteDirectory; admin: ReturnType<typeof consoleFor> } | undefined
  const admin = () => {
    const sqlite = database.healthy()
    if (!sqlite) return unavailable
    if (current?.sqlite !== sqlite) current = { sqlite, admin: consoleFor(sqlite) }
    return current.admin
  }
  const root = new Hono()
  root.all('/admin', (c) => admin().fetch(c.req.raw))
  root.all('/admin/*', (c) => admin().fetch(c.req.raw))
  root.all('*', (c) => app.fetch(c.req.raw, c.env))
  return { app: root, directory, figures, close }
}
