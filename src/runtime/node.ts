import { serve } from '@hono/node-server'
import { publicOrigin } from '../app/publicOrigin'
import { consoleSink } from '../middleware/privacyLogger'
import { createNodeApp } from './createNodeApp'
import { stateKeyring } from './stateKeyring'

// Entry point for `npm start`: Node with the embedded SQLite directory.
const port = Number(process.env.PORT ?? 8787)
const hostname = process.env.HOST ?? 'localhost'
const databaseFile = process.env.DATABASE_FILE ?? '.data/helpfinder.sqlite'

const { keyring, warning } = await stateKeyring(process.env.STATE_KEYS)
const origin = publicOrigin(process.env.PUBLIC_ORIGIN)
if (!origin.ok) {
  process.stderr.write(`error: ${origin.error}\n`)
  process.exit(1)
}

const warn = (message: string) => process.stderr.write(`warning: ${message}\n`)
if (warning) warn(warning)
// The curator console (/admin) is on unless CURATOR_CONSOLE=off (e.g. a public-only server).
const consoleOn = process.env.CURATOR_CONSOLE !== 'off'
const { app, close } = await createNodeApp({ databaseFile, keyring, log: consoleSink, warn, publicOrigin: origin.value, ...(consoleOn ? {} : { console: false as const }) })
const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
  process.stdout.write(`Helpfinder is running at http://${hostname}:${info.port} (directory: ${databaseFile})\n`)
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close()
    close()
    process.exit(0)
  })
}
