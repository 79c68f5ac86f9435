import { execFile } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { gzipSync } from 'node:zlib'
import { buildWorker } from '../scripts/buildWorker'
import { startWorker } from '../tests/support/startWorker'

/**
 * Part of `npm run bench`: the Worker bundle as wrangler deploys it, in workerd (Miniflare) on
 * loopback. Sizes, the first request on a fresh isolate (the app is built then), the first Bot
 * Framework request (the SDK is loaded then) and warm medians. Wall-clock through Miniflare's
 * proxy on this machine: compare the figures with each other, not with Cloudflare's edge.
 */
const run = promisify(execFile)
const WARM = 50
const KIB = 1024
const print = (line = '') => process.stdout.write(`${line}\n`)

async function timed(run: () => Promise<Response>): Promise<number> {
  const start = performance.now()
  const response = await run()
  await response.arrayBuffer()
  if (!response.ok) throw new Error(`status ${response.status}`)
  return performance.now() - start
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN

const greeting = () =>
  JSON.stringify({ type: 'conversationUpdate', id: 'b1', channelId: 'emulator', serviceUrl: 'http://127.0.0.1:9/', deliveryMode: 'expectReplies', conversation: { id: 'c' }, from: { id: 'p' }, recipient: { id: 'bot' }, membersAdded: [{ id: 'p' }] })

async function main() {
  const folder = mkdtempSync(join(tmpdir(), 'helpfinder-bench-worker-'))
  try {
    const bundle = await buildWorker(folder)
    const gzip = gzipSync(readFileSync(bundle.outfile)).length
    print('Worker benchmark (bundle built by wrangler, run in workerd through Miniflare)')
    print(`bundle: ${(bundle.bytes / KIB).toFixed(0)} KiB, ${(gzip / KIB).toFixed(0)} KiB gzip (Workers free plan limit: 3072 KiB gzip)`)
    print(`script start-up (compile and top level, the cost Workers limits to 1 s), median of 5 fresh V8 loads in Node: ${(await startupMs(bundle.outfile)).toFixed(0)} ms`)
    // Local testing: without credentials (or this opt-in) the bot answers 401 and never loads the SDK.
    const worker = await startWorker(bundle.outfile, { bindings: { BOT_LOCAL_TESTING: 'on' } })
    try {
      const page = () => fetch(`${worker.url}/`)
      const bot = () => fetch(`${worker.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: greeting() })
      const firstPage = await timed(page)
      const warmPage = median(await sequence(page))
      const firstBot = await timed(bot)
      const warmBot = median(await sequence(bot))
      print(`first request on a fresh isolate (builds the app; an empty D1 is seeded in the background, so the directory's 300 ms budget applies): ${firstPage.toFixed(0)} ms`)
      print(`a page, warm, median of ${WARM}: ${warmPage.toFixed(1)} ms`)
      print(`first Bot Framework request (loads the SDK): ${firstBot.toFixed(0)} ms`)
      print(`warm Bot Framework greeting, median of ${WARM}: ${warmBot.toFixed(1)} ms`)
    } finally {
      await worker.dispose()
    }
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}

/** Loads the bundle in fresh Node processes (same V8; nodejs_compat imports resolve to Node's own). */
async function startupMs(file: string): Promise<number> {
  const copy = `${file}.mjs`
  copyFileSync(file, copy)
  const probe = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(copy).href)}); process.stdout.write(String(performance.now() - t))`
  const times: number[] = []
  for (let i = 0; i < 5; i += 1) {
    const { stdout } = await run(process.execPath, ['--input-type=module', '--eval', probe])
    times.push(Number(stdout))
  }
  return median(times)
}

async function sequence(run: () => Promise<Response>): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < WARM; i += 1) times.push(await timed(run))
  return times
}

await main()
