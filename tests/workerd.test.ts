import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startHangingWorker } from './support/startHangingWorker'
import * as z from 'zod'
import { buildWorker } from '../scripts/buildWorker'
import { loadBundledData } from '../src/storage/bundledData'
import { openD1Directory, seedD1IfEmpty } from '../src/storage/d1/openD1Directory'
import { answerAll, type FormPage } from './support/formConversation'
import { servicesOf, stepOf, telLinksOf } from './support/pageFacts'
import { startWorker } from './support/startWorker'
import { formAnswers, questionIds, SELF_IN_GERMANY } from './support/answerPaths'

// The real Workers runtime: the esbuild bundle in workerd (Miniflare), D1 in workerd, plain HTTP.
type Worker = Awaited<ReturnType<typeof startWorker>>
type D1 = Worker['d1']

const SELF_DE = formAnswers(SELF_IN_GERMANY)
const KEIN_TAETER = 'Präventionsnetzwerk „Kein Täter werden“'
const TABLES = ['meta', 'criteria', 'tags', 'initiatives', 'initiative_tags', 'contacts', 'sources', 'urgent_lines', 'partners']
const KIB = 1024
const EDITED_NAME = 'Kein Täter werden, as edited in D1'

const dataFile = (name: string): unknown => JSON.parse(readFileSync(new URL(`../data/${name}`, import.meta.url), 'utf8'))
const initiativesInData = z.object({ initiatives: z.array(z.unknown()) }).parse(dataFile('initiatives.json')).initiatives.length
const Count = z.object({ n: z.number() })
const ApiView = z.object({
  state: z.string().min(1),
  step: z.object({ nodeId: z.string(), outcome: z.enum(['results', 'urgent']).optional() }),
  results: z.object({ services: z.array(z.object({ id: z.string(), name: z.string() })) }).optional(),
})

let folder = ''
let bundle = { outfile: '', bytes: 0 }
let worker: Worker
let bare: Worker
let edited: Worker
let countsBeforeFirstRequest: Record<string, number> = {}

async function rowCounts(d1: D1): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const table of TABLES) counts[table] = Count.parse(await d1.prepare(`SELECT count(*) AS n FROM ${table}`).first()).n
  return counts
}

async function apiTurn(base: string, body: object) {
  const response = await fetch(`${base}/api/v1/turn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: response.status, headers: response.headers, view: ApiView.parse(await response.json()) }
}

const last = (pages: FormPage[]): FormPage => {
  const page = pages[pages.length - 1]
  if (!page) throw new Error('no pages')
  return page
}

function expectPrivateHeaders(headers: Headers, label: string) {
  expect(headers.getSetCookie(), label).toEqual([])
  expect(headers.get('referrer-policy'), label).toBe('no-referrer')
  expect(headers.get('content-security-policy'), label).toMatch(/default-src 'none'.*frame-ancestors 'none'/)
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'helpfinder-workerd-'))
  bundle = await buildWorker(folder)
  // allSettled, so a runtime that failed to start does not leave the others running after afterAll.
  const [main, unmigrated, preseeded] = await Promise.allSettled([
    startWorker(bundle.outfile),
    startWorker(bundle.outfile, { migrate: false }),
    startWorker(bundle.outfile),
  ])
  if (main.status === 'fulfilled') worker = main.value
  if (unmigrated.status === 'fulfilled') bare = unmigrated.value
  if (preseeded.status === 'fulfilled') edited = preseeded.value
  for (const started of [main, unmigrated, preseeded]) if (started.status === 'rejected') throw started.reason
  countsBeforeFirstRequest = await rowCounts(worker.d1)
  // A D1 holding one edited record before the worker's first request: the worker must serve it as it is.
  const data = loadBundledData()
  const initiatives = data.initiatives.filter(({ id }) => id === 'kein-taeter-werden').map((record) => ({ ...record, name: EDITED_NAME }))
  await seedD1IfEmpty(openD1Directory(edited.d1).db, { ...data, initiatives })
}, 120_000)

afterAll(async () => {
  await Promise.all([worker?.dispose(), bare?.dispose(), edited?.dispose()])
  if (folder) rmSync(folder, { recursive: true, force: true })
})

describe('the worker bundle', () => {
  it('is what wrangler deploys, holds nothing Node-only at the edge, and stays within budget', () => {
    const code = readFileSync(bundle.outfile, 'utf8')
    expect(code.length).toBeGreaterThan(100 * KIB)
    // The Node runtime's storage and the curator's password hashing never reach the Worker.
    expect(code).not.toContain('better-sqlite3')
    expect(code).not.toContain('@node-rs/argon2')
    const gzip = gzipSync(code).length
    process.stdout.write(`worker bundle: ${(bundle.bytes / KIB).toFixed(1)} KiB, ${(gzip / KIB).toFixed(1)} KiB gzip\n`)
    // About 480 KiB gzip is the Bot Framework SDK (loaded on the first bot request only) and
    // 80 KiB data/ as JSON; the Workers free plan allows 3 MiB gzip.
    expect(gzip).toBeLessThan(1024 * KIB)
  })
})

describe('a conversation in workerd with D1', () => {
  it('self / Germany by form posts ends on results with the German prevention network', async () => {
    const pages = await answerAll(worker.url, SELF_DE)
    expect(pages.map((page) => page.status)).toEqual(pages.map(() => 200))
    expect(pages.slice(0, -1).map((page) => stepOf(page.html))).toEqual(questionIds(SELF_IN_GERMANY))
    const results = last(pages).html
    expect(stepOf(results)).toBeUndefined()
    expect(servicesOf(results)).toEqual(expect.arrayContaining(['kein-taeter-werden', 'troubled-desire']))
    expect(results).toContain(KEIN_TAETER)
  })

  it('seeds the empty D1 from data/ on the first request, once', async () => {
    expect(countsBeforeFirstRequest.initiatives).toBe(0)
    await answerAll(worker.url, SELF_DE)
    // Seeding runs in the background (waitUntil), so no person waits for it.
    await vi.waitFor(async () => expect((await rowCounts(worker.d1)).initiatives).toBe(initiativesInData), {
      timeout: 15_000,
      interval: 200,
    })
    const seeded = await rowCounts(worker.d1)
    expect(seeded.meta).toBe(2)
    expect(Object.values(seeded).every((n) => n > 0)).toBe(true)
    await answerAll(worker.url, ['someone', { text: 'Deutschland' }, 'de', 'other_thoughts', ['any'], 'not_needed'])
    expect(await rowCounts(worker.d1)).toEqual(seeded)
  })

  it('serves the directory it reads from D1, not the copy in the bundle', async () => {
    const before = await rowCounts(edited.d1)
    const results = last(await answerAll(edited.url, SELF_DE)).html
    expect(servicesOf(results)).toEqual(['kein-taeter-werden'])
    expect(results).toContain(EDITED_NAME)
    expect(results).not.toContain(KEIN_TAETER)
    expect(await rowCounts(edited.d1)).toEqual(before)
  })

  it('the JSON API walks the same flow to the same services', async () => {
    let turn = await apiTurn(worker.url, {})
    expect(turn.status).toBe(200)
    expect(turn.view.step.nodeId).toBe('asker')
    for (const reply of SELF_DE) {
      turn = await apiTurn(worker.url, { state: turn.view.state, reply })
      expect(turn.status).toBe(200)
    }
    expect(turn.view.step.outcome).toBe('results')
    const services = turn.view.results?.services ?? []
    expect(services.map((service) => service.id)).toContain('kein-taeter-werden')
    expect(services.map((service) => service.name).join('\n')).toContain(KEIN_TAETER)
  })

  it('no response sets a cookie; every one carries the CSP and no-referrer', async () => {
    const pages = await answerAll(worker.url, SELF_DE)
    for (const [step, page] of pages.entries()) expectPrivateHeaders(page.headers, `form step ${step}`)
    expectPrivateHeaders((await apiTurn(worker.url, {})).headers, 'api')
    const missing = await fetch(`${worker.url}/no-such-page`)
    expect(missing.status).toBe(404)
    expectPrivateHeaders(missing.headers, '404')
    const reload = await fetch(`${worker.url}/turn`, { redirect: 'manual' })
    expect(reload.status).toBe(303)
    expectPrivateHeaders(reload.headers, 'redirect')
  })
  it('has no curator console: /admin is an ordinary 404 (curators use the console on Node; docs/publishing-to-d1.md)', async () => {
    for (const path of ['/admin', '/admin/login', '/admin/records']) {
      const response = await fetch(`${worker.url}${path}`, { redirect: 'manual' })
      expect(response.status, path).toBe(404)
      expectPrivateHeaders(response.headers, path)
    }
    const post = await fetch(`${worker.url}/admin/login`, { method: 'POST', body: new URLSearchParams({ login: 'anna', password: 'x' }) })
    expect(post.status).toBe(404)
    expect(post.headers.getSetCookie()).toEqual([])
  })
})

describe('the widget in workerd', () => {
  it('serves the loader for other sites and the panel, framed only where the partner in D1 allows', async () => {
    const loader = await fetch(`${worker.url}/widget.js`)
    expect(loader.status).toBe(200)
    expect(loader.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    expect(await loader.text()).toContain('/widget/panel?')
    const demo = await fetch(`${worker.url}/widget/panel?partner=demo-helpline&country=DE&lang=de`)
    expect(demo.status).toBe(200)
    expect(demo.headers.get('content-security-policy')).toMatch(/frame-ancestors 'self'$/)
    expect(demo.headers.get('x-frame-options')).toBeNull()
    expect(stepOf(await demo.text())).toBe('asker')
    const open = await fetch(`${worker.url}/widget/panel`)
    expect(open.headers.get('content-security-policy')).toMatch(/frame-ancestors \*$/)
    // Everything else still refuses to be framed.
    expect((await fetch(`${worker.url}/`)).headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/)
  })
})

describe('a D1 that was never migrated', () => {
  it('still answers from the static directory: no 5xx, the same services', async () => {
    const pages = await answerAll(bare.url, SELF_DE)
    expect(pages.map((page) => page.status)).toEqual(pages.map(() => 200))
    const fallback = servicesOf(last(pages).html)
    expect(fallback).toContain('kein-taeter-werden')
    expect(fallback).toEqual(servicesOf(last(await answerAll(worker.url, SELF_DE)).html))
    const tables = await bare.d1.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'initiatives'").all()
    expect(tables.results).toEqual([])
  })

  it('tells the operator once that storage failed, naming the cause', async () => {
    await vi.waitFor(() => expect(bare.logs.some((line) => line.includes('directory storage failed'))).toBe(true), { timeout: 5_000 })
    const warnings = bare.logs.filter((line) => line.includes('directory storage failed'))
    // Seeding and loading each fail once per isolate: each is told once, never per request.
    expect(new Set(warnings).size).toBe(warnings.length)
    expect(warnings.length).toBeLessThanOrEqual(2)
    for (const warning of warnings) expect(warning).toMatch(/no such table/)
    expect(worker.logs.filter((line) => line.includes('directory storage failed'))).toEqual([])
  })

  it('a child in danger still gets the German emergency and helpline numbers', async () => {
    const page = last(await answerAll(bare.url, ['someone', 'DE', 'de', 'child_in_danger']))
    expect(page.status).toBe(200)
    expect(stepOf(page.html)).toBeUndefined()
    expect(telLinksOf(page.html)).toEqual(expect.arrayContaining(['112', '116111']))
  })
})

describe('worker logs', () => {
  it('hold route, method, status and time only: no typed text, answers or state tokens', async () => {
    const before = worker.logs.length
    const pages = await answerAll(worker.url, ['self', 'adult', { text: 'Deutschland' }, 'de', 'viewed_images', ['email'], 'matters'])
    const api = await apiTurn(worker.url, { state: last(pages).state, action: 'back' })
    const requests = pages.length + 1
    await vi.waitFor(() => expect(worker.logs.length).toBeGreaterThanOrEqual(before + requests), { timeout: 5_000 })
    const lines = [...worker.logs, ...bare.logs]
    const entries = worker.logs.slice(before).map((line) => Object.keys(z.record(z.string(), z.unknown()).parse(JSON.parse(line))).sort())
    expect(entries).toEqual(entries.map(() => ['method', 'ms', 'route', 'status']))
    const secrets = [...pages.map((page) => page.state), api.view.state].flatMap((token) => [token, token.slice(20, 52)])
    for (const secret of [...secrets, 'Deutschland', 'viewed_images', 'email', 'kein-taeter-werden']) {
      expect(
        lines.filter((line) => line.includes(secret)),
        secret,
      ).toEqual([])
    }
  })
})

describe('a corrupt D1 (real rows damaged after seeding), on a fresh isolate', () => {
  const UrgentApi = z.object({ urgent: z.object({ lines: z.array(z.object({ number: z.string(), tel: z.string() })) }) })
  let corrupt: Worker
  let damaged = 0

  beforeAll(async () => {
    corrupt = await startWorker(bundle.outfile)
    // Migrated and seeded with the real data, then damaged before the worker's first request,
    // so the isolate that loads it has never seen the healthy rows.
    expect(await seedD1IfEmpty(openD1Directory(corrupt.d1).db, loadBundledData())).toBe(true)
    damaged = (await corrupt.d1.prepare("UPDATE contacts SET channel = 'carrier-pigeon'").run()).meta.changes
  }, 30_000)

  afterAll(async () => {
    await corrupt?.dispose()
  })

  it('a child in danger in Germany still gets 112 and 116 111, on every channel, with only 200s', async () => {
    expect(damaged).toBeGreaterThan(10)
    const pages = await answerAll(corrupt.url, ['someone', 'DE', 'de', 'child_in_danger'])
    expect(pages.map((page) => page.status)).toEqual(pages.map(() => 200))
    expect(pages[0]?.html).toContain('class="notice"')
    expect(stepOf(last(pages).html)).toBeUndefined()
    expect(telLinksOf(last(pages).html)).toEqual(expect.arrayContaining(['112', '116111']))

    const page = await fetch(`${corrupt.url}/urgent?country=DE`)
    expect(page.status).toBe(200)
    expect(telLinksOf(await page.text())).toEqual(expect.arrayContaining(['112', '116111']))

    const api = await fetch(`${corrupt.url}/api/v1/turn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'urgent', urgentCountry: 'DE' }),
    })
    expect(api.status).toBe(200)
    const tels = UrgentApi.parse(await api.json()).urgent.lines.map((line) => line.tel)
    expect(tels).toEqual(expect.arrayContaining(['tel:112', 'tel:116111']))
  })

  it('results still list the real services, from the built-in copy', async () => {
    const pages = await answerAll(corrupt.url, SELF_DE)
    expect(pages.map((page) => page.status)).toEqual(pages.map(() => 200))
    const results = last(pages).html
    expect(servicesOf(results)).toEqual(expect.arrayContaining(['kein-taeter-werden', 'troubled-desire']))
    expect(results).toContain(KEIN_TAETER)
    expect(results).not.toContain('carrier-pigeon')
    expect(servicesOf(results)).toEqual(servicesOf(last(await answerAll(worker.url, SELF_DE)).html))
    let turn = await apiTurn(corrupt.url, {})
    for (const reply of SELF_DE) {
      turn = await apiTurn(corrupt.url, { state: turn.view.state, reply })
      expect(turn.status).toBe(200)
    }
    expect(turn.view.results?.services.map((service) => service.id)).toContain('kein-taeter-werden')
  })

  it('leaves the damaged rows alone and tells the operator once', async () => {
    const left = Count.parse(await corrupt.d1.prepare("SELECT count(*) AS n FROM contacts WHERE channel = 'carrier-pigeon'").first()).n
    expect(left).toBe(damaged)
    expect((await rowCounts(corrupt.d1)).initiatives).toBe(initiativesInData)
    await vi.waitFor(() => expect(corrupt.logs.some((line) => line.includes('directory storage failed'))).toBe(true), { timeout: 5_000 })
    const warnings = corrupt.logs.filter((line) => line.includes('directory storage failed'))
    expect(warnings).toHaveLength(1)
  })
})

describe('a D1 that hangs (every call never settles)', () => {
  it('still answers within the time budget from the built-in copy, urgent numbers first', async () => {
    const hanging = await startHangingWorker(bundle.outfile)
    try {
      const started = performance.now()
      const pages = await answerAll(hanging.url, ['someone', 'DE', 'de', 'child_in_danger'])
      const elapsed = performance.now() - started
      expect(pages.map((page) => page.status)).toEqual(pages.map(() => 200))
      const page = last(pages)
      expect(telLinksOf(page.html)[0]).toBe('112')
      expect(page.html).toContain('class="notice"')
      // Five requests; only the first waits for the 300 ms budget, the rest are served at once.
      expect(elapsed).toBeLessThan(5_000)
      const results = last(await answerAll(hanging.url, SELF_DE))
      expect(servicesOf(results.html)).toContain('kein-taeter-werden')
      await vi.waitFor(() => expect(hanging.logs.some((line) => line.includes('longer than 300 ms'))).toBe(true), { timeout: 5_000 })
    } finally {
      await hanging.dispose()
    }
  })
})
