import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Miniflare, Response as MiniflareResponse, type Request as MiniflareRequest } from 'miniflare'
import { newKeySpec } from '../../src/core/state/keyring'

const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url))

/** The drizzle-kit migrations as single statements, in file order (what `wrangler d1 migrations apply` runs). */
export function migrationStatements(folder = migrationsFolder): string[] {
  return readdirSync(folder)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .flatMap((file) => readFileSync(join(folder, file), 'utf8').split('--> statement-breakpoint'))
    .map((statement) => statement.trim())
    .filter(Boolean)
}

/** The compatibility date and flags from wrangler.toml, so tests run the worker as deployed. */
export function workerCompatibility(file = fileURLToPath(new URL('../../wrangler.toml', import.meta.url))) {
  const toml = readFileSync(file, 'utf8')
  const compatibilityDate = /^compatibility_date\s*=\s*"([^"]+)"/m.exec(toml)?.[1]
  const flags = /^compatibility_flags\s*=\s*\[([^\]]*)\]/m.exec(toml)?.[1] ?? ''
  if (!compatibilityDate) throw new Error('wrangler.toml has no compatibility_date')
  return { compatibilityDate, compatibilityFlags: [...flags.matchAll(/"([^"]+)"/g)].map((match) => match[1] ?? '') }
}

/**
 * The id wrangler gives the local D1 of wrangler.toml's [[d1_databases]] (preview id first, as
 * `wrangler d1 execute --local` does): the name of its SQLite file under `--persist-to`.
 */
export function wranglerD1DatabaseId(file = fileURLToPath(new URL('../../wrangler.toml', import.meta.url))) {
  const section =
    readFileSync(file, 'utf8')
      .split(/^\[\[d1_databases\]\]/m)[1]
      ?.split(/^\[/m)[0] ?? ''
  const id = /^preview_database_id\s*=\s*"([^"]+)"/m.exec(section)?.[1] ?? /^database_id\s*=\s*"([^"]+)"/m.exec(section)?.[1]
  if (!id) throw new Error('wrangler.toml has no [[d1_databases]] database_id')
  return id
}

/** How every test workerd listens: loopback, a free port, no Cloudflare request data, no telemetry. */
export const LOOPBACK_RUNTIME = { host: '127.0.0.1', port: 0, cf: false, telemetry: { enabled: false } } as const

/** Collects workerd's stdout and stderr, line by line, into `logs`. */
export function collectStdio(logs: string[]) {
  const collect = (stream: NodeJS.ReadableStream) =>
    stream.on('data', (chunk: Buffer) => logs.push(...chunk.toString('utf8').split('\n').filter(Boolean)))
  return (stdout: NodeJS.ReadableStream, stderr: NodeJS.ReadableStream) => {
    collect(stdout)
    collect(stderr)
  }
}

/**
 * The built worker bundle in workerd (Miniflare), with an in-memory D1 "DB" migrated like
 * `wrangler d1 migrations apply` would, and a fresh STATE_KEYS secret. Not seeded: the worker
 * seeds on its first request. Worker console output is collected in `logs`. With `persistTo`, "DB"
 * is instead the local D1 that `wrangler d1 … --local --persist-to DIR` writes (pass `migrate: false`
 * when wrangler migrated it).
 * @example const worker = await startWorker(outfile); await fetch(`${worker.url}/`); await worker.dispose()
 */
export async function startWorker(
  scriptPath: string,
  options: {
    migrate?: boolean
    stateKeys?: string
    bindings?: Record<string, string>
    outbound?: (request: Request) => Promise<Response>
    persistTo?: string
  } = {},
) {
  const logs: string[] = []
  const mf = new Miniflare({
    modules: true,
    scriptPath,
    // Module names are paths relative to this root; the default (cwd) fails for a bundle outside the project.
    modulesRoot: dirname(scriptPath),
    ...workerCompatibility(),
    ...(options.persistTo
      ? { d1Databases: { DB: wranglerD1DatabaseId() }, d1Persist: join(options.persistTo, 'v3', 'd1') }
      : { d1Databases: { DB: 'helpfinder-test' }, d1Persist: false }),
    bindings: { STATE_KEYS: options.stateKeys ?? newKeySpec('t1'), ...options.bindings },
    // Every fetch the worker makes goes here instead of the network (a fault or a fake set up on purpose).
    ...(options.outbound ? { outboundService: viaNode(options.outbound) } : {}),
    ...LOOPBACK_RUNTIME,
    handleRuntimeStdio: collectStdio(logs),
  })
  const url = (await mf.ready).origin
  const d1 = await mf.getD1Database('DB')
  if (options.migrate ?? true) await d1.batch(migrationStatements().map((statement) => d1.prepare(statement)))
  return { mf, url, d1, logs, dispose: () => mf.dispose() }
}

/** Hands Miniflare's outbound requests to a handler written with Node's own fetch types. */
function viaNode(handler: (request: Request) => Promise<Response>) {
  return async (request: MiniflareRequest) => {
    const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer()
    const response = await handler(new Request(request.url, { method: request.method, headers: [...request.headers], body }))
    return new MiniflareResponse(await response.arrayBuffer(), { status: response.status, headers: [...response.headers] })
  }
}
