import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { newKeySpec } from '../src/core/state/keyring'
import { freePort } from './freePort'
import { hasStackTrace } from './hasStackTrace'
import { residentMemory } from './residentMemory'

const root = fileURLToPath(new URL('..', import.meta.url))
const STARTUP_MS = 60_000

/** What the server printed, counted as it ran (the lines themselves are not kept). */
export interface ServerOutput {
  lines: number
  /** Request log lines (the privacy logger's JSON) with a 5xx status. */
  logged5xx: number
  stackTraceLines: number
  /** The first few lines that looked like a stack trace, to show what leaked. */
  stackTraceSamples: string[]
  warnings: string[]
}

/**
 * The arguments `npm start` gives node (package.json's start script without its leading `node`):
 * the heap limits and tsx's loader come along, so the benchmarks measure the server as it is run.
 */
export function startArguments(): string[] {
  const manifest: unknown = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  const start =
    typeof manifest === 'object' &&
    manifest !== null &&
    'scripts' in manifest &&
    typeof manifest.scripts === 'object' &&
    manifest.scripts !== null &&
    'start' in manifest.scripts
      ? manifest.scripts.start
      : undefined
  const words = typeof start === 'string' ? start.trim().split(/\s+/) : []
  if (words[0] !== 'node') throw new Error(`package.json's start script should run node, not: ${String(start)}`)
  return words.slice(1)
}

/**
 * `npm start`'s server as a real child process: node with the start script's arguments (see
 * startArguments; no npm wrapper process, so `pid` is the server's own) on a free loopback
 * port, a fresh SQLite file in a temporary folder and a fresh STATE_KEYS value. Its stdout and
 * stderr are scanned line by line for stack traces.
 * @example const server = await startServerProcess({ BOT_LOCAL_TESTING: 'on' }); await server.stop()
 */
export async function startServerProcess(extraEnv: Record<string, string> = {}) {
  const folder = mkdtempSync(join(tmpdir(), 'helpfinder-bench-'))
  const port = await freePort()
  const stateKeys = extraEnv.STATE_KEYS ?? newKeySpec('kbench1')
  const output: ServerOutput = { lines: 0, logged5xx: 0, stackTraceLines: 0, stackTraceSamples: [], warnings: [] }
  const child = spawn(process.execPath, startArguments(), {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_FILE: join(folder, 'helpfinder.sqlite'),
      ...extraEnv,
      STATE_KEYS: stateKeys,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let exitCode: number | null | undefined
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exitCode = code ?? (signal ? -1 : null)
      resolve()
    }),
  )

  let announced: () => void = () => {}
  const listening = new Promise<void>((resolve) => (announced = resolve))
  // The last lines before a failed start, to say why; nothing is kept once the server runs.
  let startTail: string[] | undefined = []
  const scan = (line: string) => {
    output.lines += 1
    startTail = startTail?.concat(line.slice(0, 300)).slice(-8)
    if (line.includes('Helpfinder is running at')) announced()
    if (line.startsWith('warning:') && output.warnings.length < 20) output.warnings.push(line)
    if (/"status":5\d\d\b/.test(line)) output.logged5xx += 1
    // Per line: a leaked trace shows as its frame lines ("    at … (file:line:col)").
    if (hasStackTrace(line)) {
      output.stackTraceLines += 1
      if (output.stackTraceSamples.length < 5) output.stackTraceSamples.push(line.slice(0, 200))
    }
  }
  if (child.stdout) createInterface({ input: child.stdout }).on('line', scan)
  if (child.stderr) createInterface({ input: child.stderr }).on('line', scan)

  const cleanUp = () => rmSync(folder, { recursive: true, force: true })
  const timer = setTimeout(() => child.kill('SIGKILL'), STARTUP_MS)
  // The start-up line, or failing that an answer from the port (should the line's wording change).
  let waiting = true
  const answering = (async () => {
    while (waiting) {
      await new Promise((resolve) => setTimeout(resolve, 250))
      if (
        waiting &&
        (await fetch(`http://127.0.0.1:${port}/urgent`).then(
          (response) => response.ok,
          () => false,
        ))
      )
        return
    }
  })()
  await Promise.race([listening, answering, exited])
  waiting = false
  clearTimeout(timer)
  if (exitCode !== undefined || child.pid === undefined) {
    cleanUp()
    throw new Error(`the server did not start (exit ${exitCode}); its last lines:\n${startTail?.join('\n') ?? ''}`)
  }
  startTail = undefined
  const pid = child.pid

  return {
    base: `http://127.0.0.1:${port}`,
    pid,
    /** The STATE_KEYS value the server runs with (the fuzz seals its own tokens with it). */
    stateKeys,
    output,
    /** The server's resident memory now, in bytes. */
    rss: () => residentMemory(pid),
    /** True while the process runs. */
    alive: () => exitCode === undefined,
    /** Asks the server to stop (SIGTERM, as an operator would), waits, and removes its folder. */
    async stop() {
      if (exitCode === undefined) {
        const force = setTimeout(() => child.kill('SIGKILL'), 10_000)
        child.kill('SIGTERM')
        await exited
        clearTimeout(force)
      }
      cleanUp()
    },
  }
}
