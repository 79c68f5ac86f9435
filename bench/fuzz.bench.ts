import { Agent } from 'node:http'
import { buildFuzzContext } from './buildFuzzContext'
import { FuzzTally } from './FuzzTally'
import { fuzzRequest } from './fuzzRequest'
import { FUZZ_SURFACES } from './fuzzSurfaces'
import { positiveInt } from './positiveInt'
import { printTable } from './printTable'
import { sendRaw } from './sendRaw'
import { seededRandom } from './seededRandom'
import { startArguments, startServerProcess } from './startServerProcess'

/**
 * `BENCH_FUZZ=<count> npm run bench`: that many malformed requests, spread evenly over the 13 public
 * surfaces, against the server as `npm start` runs it, in its own process. The requests come from a
 * seeded random source (BENCH_FUZZ_SEED), so a run can be repeated; only the state tokens differ
 * (each seal takes a fresh random IV). Passes with no 5xx but the bot's documented 502s, no hang, no connection dropped
 * without an answer, and no stack trace in a body or in the server's output (see FuzzTally).
 */
const COUNT = positiveInt(process.env.BENCH_FUZZ, 28_600)
const SEED = positiveInt(process.env.BENCH_FUZZ_SEED, 15)
const CONCURRENCY = positiveInt(process.env.BENCH_FUZZ_CONCURRENCY, 16)
const TIMEOUT_MS = positiveInt(process.env.BENCH_FUZZ_TIMEOUT, 15) * 1000
const PROGRESS_MS = 10_000
const print = (line = '') => process.stdout.write(`${line}\n`)

async function main(): Promise<boolean> {
  const server = await startServerProcess({ BOT_LOCAL_TESTING: 'on' })
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY })
  try {
    const context = await buildFuzzContext(server.base, server.stateKeys)
    const random = seededRandom(SEED)
    const base = new URL(server.base)
    const tally = new FuzzTally(FUZZ_SURFACES.map((surface) => surface.name))
    print('Helpfinder fuzz')
    print(`server: node ${startArguments().join(' ')} (pid ${server.pid}) on ${server.base}, fresh SQLite file, BOT_LOCAL_TESTING=on`)
    print(
      `${COUNT} malformed requests over ${FUZZ_SURFACES.length} surfaces, seed ${SEED}, ${CONCURRENCY} at a time, timeout ${TIMEOUT_MS / 1000} s (BENCH_FUZZ, BENCH_FUZZ_SEED, BENCH_FUZZ_CONCURRENCY, BENCH_FUZZ_TIMEOUT)`,
    )

    // Requests are made one at a time as lanes ask for them, so request n is the same on every run.
    let made = 0
    let answered = 0
    const take = () => {
      const surface = made < COUNT ? FUZZ_SURFACES[made % FUZZ_SURFACES.length] : undefined
      made += 1
      return surface && fuzzRequest(surface, random, context)
    }
    const started = performance.now()
    const progress = setInterval(
      () => print(`  ${((performance.now() - started) / 1000).toFixed(0).padStart(5)} s  ${answered} / ${COUNT}`),
      PROGRESS_MS,
    )
    const lane = async () => {
      for (let request = take(); request; request = take()) {
        tally.record(request, await sendRaw(base, request, agent, TIMEOUT_MS))
        answered += 1
      }
    }
    await Promise.all(Array.from({ length: CONCURRENCY }, lane)).finally(() => clearInterval(progress))
    const elapsed = (performance.now() - started) / 1000

    // Still there, and still helping, after all that.
    const after = await fetch(`${server.base}/urgent`).then(
      (response) => response.status,
      () => undefined,
    )
    const alive = server.alive() && after === 200

    print()
    printTable(
      ['surface', 'requests', 'statuses', 'other 5xx', 'bot 502', 'hangs', 'no answer', 'stack traces', 'slowest ms'],
      [...tally.surfaces.entries()].map(([name, counts]) => [
        name,
        String(counts.requests),
        [...counts.statuses.entries()]
          .sort(([a], [b]) => a - b)
          .map(([status, count]) => `${status}×${count}`)
          .join(' '),
        String(counts.other5xx),
        String(counts.documented502),
        String(counts.hangs),
        String(counts.noAnswer),
        String(counts.stackTraces),
        counts.slowest.ms.toFixed(0),
      ]),
    )
    print()
    print('slowest answer per surface:')
    for (const [name, counts] of tally.surfaces) print(`  ${name}: ${counts.slowest.ms.toFixed(0)} ms, ${counts.slowest.what}`)
    if (tally.failures.length > 0) {
      print()
      print(`failures (the first ${tally.failures.length}):`)
      for (const line of tally.failures) print(`  ${line}`)
    }
    const requests = tally.total((counts) => counts.requests)
    const other5xx = tally.total((counts) => counts.other5xx)
    const hangs = tally.total((counts) => counts.hangs)
    const noAnswer = tally.total((counts) => counts.noAnswer)
    const stackTraces = tally.total((counts) => counts.stackTraces)
    const notSent = tally.total((counts) => counts.notSent)
    print()
    print(`duration: ${elapsed.toFixed(1)} s (${(requests / elapsed).toFixed(0)} req/s)`)
    print(
      `requests: ${requests}; other 5xx: ${other5xx}; the bot's documented 502s: ${tally.total((counts) => counts.documented502)}; hangs: ${hangs}; no answer: ${noAnswer}; stack traces in bodies: ${stackTraces}`,
    )
    if (notSent > 0) print(`not sent (Node's client refused them; a fault of the fuzz, not counted): ${notSent}`)
    const output = server.output
    print(
      `server output: ${output.lines} lines, ${output.stackTraceLines} stack-trace lines, ${output.logged5xx} logged 5xx; afterwards GET /urgent → ${after ?? 'no answer'}${server.alive() ? '' : '; THE SERVER EXITED'}`,
    )
    for (const line of output.stackTraceSamples) print(`  ${line}`)
    const pass = other5xx === 0 && hangs === 0 && noAnswer === 0 && stackTraces === 0 && output.stackTraceLines === 0 && alive
    print(`verdict: ${pass ? 'PASS' : 'FAIL'}`)
    return pass
  } finally {
    agent.destroy()
    await server.stop()
  }
}

main().then(
  (pass) => process.exit(pass ? 0 : 1),
  (error: unknown) => {
    process.stderr.write(`fuzz failed: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  },
)
