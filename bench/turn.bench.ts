import { fork, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { jsx } from 'hono/jsx'
import { buildAppDeps } from '../src/app/buildAppDeps'
import { apiTurnRequest } from '../src/channels/api/apiTurnRequest'
import { buildTurnView, type TurnView } from '../src/channels/shared/buildTurnView'
import { runTurn } from '../src/channels/shared/runTurn'
import type { TurnRequest } from '../src/channels/shared/turnRequest'
import { TurnPage } from '../src/channels/web/TurnPage'
import { webTurnRequest } from '../src/channels/web/webTurnForm'
import { advance } from '../src/core/flow/advance'
import { match } from '../src/core/matching/match'
import { profileFromAnswers } from '../src/core/matching/profileFromAnswers'
import { generateKeyring } from '../src/core/state/keyring'
import { openState } from '../src/core/state/openState'
import { sealState } from '../src/core/state/sealState'
import { createNodeApp } from '../src/runtime/createNodeApp'
import { CONVERSATION_PATH } from './conversationPath'
import type { LoadJob, LoadSummary } from './loadGenerator'

/**
 * `npm run bench`: the full turn (open sealed state, advance, match, seal, render) against a bare
 * Hono route on the same Node process, then the same steps without HTTP. Ratios, not absolutes:
 * see shared/design/stack-notes.md beside the repository (Speed).
 */

const SECONDS = positiveInt(process.env.BENCH_SECONDS, 10)
const CONNECTIONS = positiveInt(process.env.BENCH_CONNECTIONS, 50)
const WARMUP_SECONDS = 2
const MICRO_ITERATIONS = positiveInt(process.env.BENCH_ITERATIONS, 2000)
const MICRO_WARMUP = 500
const AIM = 0.5

/** The conversation that leads to the last question (anonymity), in German, as the API channel sees it. */
const PATH = CONVERSATION_PATH.slice(0, -1)

const print = (line = '') => process.stdout.write(`${line}\n`)

async function main() {
  const folder = mkdtempSync(join(tmpdir(), 'helpfinder-bench-'))
  const keyring = await generateKeyring()
  const discard = () => {}
  const rssStart = process.memoryUsage().rss

  // 1. The real app on a fresh SQLite file, and a bare Hono app on a second server in this process.
  const node = await createNodeApp({ databaseFile: join(folder, 'helpfinder.sqlite'), keyring, log: discard })
  const bare = new Hono()
  bare.get('/bare', (c) => c.text('ok'))
  // The same HTTP work as a turn (parse a JSON body, answer with a body of the turn's size), no turn.
  let echoPayload = ''
  bare.post('/bare-echo', async (c) => {
    await c.req.json()
    return c.body(echoPayload, 200, { 'content-type': 'application/json' })
  })
  const appServer = await listen(node.app.fetch)
  const bareServer = await listen(bare.fetch)
  const appBase = `http://127.0.0.1:${(appServer.address() as AddressInfo).port}`
  const bareBase = `http://127.0.0.1:${(bareServer.address() as AddressInfo).port}`

  const generator = await startGenerator()
  try {
    // 2. A realistic sealed state at the last question, driven through the JSON API.
    let state: string | undefined
    for (const step of PATH) {
      const response = await fetch(`${appBase}/api/v1/turn`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...step, state }),
      })
      const view = (await response.json()) as TurnView
      if (response.status !== 200 || view.error) throw new Error(`preparing: ${step.action} ${step.reply?.join('+') ?? ''} → ${response.status} ${view.error ?? ''}`)
      state = view.state
    }
    if (!state) throw new Error('preparing: no state token')
    const lastQuestion = await (await postJson(appBase, { state, action: 'show' })).json() as TurnView
    if (lastQuestion.step.nodeId !== 'anonymity') throw new Error(`preparing: expected the anonymity question, got ${lastQuestion.step.nodeId}`)

    const jsonBody = JSON.stringify({ state, action: 'answer', reply: ['matters'] })
    const formBody = new URLSearchParams({ state, action: 'answer', answer: 'matters' }).toString()

    // Assert once before measuring.
    const jsonCheck = await postJson(appBase, { state, action: 'answer', reply: ['matters'] })
    const jsonView = (await jsonCheck.json()) as TurnView
    if (jsonCheck.status !== 200 || jsonView.step.outcome !== 'results' || !jsonView.results || jsonView.results.services.length === 0) {
      throw new Error(`full JSON turn did not return results with services (status ${jsonCheck.status}, step ${jsonView.step?.nodeId})`)
    }
    const htmlCheck = await fetch(`${appBase}/turn`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: formBody })
    const html = await htmlCheck.text()
    if (htmlCheck.status !== 200 || !htmlCheck.headers.get('content-type')?.includes('text/html') || !html.includes('class="card"')) {
      throw new Error(`full HTML turn did not return a results page (status ${htmlCheck.status})`)
    }
    echoPayload = JSON.stringify(jsonView)
    const bareCheck = await fetch(`${bareBase}/bare`)
    if ((await bareCheck.text()) !== 'ok') throw new Error('bare route did not answer ok')

    print('Helpfinder turn benchmark')
    print(`node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'})`)
    print(`full turn: state at the last question (asker self, country DE, language de, stage nothing_happened, channels phone+chat, UI de)`)
    print(`  → answer "matters": ${jsonView.results.services.length} services, ${jsonView.results.helplines.length} helplines, tier ${jsonView.results.tier}; token ${state.length} chars; JSON ${jsonCheck.headers.get('content-length') ?? '?'} B, HTML ${Buffer.byteLength(html)} B`)
    print(`servers: the app and the bare route are two @hono/node-server servers (two ports) in this one Node process / event loop`)
    print(`load: autocannon 8 (programmatic) in a forked child process — its own event loop, but it shares the ${cpus().length} cores with the server`)
    print(`each target: warm-up ${WARMUP_SECONDS} s, then ${SECONDS} s measured, ${CONNECTIONS} connections (BENCH_SECONDS, BENCH_CONNECTIONS)`)
    print()

    const memoryBefore = process.memoryUsage()
    const targets: { name: string; job: Omit<LoadJob, 'id' | 'duration' | 'connections'> }[] = [
      { name: 'GET /bare (bare Hono)', job: { url: `${bareBase}/bare`, method: 'GET', headers: {}, body: undefined } },
      {
        name: 'POST /bare-echo (same bytes, no turn)',
        job: { url: `${bareBase}/bare-echo`, method: 'POST', headers: { 'content-type': 'application/json' }, body: jsonBody },
      },
      {
        name: 'POST /api/v1/turn (JSON)',
        job: { url: `${appBase}/api/v1/turn`, method: 'POST', headers: { 'content-type': 'application/json' }, body: jsonBody },
      },
      {
        name: 'POST /turn (HTML form)',
        job: { url: `${appBase}/turn`, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: formBody },
      },
    ]
    const results: { name: string; summary: LoadSummary }[] = []
    for (const target of targets) {
      await generator.run({ ...target.job, connections: CONNECTIONS, duration: WARMUP_SECONDS })
      const summary = await generator.run({ ...target.job, connections: CONNECTIONS, duration: SECONDS })
      results.push({ name: target.name, summary })
    }
    const memoryAfter = process.memoryUsage()

    // 3. The table and the ratios.
    table(
      ['target', 'req/s (mean)', 'p50 ms', 'p99 ms', 'non-2xx', 'errors'],
      results.map(({ name, summary }) => [
        name,
        summary.requestsPerSecond.toFixed(0),
        summary.latencyP50.toFixed(1),
        summary.latencyP99.toFixed(1),
        String(summary.non2xx),
        String(summary.errors + summary.timeouts),
      ]),
    )
    print()
    const [bareResult, echoResult, jsonResult, htmlResult] = results.map((result) => result.summary)
    print(`aim: full turn ≥ ${AIM} × bare route`)
    for (const [label, result] of [['JSON', jsonResult], ['HTML', htmlResult]] as const) {
      if (!result || !bareResult) continue
      const ratio = result.requestsPerSecond / bareResult.requestsPerSecond
      print(`  full turn ${label} / bare: ${ratio.toFixed(3)}  ${ratio >= AIM ? 'PASS' : 'BELOW'}`)
    }
    if (jsonResult && echoResult) {
      print(`  for scale: full turn JSON / bare echo of the same bytes: ${(jsonResult.requestsPerSecond / echoResult.requestsPerSecond).toFixed(3)}`)
    }
    print()
    print(
      `memory (server process): RSS at start ${mb(rssStart)}, before load ${mb(memoryBefore.rss)}, after load ${mb(memoryAfter.rss)}; ` +
        `heap used before ${mb(memoryBefore.heapUsed)}, after ${mb(memoryAfter.heapUsed)} (heap total ${mb(memoryAfter.heapTotal)})`,
    )
    print()

    // 4. The same turn without HTTP.
    await microBenchmarks(node.directory, keyring, state)
  } finally {
    generator.stop()
    await close(appServer)
    await close(bareServer)
    node.close()
    rmSync(folder, { recursive: true, force: true })
  }
}

async function microBenchmarks(directory: Parameters<typeof buildAppDeps>[0]['directory'], keyring: Awaited<ReturnType<typeof generateKeyring>>, token: string) {
  const deps = (await buildAppDeps({ keyring, directory, log: () => {} })).turn
  const now = deps.now()
  const opened = await openState(token, keyring, now)
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
  if (outcome.step.node.outcome !== 'results' || matched.services.length === 0) throw new Error('micro: the turn does not reach results with services')
  const sealed = await sealState(outcome.state, keyring, now)
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

  const cases: { name: string; run: () => unknown }[] = [
    { name: 'apiTurnRequest (zod, JSON body)', run: () => apiTurnRequest(jsonBody, undefined) },
    { name: 'webTurnRequest (zod, form body)', run: () => webTurnRequest(formBody, undefined) },
    { name: 'openState (AES-GCM open + zod)', run: () => openState(token, keyring, now) },
    { name: 'advance (replay + answer)', run: () => advance(deps.flow, state, input, context) },
    { name: 'profileFromAnswers', run: () => profileFromAnswers(deps.flow, outcome.state.a) },
    { name: 'match', run: () => match(index, profile) },
    { name: 'sealState (AES-GCM seal)', run: () => sealState(outcome.state, keyring, now) },
    { name: 'buildTurnView (results in words)', run: () => buildTurnView(viewInput) },
    { name: 'runTurn (end to end, = JSON turn)', run: () => runTurn(deps, request) },
    { name: 'JSON.stringify(view)', run: () => JSON.stringify(view) },
    { name: 'TurnPage render (view → HTML)', run: () => render(view) },
    { name: 'runTurn + TurnPage (= HTML turn)', run: async () => render(await runTurn(deps, request)) },
  ]

  print(`micro-benchmark (no HTTP, same deps as the app: buildAppDeps + the app's createDirectoryCache): ${MICRO_ITERATIONS} iterations after ${MICRO_WARMUP} warm-up, sequential`)
  const rows: string[][] = []
  for (const benchCase of cases) {
    for (let i = 0; i < MICRO_WARMUP; i++) await benchCase.run()
    const started = performance.now()
    for (let i = 0; i < MICRO_ITERATIONS; i++) await benchCase.run()
    const perCall = ((performance.now() - started) * 1000) / MICRO_ITERATIONS
    rows.push([benchCase.name, perCall.toFixed(1), (1e6 / perCall).toFixed(0)])
  }
  table(['step', 'µs/call', 'calls/s (1 core)'], rows)
}

// --- helpers -----------------------------------------------------------------------------------

function listen(fetch: (request: Request) => Response | Promise<Response>) {
  return new Promise<ReturnType<typeof serve>>((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(server))
  })
}

function close(server: ReturnType<typeof serve>) {
  return new Promise<void>((resolve) => {
    server.close(() => resolve())
    if ('closeAllConnections' in server) server.closeAllConnections()
  })
}

function postJson(base: string, body: unknown) {
  return fetch(`${base}/api/v1/turn`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
}

/** Forks bench/loadGenerator.ts (tsx's loader comes along in execArgv) and runs jobs one at a time. */
async function startGenerator() {
  const child: ChildProcess = fork(fileURLToPath(new URL('./loadGenerator.ts', import.meta.url)), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
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

function table(header: string[], rows: string[][]) {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)))
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ')
  print(line(header))
  print(widths.map((width) => '-'.repeat(width)).join('  '))
  for (const row of rows) print(line(row))
}

function mb(bytes: number) {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

function positiveInt(value: string | undefined, fallback: number) {
  const parsed = Number(value)
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exit(1)
  },
)
