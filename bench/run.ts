import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/**
 * `npm run bench`: the turn, Worker and widget benchmarks, one process each. Three modes replace
 * them: BENCH_FUZZ=<count> (malformed requests on every public surface), BENCH_SOAK=<seconds>
 * (whole conversations for that long, memory sampled) and BENCH_BOT=<conversations> (Teams-shaped
 * bot conversations: card and message bytes, token length and turn latency per step); with more
 * than one set they run in that order.
 */
const modes = [
  { variable: 'BENCH_FUZZ', script: 'fuzz.bench.ts', what: 'a number of requests', example: 28600 },
  { variable: 'BENCH_SOAK', script: 'soak.bench.ts', what: 'a number of seconds', example: 600 },
  { variable: 'BENCH_BOT', script: 'bot.bench.ts', what: 'a number of conversations', example: 200 },
] as const
const chosen = modes.filter((mode) => process.env[mode.variable] !== undefined && process.env[mode.variable] !== '')
for (const mode of chosen) {
  if (!/^[1-9]\d*$/.test(process.env[mode.variable] ?? '')) {
    process.stderr.write(`${mode.variable} must be ${mode.what} (a whole number above 0), e.g. ${mode.variable}=${mode.example}\n`)
    process.exit(2)
  }
}
const scripts = chosen.length > 0 ? chosen.map((mode) => mode.script) : ['turn.bench.ts', 'worker.bench.ts', 'widget.bench.ts']
for (const script of scripts) {
  // Each in its own Node process with tsx's loader (in execArgv), as `tsx bench/<script>` would run it.
  const run = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(new URL(`./${script}`, import.meta.url))], {
    stdio: 'inherit',
  })
  if (run.status !== 0) process.exit(run.status ?? 1)
}
