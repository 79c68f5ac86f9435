import { fileURLToPath } from 'node:url'
import { Hono } from 'hono'
import { buildAppDeps } from '../app/buildAppDeps'
import { createApp } from '../app/createApp'
import { createDirectoryCache } from '../app/createDirectoryCache'
import { botConfigFromEnv, type BotConfig } from '../channels/botframework/botConfig'
import { botHandler } from '../channels/botframework/botHandler'
import { describeStorageFailure } from '../app/describeStorageFailure'
import type { DirectoryData } from '../core/directory/directoryData'
import { curatorConsole, type ConsoleOptions } from '../curator/curatorConsole'
import type { Keyring } from '../core/state/keyring'
import type { LogSink } from '../middleware/privacyLogger'
import { loadBundledData } from '../storage/bundledData'
import { openSqliteDirectory } from '../storage/sqlite/openSqliteDirectory'

const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url))

/**
 * The app on the embedded SQLite default: the file is created, migrated and seeded from `data/` on first use.
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
}) {
  const seed = options.seed ?? loadBundledData()
  const sqlite = openSqliteDirectory(options.databaseFile, seed, migrationsFolder)
  const directory = createDirectoryCache(sqlite.source, seed, { onFailure: (error) => options.warn?.(describeStorageFailure(error)) })
  const deps = await buildAppDeps({ keyring: options.keyring, directory, log: options.log, now: options.now })
  await directory.get()
  const app = createApp(deps)
  const bot = botHandler(deps.turn, options.bot ?? botConfigFromEnv(process.env))
  app.post('/api/messages', (c) => bot(c.req.raw))
  if (options.console === false) return { app, directory, close: () => sqlite.close() }
  // Two apps side by side, dispatched by path: the public one never sees a console request (or
  // its cookie-setting), and the console's headers and sessions never touch a public page.
  const admin = curatorConsole({ db: sqlite.db, log: options.log, onChange: () => directory.refresh(), ...options.console })
  const root = new Hono()
  root.all('/admin', (c) => admin.fetch(c.req.raw))
  root.all('/admin/*', (c) => admin.fetch(c.req.raw))
  root.all('*', (c) => app.fetch(c.req.raw, c.env))
  return { app: root, directory, close: () => sqlite.close() }
}
