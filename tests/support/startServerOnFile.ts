import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { generateKeyring } from '../../src/core/state/keyring'
import { createNodeApp } from '../../src/runtime/createNodeApp'
import type { SupervisionTiming } from '../../src/storage/sqlite/superviseSqliteDirectory'

/**
 * A real Helpfinder server on loopback on the given database file, whatever state that file is
 * in; its warnings kept, and how long createNodeApp took to resolve.
 * @example const server = await startServerOnFile(file, { retryMs: 300 }); …; await server.stop()
 */
export async function startServerOnFile(databaseFile: string, databaseTiming: SupervisionTiming) {
  const warnings: string[] = []
  const started = performance.now()
  const { app, close } = await createNodeApp({
    databaseFile,
    keyring: await generateKeyring(),
    log: () => {},
    warn: (line) => warnings.push(line),
    databaseTiming,
  })
  const startMs = performance.now() - started
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const listening = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(listening))
  })
  const { port } = server.address() as AddressInfo
  return {
    base: `http://127.0.0.1:${port}`,
    startMs,
    warnings,
    /** The lines about the database file (the bot, for one, warns too). */
    databaseLines: () => warnings.filter((line) => line.startsWith('the database file')),
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      close()
    },
  }
}
