import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import type { DirectoryData } from '../../src/core/directory/directoryData'
import type { EmbedOriginRules } from '../../src/core/directory/embedOrigin'
import { generateKeyring } from '../../src/core/state/keyring'
import type { BotConfig } from '../../src/channels/botframework/botConfig'
import type { ConsoleOptions } from '../../src/console/curatorConsole'
import type { LogLine } from '../../src/middleware/privacyLogger'
import { createNodeApp } from '../../src/runtime/createNodeApp'
import { nodeStateCipher } from '../../src/runtime/nodeStateCipher'

/** A real Helpfinder server on loopback with a real SQLite file in a temporary folder, sealing with node:crypto as `npm start` does. */
export async function startNodeServer(
  options: {
    bot?: BotConfig
    seed?: DirectoryData
    console?: ConsoleOptions
    hostname?: string
    publicOrigin?: string
    embedOrigins?: EmbedOriginRules
    /** The partner figures: counted by default (written hourly, or by `flushFigures`); `false` is FIGURES=off. */
    figures?: false
  } = {},
) {
  const folder = mkdtempSync(join(tmpdir(), 'helpfinder-'))
  const databaseFile = join(folder, 'helpfinder.sqlite')
  const logs: LogLine[] = []
  /** What the server said to the operator (its `warn` lines), e.g. that the bot is off. */
  const warnings: string[] = []
  const { app, close, figures } = await createNodeApp({
    databaseFile,
    keyring: await generateKeyring(nodeStateCipher),
    log: (line) => logs.push(line),
    warn: (message) => warnings.push(message),
    bot: options.bot,
    seed: options.seed,
    console: options.console,
    publicOrigin: options.publicOrigin,
    embedOrigins: options.embedOrigins,
    figures: options.figures,
  })
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started))
  })
  const { port } = server.address() as AddressInfo
  return {
    // `localhost` for browser tests of the console: Chromium accepts Secure (__Host-) cookies from it over http.
    base: `http://${options.hostname ?? '127.0.0.1'}:${port}`,
    databaseFile,
    logs,
    warnings,
    /** Writes the counts added up so far to the file now (the server does it hourly); the rows written. */
    flushFigures: () => figures?.flush() ?? 0,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      close()
      rmSync(folder, { recursive: true, force: true })
    },
  }
}
