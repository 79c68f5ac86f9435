import { fork, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { jsx } from 'hono/jsx'
import { buildAppDeps } from '../src/app/buildAppDeps'
import { apiTurnRequest } from '../src/channels/api/apiTurnRequest'
import { buildTurnView, type TurnView } from '../src/channels/shared/buildTurnView'
import { countTurn } from '../src/channels/shared/countTurn'
import { runTurn } from '../src/channels/shared/runTurn'
import type { TurnRequest } from '../src/channels/shared/turnRequest'
import { TurnPage } from '../src/channels/web/TurnPage'
import { webTurnRequest } from '../src/channels/web/webTurnForm'
import { advance } from '../src/core/flow/advance'
import { match } from '../src/core/matching/match'
import { profileFromAnswers } from '../src/core/matching/profileFromAnswers'
import { importKeyring, type Keyring } from '../src/core/state/keyring'
import { openState } from '../src/core/state/openState'
import { sealState } from '../src/core/state/sealState'
import { webCryptoCipher } from '../src/core/state/webCryptoCipher'
import { createNodeApp } from '../src/runtime/createNodeApp'
import { sqliteFigureCounter } from '../src/storage/sqlite/sqliteFigureCounter'
import { nodeStateCipher } from '../src/runtime/nodeStateCipher'
import { CONVERSATION_PATH } from './conversationPath'
import type { LoadJob, LoadSummary } from './loadGenerator'
import { positiveInt } from './positiveInt'
import { printTable } from './printTable'
import { startServerProcess } from './startServerProcess'

/**
 * `npm run bench`: the issue-18 table, side by side in one run. The app is the server as `npm start`
 * runs it, in its own process; the yardstick is a bare Hono app in a process of its own; the load
 * is autocannon in a third. The issue's four rows (bare GET, bare POST echoing a turn's JSON, the
 * full JSON turn to results, the full HTML form turn to results) and a fifth, the HTML ceiling: the
 * bare app answering the same form post with the same page bytes and doing nothing else. Then the
 * two ratios the issue aims at, and the ceiling's own ratio (what no HTML turn can exceed). After the
 * load: the token's length at each step, and each step of a turn without HTTP (micro-benchmarks).
 * Ratios, not absolutes: see shared/design/stack-notes.md beside the repository (Speed).
 */

const SECONDS = positiveInt(process.env.BENCH_SECONDS, 8)
const CONNECTIONS = positiveInt(process.env.BENCH_CONNECTIONS, 32)
const WARMUP_SECONDS = 2
const MICRO_ITERATIONS = positiveInt(process.env.BENCH_ITERATIONS, 2000)
const MICRO_WARMUP = 500
/** The issue's aims: the JSON turn against the echo, the HTML turn against the bare GET, and p99. */
const AIM_JSON = 0.5
const AIM_HTML = 0.3
const AIM_P99_MS = 15

/** The conversation that leads to the last question (anonymity), in German, as the API channel sees it. */
const _PATH = CONVERSATION_PATH.slice(0, -1)

const print = (line = '') => process.stdout.write(`${line}\n`)

async function main() {
  const server = await startServerProcess()
  // The same server with the partner figures off (issue 21): counting must cost no measurable time.
  // Same keys, so the same token opens there.
  const uncounted = await startServerProcess({ FIGURES: 'off', STATE_KEYS: server.stateKeys })
  const bare = await startBareServer()
  const generator = await startGenerator()
  try {
    const appBase = server.base
    // 1. A realistic sealed state at the last question, driven through the JSON API; the token's length at each step.
    const tokenLengths: string[][] = []
    let state: string | undefined
    for (const step of CONVERSATION_PATH) {
      const response = await postJson(appBase, { ...step, state })
      const view = (await response.json()) as TurnView
      if (response.status !== 200 || view.error)
        throw new Error(`preparing: ${step.action} ${step.reply?.join('+') ?? ''} → ${response.status} ${view.error ?? ''}`)
      tokenLengths.push([
        `${tokenLengths.length + 1}. ${step.action}${step.reply ? ` ${step.reply.join('+')}` : ''}`,
        view.step.outcome ?? view.step.nodeId,
        String(view.state.length),
      ])
      if (step !== CONVERSATION_PATH.at(-1)) state = view.state
    }
    if (!state) throw new Error('preparing: no state token')
    const lastQuestion = (await (await postJson(appBase, { state, action: 'show' })).json()) as TurnView
    if (lastQuestion.step.nodeId !== 'anonymity')
      throw new Error(`preparing: expected the anonymity question, got ${lastQuestion.step.nodeId}`)

    const jsonBody = JSON.stringify({ state, action: 'answer', reply: ['matters'] })
    const formBody = new URLSearchParams({ state, action: 'answer', answer: 'matters' }).toString()

    // Assert once before measuring.
    const jsonCheck = await postJson(appBase, { state, action: 'answer', reply: ['matters'] })
    const jsonText = await jsonCheck.text()
    const jsonView = JSON.parse(jsonText) as TurnView
    if (jsonCheck.status !== 200 || jsonView.step.outcome !== 'results' || !jsonView.results || jsonView.results.services.length === 0) {
      throw new Error(`full JSON turn did not return results with services (status ${jsonCheck.status}, step ${jsonView.step?.nodeId})`)
    }
    const htmlCheck = await fetch(`${appBase}/turn`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: formBody,
    })
    const html = await htmlCheck.text()
    if (htmlCheck.status !== 200 || !htmlCheck.headers.get('content-type')?.includes('text/html') || !html.includes('class="card"')) {
      throw new Error(`full HTML turn did not return a results page (status ${htmlCheck.status})`)
    }
    const offCheck = (await (await postJson(uncounted.base, { state, action: 'answer', reply: ['matters'] })).json()) as TurnView
    if (offCheck.step.outcome !== 'results') throw new Error('the FIGURES=off server did not reach results with the same token')
    // The echo answers with the turn's own JSON bytes.
    await bare.setEcho(jsonText, html)
    const echoCheck = await fetch(`${bare.base}/bare-echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: jsonBody,
    })
    if ((await echoCheck.text()) !== jsonText) throw new Error('bare echo did not answer with the turn bytes')
    const pageCheck = await fetch(`${bare.base}/bare-page`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: formBody,
    })
    if ((await pageCheck.text()) !== html) throw new Error('bare page did not answer with the page bytes')
    if ((await (await fetch(`${bare.base}/bare`)).text()) !== 'ok') throw new Error('bare route did not answer ok')

    print('Helpfinder turn benchmark')
    print(`node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'})`)
    print(
      `full turn: state at the last question (asker self, age adult, country DE, language de, stage nothing_happened, channels phone+chat, UI de)`,
    )
    print(
      `  → answer "matters": ${jsonView.results.services.length} services, ${jsonView.results.helplines.length} helplines, tier ${jsonView.results.tier}; token ${state.length} chars; JSON ${Buffer.byteLength(jsonText)} B, HTML ${Buffer.byteLength(html)} B`,
    )
    print(
      `processes: the app as \`npm start\` runs it (pid ${server.pid}, its log lines read by this process); a bare Hono app (pid ${bare.pid}); autocannon 8 — three processes on ${cpus().length} cores`,
    )
    print(
      `each row: warm-up ${WARMUP_SECONDS} s, then ${SECONDS} s measured, ${CONNECTIONS} connections (BENCH_SECONDS, BENCH_CONNECTIONS)`,
    )
    print()

    const rssBefore = server.rss()
    const targets: { name: string; job: Omit<LoadJob, 'id' | 'duration' | 'connections'> }[] = [
      { name: 'bare Hono GET', job: { url: `${bare.base}/bare`, method: 'GET', headers: {}, body: undefined } },
      {
        name: 'bare Hono POST echoing the same JSON',
        job: { url: `${bare.base}/bare-echo`, method: 'POST', headers: { 'content-type': 'application/json' }, body: jsonBody },
      },
      {
        name: 'HTML ceiling: bare POST answering the same page',
        job: {
          url: `${bare.base}/bare-page`,
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: formBody,
        },
      },
      {
        name: 'full turn, JSON API (to results)',
        job: { url: `${appBase}/api/v1/turn`, method: 'POST', headers: { 'content-type': 'application/json' }, body: jsonBody },
      },
      {
        name: 'full turn, HTML form post (to results)',
        job: { url: `${appBase}/turn`, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: formBody },
      },
    ]
    const results: LoadSummary[] = []
    let rssMax = rssBefore ?? 0
    for (const target of targets) {
      await generator.run({ ...target.job, connections: CONNECTIONS, duration: WARMUP_SECONDS })
      const sampler = setInterval(() => (rssMax = Math.max(rssMax, server.rss() ?? 0)), 1000)
      results.push(
        await generator.run({ ...target.job, connections: CONNECTIONS, duration: SECONDS }).finally(() => clearInterval(sampler)),
      )
    }
    const rssAfter = server.rss()

    // 2. The table and the ratios.
    printTable(
      ['route', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors'],
      results.map((summary, row) => [
        targets[row]?.name ?? '?',
        summary.requestsPerSecond.toFixed(0),
        summary.latencyP50.toFixed(1),
        summary.latencyP99.toFixed(1),
        String(summary.non2xx),
        String(summary.errors + summary.timeouts),
      ]),
    )
    print()
    const [bareGet, echo, ceiling, jsonTurn, htmlTurn] = results
    if (bareGet && echo && ceiling && jsonTurn && htmlTurn) {
      const verdict = (passed: boolean) => (passed ? 'PASS' : 'BELOW')
      const jsonRatio = jsonTurn.requestsPerSecond / echo.requestsPerSecond
      const htmlRatio = htmlTurn.requestsPerSecond / bareGet.requestsPerSecond
      print(`JSON turn / echo:     ${jsonRatio.toFixed(3)}  (aim ≥ ${AIM_JSON})  ${verdict(jsonRatio >= AIM_JSON)}`)
      print(`HTML turn / bare GET: ${htmlRatio.toFixed(3)}  (aim ≥ ${AIM_HTML})  ${verdict(htmlRatio >= AIM_HTML)}`)
      const ceilingRatio = ceiling.requestsPerSecond / bareGet.requestsPerSecond
      print(
        `  the ceiling / bare GET: ${ceilingRatio.toFixed(3)} — the most any turn answering these ${Buffer.byteLength(html)} bytes can reach against this yardstick`,
      )
      print(
        `  HTML turn / ceiling:    ${(htmlTurn.requestsPerSecond / ceiling.requestsPerSecond).toFixed(3)} — what the turn's own work costs`,
      )
      const worstP99 = Math.max(jsonTurn.latencyP99, htmlTurn.latencyP99)
      print(
        `turns' p99: ${worstP99.toFixed(1)} ms  (aim ≤ ${AIM_P99_MS} ms at ${CONNECTIONS} connections)  ${verdict(worstP99 <= AIM_P99_MS)}`,
      )
      const failures = results.reduce((sum, summary) => sum + summary.non2xx + summary.errors + summary.timeouts, 0)
      print(
        `errors (non-2xx, network, timeouts) in all ${results.length} rows: ${failures}; 5xx in the app's log: ${server.output.logged5xx}; stack-trace lines: ${server.output.stackTraceLines}`,
      )
    }
    print(`app RSS: before load ${mb(rssBefore)}, max under load ${mb(rssMax)}, after load ${mb(rssAfter)}`)
    print()

    // 3. The partner figures' cost (issue 21): the same turns on this server (counting) and on one
    // with FIGURES=off, in alternating rounds (on, off, then off, on), so a drift over the run falls
    // on both sides. Every measured turn reaches results from a token counted to the question
    // before, so each one adds its counts.
    const rounds = 3
    const roundSeconds = Math.max(2, Math.round(SECONDS / 2))
    const sums = { json: { on: 0, off: 0 }, html: { on: 0, off: 0 } }
    const p99s: Record<string, number[]> = { 'json on': [], 'json off': [], 'html on': [], 'html off': [] }
    for (let round = 0; round < rounds; round++) {
      for (const channel of ['json', 'html'] as const) {
        const order = round % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const)
        for (const side of order) {
          const base = side === 'on' ? appBase : uncounted.base
          const job =
            channel === 'json'
              ? { url: `${base}/api/v1/turn`, method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: jsonBody }
              : {
                  url: `${base}/turn`,
                  method: 'POST' as const,
                  headers: { 'content-type': 'application/x-www-form-urlencoded' },
                  body: formBody,
                }
          await generator.run({ ...job, connections: CONNECTIONS, duration: 1 })
          const summary = await generator.run({ ...job, connections: CONNECTIONS, duration: roundSeconds })
          if (summary.non2xx + summary.errors + summary.timeouts > 0) throw new Error(`figures A/B: errors on ${channel} ${side}`)
          sums[channel][side] += summary.requestsPerSecond
          p99s[`${channel} ${side}`]?.push(summary.latencyP99)
        }
      }
    }
    const list = (values: number[] | undefined) => (values ?? []).map((value) => value.toFixed(0)).join('/')
    print(`partner figures: counting on / FIGURES=off, ${rounds} alternating rounds of ${roundSeconds} s each (req/s; 1.000 = no cost)`)
    print(
      `  JSON turn ${(sums.json.on / sums.json.off).toFixed(3)} (${(sums.json.on / rounds).toFixed(0)} vs ${(sums.json.off / rounds).toFixed(0)} req/s; p99 ${list(p99s['json on'])} vs ${list(p99s['json off'])} ms)`,
    )
    print(
      `  HTML turn ${(sums.html.on / sums.html.off).toFixed(3)} (${(sums.html.on / rounds).toFixed(0)} vs ${(sums.html.off / rounds).toFixed(0)} req/s; p99 ${list(p99s['html on'])} vs ${list(p99s['html off'])} ms)`,
    )
    print()

    // 4. The token's length at each step of the conversation (what a page and a card carry).
    print('state token per step (the token the answer returns)')
    printTable(['step', 'now at', 'token chars'], tokenLengths)
    print()

    // 5. The same turn without HTTP, in this process.
    await microBenchmarks(server.stateKeys, state)
  } finally {
    generator.stop()
    bare.stop()
    await Promise.all([server.stop(), uncounted.stop()])
  }
}

async function microBenchmarks(stateKeys: string, token: string) {
  const folder = mkdtempSync(join(tmpdir(), 'helpfinder-bench-'))
  // The server's own keys, through each cipher: node:crypto (what `npm start` uses) and WebCrypto (the Worker's).
  const [imported, viaWebCrypto] = await Promise.all([importKeyring(stateKeys, nodeStateCipher), importKeyring(stateKeys, webCryptoCipher)])
  if (!imported.ok || !viaWebCrypto.ok) throw new Error("micro: the server's STATE_KEYS do not import")
  const keyring: Keyring = imported.value
  const webKeyring: Keyring = viaWebCrypto.value
  const node = await createNodeApp({ databaseFile: join(folder, 'helpfinder.sqlite'), keyring, log: () => {} })
  try {
    const deps = (await buildAppDeps({ keyring, directory: node.directory, log: () => {} })).turn
    const now = deps.now()
    const opened = await openState(token, keyring, now, deps.flow)
    if (!opened.ok) throw new Error(`micro: cannot open the state (${opened.error})`)
    const state = opened.value
    const ui = deps.translator.pick(state.ui)
    const t = deps.translator.t(ui)
    const context = { countries: deps.countries, languages: deps.languages, labelOf: (key: string) => t(key) }
    const input = { type: 'answer' as const, reply: ['matters'] }
    const outcome = advance(deps.flow, state, input, context)
    const index = await deps.directory()
    const profile = profileFromAnswers(deps.flow, outcome.state.a)
    const matched = match(index, profile)
    if (outcome.step.node.outcome !== 'results' || matched.services.length === 0)
      throw new Error('micro: the turn does not reach results with services')
    const sealed = await sealState(outcome.state, keyring, now, deps.flow)
    const request: TurnRequest = { token, action: 'answer', reply: ['matters'], ui: undefined, urgentCountry: undefined }
    const view = await runTurn(deps, request)
    const nonce = 'bench-nonce-0000000000'
    const render = (turnView: TurnView) => jsx(TurnPage, { view: turnView, nonce, t }).toString()
    const jsonBody = JSON.parse(JSON.stringify({ state: token, action: 'answer', reply: ['matters'] })) as unknown
    const formBody = { state: token, action: 'answer', answer: 'matters' }
    const viewInput = {
      deps,
      index,
      ui,
      token: sealed,
      step: outcome.step,
      error: undefined,
      notice: undefined,
      results: matched,
      profile,
      urgentCountry: profile.country,
      urgentReason: undefined,
      showUrgent: false,
      urgentSuggested: false,
    }

    // The same turn with the partner figures on: counts added up in memory, written hourly (never here).
    const figures = sqliteFigureCounter({ file: join(folder, 'helpfinder.sqlite'), flushEveryMs: 24 * 3_600_000 })
    const counted = { ...deps, figures }
    const facts = {
      fresh: false,
      action: 'answer' as const,
      counted: 6,
      depth: 7,
      node: 'results',
      outcome: 'results' as const,
      tier: 'national' as const,
    }

    const cases: { name: string; run: () => unknown }[] = [
      { name: 'apiTurnRequest (zod, JSON body)', run: () => apiTurnRequest(jsonBody, undefined) },
      { name: 'webTurnRequest (zod, form body)', run: () => webTurnRequest(formBody, undefined) },
      { name: 'openState, node:crypto (open + decode)', run: () => openState(token, keyring, now, deps.flow) },
      { name: 'openState, WebCrypto (open + decode)', run: () => openState(token, webKeyring, now, deps.flow) },
      { name: 'advance (replay + answer)', run: () => advance(deps.flow, state, input, context) },
      { name: 'profileFromAnswers', run: () => profileFromAnswers(deps.flow, outcome.state.a) },
      { name: 'match', run: () => match(index, profile) },
      { name: 'sealState, node:crypto (encode + seal)', run: () => sealState(outcome.state, keyring, now, deps.flow) },
      { name: 'sealState, WebCrypto (encode + seal)', run: () => sealState(outcome.state, webKeyring, now, deps.flow) },
      { name: 'buildTurnView (results in words)', run: () => buildTurnView(viewInput) },
      { name: 'runTurn (end to end, = JSON turn)', run: () => runTurn(deps, request) },
      { name: 'JSON.stringify(view)', run: () => JSON.stringify(view) },
      { name: 'TurnPage render (view → HTML)', run: () => render(view) },
      { name: 'runTurn + TurnPage (= HTML turn)', run: async () => render(await runTurn(deps, request)) },
      { name: 'runTurn, FIGURES=off (beside the next row)', run: () => runTurn(deps, request) },
      { name: 'runTurn, figures counted (FIGURES on)', run: () => runTurn(counted, request) },
      {
        name: 'countTurn (a results turn, added up in memory)',
        run: () => countTurn(figures, deps.flow, '(api)', facts, outcome.state, now),
      },
    ]

    print(
      `micro-benchmark (no HTTP, same deps as the app: buildAppDeps + the app's createDirectoryCache): ${MICRO_ITERATIONS} iterations after ${MICRO_WARMUP} warm-up, sequential`,
    )
    const rows: string[][] = []
    for (const benchCase of cases) {
      for (let i = 0; i < MICRO_WARMUP; i++) await benchCase.run()
      const started = performance.now()
      for (let i = 0; i < MICRO_ITERATIONS; i++) await benchCase.run()
      const perCall = ((performance.now() - started) * 1000) / MICRO_ITERATIONS
      rows.push([benchCase.name, perCall.toFixed(1), (1e6 / perCall).toFixed(0)])
    }
    printTable(['step', 'µs/call', 'calls/s (1 core)'], rows)
    print(
      `figure counters held in memory after ${MICRO_WARMUP * 2 + MICRO_ITERATIONS * 2} counted turns: ${figures.flush()} rows written in one transaction`,
    )
  } finally {
    node.close()
    rmSync(folder, { recursive: true, force: true })
  }
}

// --- helpers -----------------------------------------------------------------------------------

function postJson(base: string, body: unknown) {
  return fetch(`${base}/api/v1/turn`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
}

/** Forks bench/bareServer.ts (tsx's loader comes along in execArgv): the bare Hono app in its own process. */
async function startBareServer() {
  const child: ChildProcess = fork(fileURLToPath(new URL('./bareServer.ts', import.meta.url)), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message: { port: number }) => resolve(message.port))
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`bare server exited with ${code}`)))
  })
  return {
    base: `http://127.0.0.1:${port}`,
    pid: child.pid,
    setEcho(echo: string, page: string) {
      return new Promise<void>((resolve) => {
        child.once('message', () => resolve())
        child.send({ echo, page })
      })
    },
    stop() {
      if (child.connected) child.send('exit')
      child.disconnect?.()
    },
  }
}

/** Forks bench/loadGenerator.ts (tsx's loader comes along in execArgv) and runs jobs one at a time. */
async function startGenerator() {
  const child: ChildProcess = fork(fileURLToPath(new URL('./loadGenerator.ts', import.meta.url)), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve())
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`load generator exited with ${code}`)))
  })
  let nextId = 0
  return {
    run(job: Omit<LoadJob, 'id'>): Promise<LoadSummary> {
      const id = ++nextId
      return new Promise((resolve, reject) => {
        const onMessage = (message: LoadSummary | { id: number; error: string }) => {
          if (message.id !== id) return
          child.off('message', onMessage)
          if ('error' in message) reject(new Error(`load generator: ${message.error}`))
          else resolve(message)
        }
        child.on('message', onMessage)
        child.send({ ...job, id })
      })
    },
    stop() {
      if (child.connected) child.send('exit')
      child.disconnect?.()
    },
  }
}

function mb(bytes: number | undefined) {
  return bytes === undefined ? '?' : `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exit(1)
  },
)
