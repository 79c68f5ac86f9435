import { cpus } from 'node:os'
import { positiveInt } from './positiveInt'
import { printTable } from './printTable'
import { startArguments, startServerProcess } from './startServerProcess'
import { startSoakLoad } from './startSoakLoad'
import { walkHtmlConversation } from './walkHtmlConversation'
import { walkJsonConversation } from './walkJsonConversation'

/**
 * `BENCH_SOAK=<seconds> npm run bench`: the server as `npm start` runs it, in its own process, under
 * whole conversations to results for that long: half through the JSON API, half as form posts,
 * from two load processes. Its resident memory is sampled every 10 s. Errors are non-2xx answers,
 * network errors and timeouts, stack traces in a body, and conversations that do not reach results.
 */
const SECONDS = positiveInt(process.env.BENCH_SOAK, 600)
const CONCURRENCY = positiveInt(process.env.BENCH_SOAK_CONCURRENCY, 16)
const SAMPLE_SECONDS = 10
const FLAT = 1.1
const print = (line = '') => process.stdout.write(`${line}\n`)
const mb = (bytes: number | undefined) => (bytes === undefined ? '?' : `${(bytes / 1024 / 1024).toFixed(1)} MB`)

async function main(): Promise<boolean> {
  const server = await startServerProcess({ BOT_LOCAL_TESTING: 'on' })
  try {
    // Both walks must work before anything is measured.
    for (const walk of [walkJsonConversation, walkHtmlConversation]) {
      const outcome = await walk(server.base, [])
      if (!outcome.completed) throw new Error(`a first conversation failed: ${outcome.problem?.detail ?? 'no results'}`)
    }
    const idle = server.rss()
    const jsonLanes = Math.max(1, Math.ceil(CONCURRENCY / 2))
    const htmlLanes = Math.max(1, CONCURRENCY - jsonLanes)
    print('Helpfinder soak')
    print(`node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'})`)
    print(`server: node ${startArguments().join(' ')} (pid ${server.pid}) on ${server.base}, fresh SQLite file, BOT_LOCAL_TESTING=on`)
    print(
      `load: ${SECONDS} s, ${jsonLanes} JSON and ${htmlLanes} HTML conversations at a time (BENCH_SOAK, BENCH_SOAK_CONCURRENCY), two load processes sharing the cores with the server`,
    )
    print(`RSS idle, before load: ${mb(idle)}; sampled every ${SAMPLE_SECONDS} s:`)

    const started = performance.now()
    const samples: number[] = []
    const sample = () => {
      const rss = server.rss()
      if (rss === undefined) return
      samples.push(rss)
      print(`  ${((performance.now() - started) / 1000).toFixed(0).padStart(5)} s  ${mb(rss)}`)
    }
    const sampler = setInterval(sample, SAMPLE_SECONDS * 1000)
    const summaries = await Promise.all([
      startSoakLoad({ kind: 'json', base: server.base, concurrency: jsonLanes, seconds: SECONDS }),
      startSoakLoad({ kind: 'html', base: server.base, concurrency: htmlLanes, seconds: SECONDS }),
    ]).finally(() => clearInterval(sampler))
    // The load's own time (the load processes' start-up is not in it), for requests per second.
    const elapsed = Math.max(...summaries.map((summary) => summary.seconds))
    sample()
    const alive = server.alive()

    print()
    printTable(
      ['conversations', 'completed', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'non-2xx', 'network', 'stack trace', 'no results'],
      summaries.map((s) => [
        s.kind === 'json' ? 'JSON  POST /api/v1/turn' : 'HTML  POST /turn (form)',
        String(s.conversations),
        String(s.requests),
        (s.requests / elapsed).toFixed(0),
        s.latencyP50.toFixed(1),
        s.latencyP99.toFixed(1),
        s.latencyMax.toFixed(0),
        String(s.errors.non2xx),
        String(s.errors.network),
        String(s.errors.stackTrace),
        String(s.errors.flow),
      ]),
    )
    const requests = summaries.reduce((sum, s) => sum + s.requests, 0)
    const errors = summaries.reduce((sum, s) => sum + Object.values(s.errors).reduce((a, b) => a + b, 0), 0)
    for (const detail of summaries.flatMap((s) => s.errorSamples)) print(`  e.g. ${detail}`)
    print()
    print(
      `duration: ${elapsed.toFixed(1)} s; requests: ${requests} (${(requests / elapsed).toFixed(0)} req/s); conversations to results: ${summaries.map((s) => `${s.conversations} ${s.kind.toUpperCase()}`).join(', ')}`,
    )
    print(`errors: ${errors}`)

    // "Start" is the first sample under load: the idle figure has not yet paid for warm code and buffers.
    const start = samples[0]
    const end = samples.at(-1)
    const max = samples.length > 0 ? Math.max(...samples) : undefined
    print(`server RSS: idle ${mb(idle)}, start (first sample under load) ${mb(start)}, max ${mb(max)}, end ${mb(end)}`)
    const flat = start !== undefined && end !== undefined && end <= start * FLAT
    const growth =
      start !== undefined && end !== undefined
        ? `grew ${mb(end - start)} (+${(((end - start) / start) * 100).toFixed(1)} %)`
        : 'not measured'
    print(`memory: ${flat ? `flat (end ≤ start × ${FLAT})` : growth}`)
    const output = server.output
    print(
      `server output: ${output.lines} lines, ${output.stackTraceLines} stack-trace lines, ${output.logged5xx} logged 5xx${alive ? '' : '; THE SERVER EXITED during the soak'}`,
    )
    for (const line of output.stackTraceSamples) print(`  ${line}`)
    const pass = errors === 0 && output.stackTraceLines === 0 && output.logged5xx === 0 && alive && flat
    print(`verdict: ${pass ? 'PASS' : 'FAIL'}`)
    return pass
  } finally {
    await server.stop()
  }
}

main().then(
  (pass) => process.exit(pass ? 0 : 1),
  (error: unknown) => {
    process.stderr.write(`soak failed: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  },
)
