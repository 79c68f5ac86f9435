import { embedOriginRulesFromEnv } from '../app/embedOriginRulesFromEnv'
import { publicOrigin } from '../app/publicOrigin'
import { batchedStdoutSink } from './batchedStdoutSink'
import { createNodeApp } from './createNodeApp'
import { nodeStateCipher } from './nodeStateCipher'
import { serveNode } from './serveNode'
import { serverLimits } from './serverLimits'
import { stateKeyring } from './stateKeyring'

// Entry point for `npm start`: Node with the embedded SQLite directory.
const port = Number(process.env.PORT ?? 8787)
const hostname = process.env.HOST ?? 'localhost'
const databaseFile = process.env.DATABASE_FILE ?? '.data/helpfinder.sqlite'

// node:crypto seals synchronously on the event loop; the Worker keeps WebCrypto (same token format).
const keys = await stateKeyring(process.env.STATE_KEYS, nodeStateCipher)
// A configuration mistake is one line and exit code 1, never a stack trace.
if (!keys.ok) {
  process.stderr.write(`error: ${keys.error}\n`)
  process.exit(1)
}
const { keyring, warning } = keys.value
const origin = publicOrigin(process.env.PUBLIC_ORIGIN)
if (!origin.ok) {
  process.stderr.write(`error: ${origin.error}\n`)
  process.exit(1)
}

const warn = (message: string) => process.stderr.write(`warning: ${message}\n`)
if (warning) warn(warning)
// The curator console (/admin) is on unless CURATOR_CONSOLE=off (e.g. a public-only server).
const consoleOn = process.env.CURATOR_CONSOLE !== 'off'
const embedOrigins = embedOriginRulesFromEnv(process.env)
if (embedOrigins.devOrigins)
  warn(
    'PARTNER_DEV_ORIGINS=on: partners may list http://localhost origins, and pages on this machine may frame their widget. For development only; never on a public server.',
  )
const { app, close } = await createNodeApp({
  databaseFile,
  keyring,
  log: batchedStdoutSink(),
  warn,
  publicOrigin: origin.value,
  embedOrigins,
  ...(consoleOn ? {} : { console: false as const }),
  // Partner figures (docs/figures.md) are counted unless FIGURES=off, which keeps nothing at all.
  ...(process.env.FIGURES === 'off' ? { figures: false as const } : {}),
})
const server = serveNode({ fetch: app.fetch, port, hostname, limits: serverLimits(process.env, warn) }, (info) => {
  process.stdout.write(`Helpfinder is running at http://${hostname}:${info.port} (directory: ${databaseFile})\n`)
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close()
    close()
    process.exit(0)
  })
}
