import { existsSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import Database from 'better-sqlite3'
import * as z from 'zod'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fromBase64url } from '../src/core/state/base64url'
import { openStart, postForm, type FormPage } from './support/formConversation'
import { stepOf } from './support/pageFacts'
import { startNodeServer } from './support/startNodeServer'
import { loaderScript } from '../src/channels/widget/widgetAssets.generated'
import { enhancementScript } from '../src/channels/web/enhancementScript'

// Nothing about the person is written anywhere, and nothing they type or send travels further
// than the response to them: proved through a real server, a real SQLite file and real logs.

const CANARY = 'CANARY-7f3a9c2e-5b1d'
const CANARY_IP = '203.0.113.77'
const CANARY_UA = 'CANARY-UA-7f3a9c2e/1.0 (X11; Linux x86_64)'
const CANARY_REFERER = `https://referrer.example/?q=${CANARY}-referer`
/** Every value that must never be written: the typed canary, the fake address, the user agent. */
const SECRETS = [CANARY, CANARY_IP, CANARY_UA, 'CANARY-UA', '7f3a9c2e']

/** What a proxy or CDN in front of the app would add, and what a browser sends anyway. */
const HOSTILE_HEADERS: Record<string, string> = {
  'x-forwarded-for': `${CANARY_IP}, 198.51.100.23`,
  'x-real-ip': CANARY_IP,
  'cf-connecting-ip': CANARY_IP,
  forwarded: `for=${CANARY_IP};proto=https;by=198.51.100.1`,
  'true-client-ip': CANARY_IP,
  'user-agent': CANARY_UA,
  referer: CANARY_REFERER,
}

let server: Awaited<ReturnType<typeof startNodeServer>>
const written: string[] = []
const restore: (() => void)[] = []
let requestCount = 0

// ---------------------------------------------------------------------------------------------
// Capture (not mock): everything the process prints while the server runs is kept and passed on.
// ---------------------------------------------------------------------------------------------

function captureStream(stream: NodeJS.WriteStream) {
  const original = stream.write
  stream.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
    written.push(
      typeof chunk === 'string'
        ? chunk
        : Buffer.isBuffer(chunk) || chunk instanceof Uint8Array
          ? Buffer.from(chunk).toString('utf8')
          : String(chunk),
    )
    return Reflect.apply(original, this, [chunk, ...rest])
  } satisfies typeof stream.write
  restore.push(() => {
    stream.write = original
  })
}

function captureConsole() {
  // Vitest routes console.* around process.stdout, so the console methods are captured too.
  for (const name of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    const original = console[name]
    console[name] = (...args: unknown[]) => {
      written.push(args.map((arg) => (typeof arg === 'string' ? arg : safeStringify(arg))).join(' '))
      Reflect.apply(original, console, args)
    }
    restore.push(() => {
      console[name] = original
    })
  }
}

function safeStringify(value: unknown): string {
  try {
    return value instanceof Error ? `${value.name}: ${value.message}\n${value.stack ?? ''}` : (JSON.stringify(value) ?? String(value))
  } catch {
    return String(value)
  }
}

// ---------------------------------------------------------------------------------------------
// The database, read-only: every row of every table (sqlite_sequence and migrations included)
// ---------------------------------------------------------------------------------------------

const TableSchema = z.object({ name: z.string(), sql: z.string().nullable() })

function dumpDatabase(file: string): Record<string, string[]> {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const master = z.array(z.unknown()).parse(db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all())
    const tables = z.array(TableSchema).parse(db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").all())
    const dump: Record<string, string[]> = { sqlite_master: master.map((row) => JSON.stringify(row)) }
    for (const { name } of tables) {
      const rows = db.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`).all()
      dump[name] = rows.map((row) => JSON.stringify(row)).sort()
    }
    return dump
  } finally {
    db.close()
  }
}

function databaseBytes(file: string): { name: string; bytes: Buffer }[] {
  return [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]
    .filter((name) => existsSync(name))
    .map((name) => ({ name, bytes: readFileSync(name) }))
}

// ---------------------------------------------------------------------------------------------
// Every response is checked where it arrives, and counted
// ---------------------------------------------------------------------------------------------

interface Seen {
  label: string
  status: number
  headers: Headers
  body: string
}
const seen: Seen[] = []
const tokens = new Set<string>()

function record(label: string, status: number, headers: Headers, body: string) {
  requestCount++
  seen.push({ label, status, headers, body })
  expectPrivateHeaders(label, headers)
}

/**
 * The responses browsers may keep, each the same bytes for everyone: the widget's loader
 * (docs/widget.md) and the pages' enhancement script, with how long.
 */
const SHARED = new Map([
  ['GET /widget.js', { body: loaderScript, cache: 'public, max-age=300' }],
  ['GET /enhance.js', { body: enhancementScript.body, cache: 'public, max-age=300' }],
  [`GET ${enhancementScript.path}`, { body: enhancementScript.body, cache: 'public, max-age=31536000, immutable' }],
])

function expectPrivateHeaders(label: string, headers: Headers) {
  expect(headers.getSetCookie(), label).toEqual([])
  expect(headers.has('set-cookie'), label).toBe(false)
  expect(headers.get('referrer-policy'), label).toBe('no-referrer')
  const shared = SHARED.get(label)
  if (shared) {
    expect(headers.get('cache-control'), label).toBe(shared.cache)
    return
  }
  expect(
    headers
      .get('cache-control')
      ?.split(',')
      .map((part) => part.trim()),
    label,
  ).toContain('no-store')
}

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.base}${path}`, { headers: { ...HOSTILE_HEADERS, ...headers }, redirect: 'manual' })
  const body = await response.text()
  record(`GET ${path}`, response.status, response.headers, body)
  // Kept by browsers only because nothing in it is anyone's: the loader itself, whoever asks.
  const shared = SHARED.get(`GET ${path}`)
  if (shared) expect(body).toBe(shared.body)
  return { status: response.status, headers: response.headers, body }
}

async function postJson(body: unknown, label = 'POST /api/v1/turn') {
  const response = await fetch(`${server.base}/api/v1/turn`, {
    method: 'POST',
    headers: { ...HOSTILE_HEADERS, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  const text = await response.text()
  record(label, response.status, response.headers, text)
  return { status: response.status, text }
}

// ---------------------------------------------------------------------------------------------
// Two channels behind one small interface, so one script drives both
// ---------------------------------------------------------------------------------------------

interface Page {
  nodeId: string | undefined
  outcome: 'results' | 'urgent' | undefined
  /** Urgent help is what the page shows first (asked for, or where the flow led). */
  urgent: boolean
  error: boolean
  options: string[]
  state: string
}

type Reply = string[] | { text: string }

interface Client {
  start(ui?: string): Promise<Page>
  answer(reply: Reply): Promise<Page>
  act(action: 'back' | 'restart' | 'show'): Promise<Page>
  urgent(country: string): Promise<Page>
  language(ui: string): Promise<Page>
}

function webPage(page: FormPage, label: string): Page {
  record(label, page.status, page.headers, page.html)
  expect(page.status, label).toBe(200)
  expectNoTokenInUrls(page.html, page.state, label)
  tokens.add(page.state)
  const nodeId = stepOf(page.html)
  const turnForm = /<form[^>]*id="turn"[\s\S]*?<\/form>/.exec(page.html)?.[0] ?? ''
  const options = [
    ...turnForm.matchAll(/<input type="(?:radio|checkbox)" name="answer" value="([^"]+)"/g),
    ...turnForm.matchAll(/<option value="([^"]+)"/g),
  ].flatMap((match) => (match[1] ? [match[1]] : []))
  // The results section, also when it honestly holds only helplines or urgent numbers (a worry about a young person where no service fits).
  const results = !nodeId && page.html.includes('<section id="results"')
  return {
    nodeId,
    outcome: nodeId ? undefined : results ? 'results' : 'urgent',
    urgent: !nodeId && !results,
    error: page.html.includes('role="alert"'),
    options,
    state: page.state,
  }
}

/** The web channel's forms, or the widget panel's (the same forms, posting to /widget/turn with the widget's settings). */
function webClient(widget = false): Client {
  let state = ''
  const settings: Record<string, string> = widget ? { w_partner: 'demo-helpline', w_country: 'DE', w_accent: '#ffee00' } : {}
  const post = async (fields: Record<string, string | string[]>, label: string) => {
    const page = webPage(
      await postForm(server.base, { state, ...settings, ...fields }, HOSTILE_HEADERS, widget ? '/widget/turn' : '/turn'),
      label,
    )
    state = page.state
    return page
  }
  return {
    async start(ui) {
      const start = widget ? '/widget/panel?partner=demo-helpline&country=DE&accent=%23ffee00' : '/'
      const page = webPage(
        await openStart(server.base, { ...HOSTILE_HEADERS, ...(ui ? { 'accept-language': ui } : {}) }, start),
        `GET ${start}`,
      )
      state = page.state
      return page
    },
    answer: (reply) =>
      post(
        { action: 'answer', ...(Array.isArray(reply) ? { answer: reply } : { answer_text: reply.text }) },
        `web answer ${JSON.stringify(reply)}`,
      ),
    act: (action) => post({ action }, `web ${action}`),
    urgent: (country) => post({ action: 'urgent', urgent_country: country }, `web urgent ${country}`),
    language: (ui) => post({ action: 'language', ui }, `web language ${ui}`),
  }
}

const ApiViewSchema = z.object({
  state: z.string().min(1),
  error: z.string().optional(),
  step: z.object({ nodeId: z.string(), outcome: z.enum(['results', 'urgent']).optional(), options: z.array(z.object({ id: z.string() })) }),
  urgent: z.object({ title: z.string(), lines: z.array(z.unknown()) }),
  showUrgent: z.boolean(),
})

function apiClient(): Client {
  let state: string | undefined
  const turn = async (body: Record<string, unknown>, label: string): Promise<Page> => {
    const { status, text } = await postJson(state ? { state, ...body } : body, label)
    expect(status, label).toBe(200)
    const json: unknown = JSON.parse(text)
    const view = ApiViewSchema.parse(json)
    // The token is the only place the state travels; nothing else in the view repeats it.
    expect(text.split(view.state).length, label).toBe(2)
    tokens.add(view.state)
    state = view.state
    return {
      nodeId: view.step.outcome ? undefined : view.step.nodeId,
      outcome: view.step.outcome,
      urgent: view.showUrgent,
      error: view.error !== undefined,
      options: view.step.options.map((option) => option.id),
      state: view.state,
    }
  }
  return {
    start: (ui) => turn(ui ? { ui } : {}, 'api start'),
    answer: (reply) => turn({ action: 'answer', reply: Array.isArray(reply) ? reply : reply.text }, `api answer ${JSON.stringify(reply)}`),
    act: (action) => turn({ action }, `api ${action}`),
    urgent: (country) => turn({ action: 'urgent', urgentCountry: country }, `api urgent ${country}`),
    language: (ui) => turn({ action: 'language', ui }, `api language ${ui}`),
  }
}

/** The token must never reach a URL: no GET form carries it, no link or form action contains it. */
function expectNoTokenInUrls(html: string, token: string, label: string) {
  expect(token.length, label).toBeGreaterThan(20)
  for (const [form = '', attributes = '', inner = ''] of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const method = /\bmethod="([^"]*)"/i.exec(attributes)?.[1]?.toLowerCase() ?? 'get'
    if (method !== 'post') expect(inner.includes('name="state"'), `${label}: GET form carries the state: ${form.slice(0, 200)}`).toBe(false)
    if (inner.includes('name="state"')) expect(method, label).toBe('post')
  }
  for (const [, url = ''] of html.matchAll(/\b(?:href|action|src|formaction|data|poster|cite)="([^"]*)"/gi)) {
    expect(url.includes(token), `${label}: ${url}`).toBe(false)
    expect(/state=/i.test(url), `${label}: ${url}`).toBe(false)
  }
  expect(/http-equiv="refresh"/i.test(html), label).toBe(false)
}

// ---------------------------------------------------------------------------------------------
// 100 conversations: every asker, typed and picked countries and languages, both channels,
// urgent help, back, restart, language changes, and the canary typed wherever text goes
// ---------------------------------------------------------------------------------------------

/** A small seeded generator, so a failing conversation can be replayed. */
function random(seed: number) {
  let value = seed >>> 0
  const next = () => {
    value = (value + 0x6d2b79f5) >>> 0
    let t = value
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)]
    if (item === undefined) throw new Error('nothing to pick from')
    return item
  }
  return { chance: (p: number) => next() < p, pick }
}

const ASKERS = ['self', 'someone', 'young', 'professional'] as const
const COUNTRIES: Reply[] = [
  ['DE'],
  ['GB'],
  ['NL'],
  ['BE'],
  ['AT'],
  ['FR'],
  ['US'],
  ['PL'],
  ['SE'],
  ['IE'],
  { text: 'Deutschland' },
  { text: 'Allemagne' },
  { text: 'Nederland' },
  { text: 'United Kingdom' },
  { text: 'Österreich' },
]
const LANGUAGES: Reply[] = [
  ['de'],
  ['en'],
  ['nl'],
  ['fr'],
  ['pl'],
  { text: 'Deutsch' },
  { text: 'Dutch' },
  { text: 'English' },
  { text: 'français' },
]
const UI = ['en', 'de', 'nl'] as const
const URGENT_COUNTRIES = ['DE', 'NL', 'GB', 'FR', 'US', CANARY] as const

async function conversation(seed: number): Promise<'results' | 'urgent'> {
  const r = random(seed)
  const client = seed % 3 === 0 ? webClient() : seed % 3 === 1 ? apiClient() : webClient(true)
  const asker = ASKERS[seed % ASKERS.length] ?? 'self'
  let page = await client.start(r.chance(0.3) ? r.pick(UI) : undefined)
  expect(page.nodeId).toBe('asker')
  if (r.chance(0.25)) page = await client.language(r.chance(0.2) ? CANARY : r.pick(UI))

  page = await client.answer([asker])
  if (r.chance(0.2)) {
    page = await client.act('back')
    expect(page.nodeId).toBe('asker')
    page = await client.answer([asker])
  }
  // "Me" is asked the age; no one else is.
  if (asker === 'self') {
    expect(page.nodeId).toBe('age')
    page = await client.answer([r.pick(['under_18', 'adult'] as const)])
  }
  expect(page.nodeId).toBe('country')

  // The canary typed where a country goes: not understood, the place kept.
  page = await client.answer({ text: CANARY })
  expect(page).toMatchObject({ nodeId: 'country', error: true })
  page = await client.answer(r.pick(COUNTRIES))
  expect(page.nodeId).toBe('language')

  if (r.chance(0.3)) {
    page = await client.urgent(r.pick(URGENT_COUNTRIES))
    expect(page.urgent).toBe(true)
    page = await client.act('show')
    expect(page.nodeId).toBe('language')
  }

  page = await client.answer({ text: CANARY })
  expect(page).toMatchObject({ nodeId: 'language', error: true })
  page = await client.answer(r.pick(LANGUAGES))
  expect(page.nodeId).toBe('stage')
  if (r.chance(0.2)) {
    page = await client.language(r.pick(UI))
    expect(page.nodeId).toBe('stage')
  }

  const danger = r.chance(0.15)
  const stages = page.options.filter((id) => id !== 'child_in_danger')
  page = await client.answer([danger ? 'child_in_danger' : r.pick(stages)])
  if (danger) {
    expect(page).toMatchObject({ outcome: 'urgent', urgent: true })
    if (!r.chance(0.5)) return 'urgent'
    page = await client.act('back')
    expect(page.nodeId).toBe('stage')
    page = await client.answer([r.pick(stages)])
  }
  expect(page.nodeId).toBe('channels')
  const channels = page.options.filter(() => r.chance(0.4))
  page = await client.answer(channels.length > 0 ? channels : [r.pick(page.options)])
  expect(page.nodeId).toBe('anonymity')
  page = await client.answer([r.pick(page.options)])
  expect(page.outcome).toBe('results')

  if (r.chance(0.25)) {
    page = await client.act('back')
    expect(page.nodeId).toBe('anonymity')
    page = await client.answer([r.pick(page.options)])
    expect(page.outcome).toBe('results')
  }
  if (r.chance(0.2)) {
    page = await client.urgent(r.pick(URGENT_COUNTRIES))
    expect(page.urgent).toBe(true)
  }
  if (r.chance(0.15)) {
    page = await client.act('restart')
    expect(page.nodeId).toBe('asker')
  }
  return 'results'
}

// ---------------------------------------------------------------------------------------------

let before: Record<string, string[]>
let liveReader: Database.Database
let dataVersionBefore: unknown
const outcomes: ('results' | 'urgent')[] = []

beforeAll(async () => {
  captureStream(process.stdout)
  captureStream(process.stderr)
  captureConsole()
  server = await startNodeServer()
  before = dumpDatabase(server.databaseFile)
  // A connection held open for the whole run: data_version changes if anyone else commits.
  liveReader = new Database(server.databaseFile, { readonly: true, fileMustExist: true })
  dataVersionBefore = liveReader.pragma('data_version', { simple: true })

  for (let batch = 0; batch < 100; batch += 5) {
    const seeds = [0, 1, 2, 3, 4].map((offset) => batch + offset + 1)
    outcomes.push(...(await Promise.all(seeds.map((seed) => conversation(seed)))))
  }
  // The pages around the conversation: information, urgent help, errors, the API description.
  for (const path of [
    '/widget.js',
    '/enhance.js',
    enhancementScript.path,
    '/demo',
    `/widget/panel?partner=${CANARY}`,
    '/privacy',
    '/privacy?lang=de',
    '/safety',
    '/safety?lang=nl',
    '/urgent',
    '/urgent?country=DE&lang=de',
    `/urgent?country=${CANARY}`,
    '/nothing-here',
    `/${CANARY}`,
    '/api/v1/nothing',
    '/api/v1/openapi.json',
    '/turn',
  ]) {
    await get(path)
  }
  await postJson('{"state": "broken', 'POST /api/v1/turn (invalid JSON)')
  await postJson({ state: `${CANARY}.${CANARY}`, action: 'answer', reply: CANARY }, 'POST /api/v1/turn (canary token)')
}, 120_000)

afterAll(async () => {
  liveReader?.close()
  await server?.stop()
  for (const undo of restore.reverse()) undo()
})

describe('nothing about the person is stored', () => {
  it('100 full conversations on the web, API and widget channels leave every table of the SQLite file exactly as it was', () => {
    expect(outcomes).toHaveLength(100)
    expect(outcomes).toContain('results')
    expect(outcomes).toContain('urgent')
    // The dump is not vacuous: the seeded directory and the migration record are in it.
    expect(before.initiatives?.length ?? 0).toBeGreaterThan(0)
    expect(before.urgent_lines?.length ?? 0).toBeGreaterThan(0)
    expect(Object.keys(before)).toContain('sqlite_master')
    const after = dumpDatabase(server.databaseFile)
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort())
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table])
    if (before.sqlite_master?.some((row) => row.includes('"sqlite_sequence"')))
      expect(after.sqlite_sequence).toEqual(before.sqlite_sequence)
    expect(liveReader.pragma('data_version', { simple: true })).toBe(dataVersionBefore)
  })

  it('the partner figures’ hourly write then adds counter rows only, holding nothing typed, sent or sealed', () => {
    // What the server would write at the hour (docs/figures.md); the byte checks below then see it too.
    expect(server.flushFigures()).toBeGreaterThan(0)
    const after = dumpDatabase(server.databaseFile)
    const figureTables = Object.keys(after).filter((table) => table.startsWith('figures_'))
    expect(figureTables.sort()).toEqual([
      'figures_country_language_month',
      'figures_country_month',
      'figures_country_situation_month',
      'figures_partner_week',
    ])
    for (const table of Object.keys(before)) {
      if (table === 'sqlite_master' || figureTables.includes(table)) continue
      expect(after[table], table).toEqual(before[table])
    }
    const rows = figureTables.flatMap((table) => after[table] ?? [])
    expect(rows.length).toBeGreaterThan(10)
    const text = rows.join('\n')
    expect(findSecretsIn(text)).toEqual([])
    for (const token of tokens) expect(text.includes(token)).toBe(false)
    // No time finer than an ISO week or a month.
    for (const [period] of text.matchAll(/\d{4}-[\dW-]+/g)) expect(period).toMatch(/^\d{4}-(W\d{2}|\d{2})$/)
  })

  it('no response sets a cookie, and every response forbids caching and referrers', async () => {
    // The whole run was checked response by response; here the count and the pages around it.
    expect(seen.length).toBeGreaterThan(1000)
    expect(seen.filter((response) => response.status === 404).length).toBeGreaterThanOrEqual(3)
    expect(seen.some((response) => response.label === 'GET /api/v1/openapi.json' && response.status === 200)).toBe(true)
    expect(seen.some((response) => response.label === 'GET /turn' && response.status === 303)).toBe(true)
    for (const response of seen) expectPrivateHeaders(response.label, response.headers)
  })

  it('the Set-Cookie check really sees a cookie (so its silence above means something)', async () => {
    const probe: Server = createServer((_request, response) => {
      response.setHeader('set-cookie', 'probe=1; Path=/')
      response.end('ok')
    })
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
    try {
      const address: AddressInfo | string | null = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      const response = await fetch(`http://127.0.0.1:${port}/`)
      await response.text()
      expect(response.headers.getSetCookie()).toEqual(['probe=1; Path=/'])
    } finally {
      await new Promise<void>((resolve) => probe.close(() => resolve()))
    }
  })
})

const findSecretsIn = (text: string) => SECRETS.filter((secret) => text.includes(secret))

describe('nothing typed or sent about the person is written anywhere', () => {
  const findSecrets = (text: string) => SECRETS.filter((secret) => text.includes(secret))

  it('the privacy log has one line per request with only route, method, status and duration', () => {
    expect(server.logs).toHaveLength(requestCount)
    for (const line of server.logs) {
      expect(Object.keys(line).sort()).toEqual(['method', 'ms', 'route', 'status'])
      expect(line.route.includes('?')).toBe(false)
    }
    const text = JSON.stringify(server.logs)
    expect(findSecrets(text)).toEqual([])
    for (const token of tokens) expect(text.includes(token)).toBe(false)
    // The canary 404 path is logged as a route pattern, never as the path that was asked for.
    expect(text.includes('nothing-here')).toBe(false)
  })

  it('nothing printed to stdout or stderr carries the canary, the address or the user agent', () => {
    const text = written.join('')
    expect(findSecrets(text)).toEqual([])
    for (const token of [...tokens].slice(0, 200)) expect(text.includes(token)).toBe(false)
  })

  it('the bytes of the SQLite file (and its -wal and -shm) do not contain them', () => {
    const files = databaseBytes(server.databaseFile)
    expect(files.map((file) => file.name)).toContain(server.databaseFile)
    for (const { name, bytes } of files) {
      for (const secret of SECRETS) {
        expect(bytes.includes(Buffer.from(secret, 'utf8')), `${secret} in ${name}`).toBe(false)
        expect(bytes.includes(Buffer.from(secret, 'utf16le')), `${secret} (UTF-16) in ${name}`).toBe(false)
      }
    }
  })
})

describe('the state token stays out of URLs and gives nothing away', () => {
  it('every page was checked: no GET form, link or form action carries the token or "state="', () => {
    const pages = seen.filter((response) => response.body.startsWith('<!DOCTYPE html>'))
    expect(pages.length).toBeGreaterThan(300)
    for (const page of pages) {
      for (const [, url = ''] of page.body.matchAll(/\b(?:href|action|src|formaction)="([^"]*)"/gi)) {
        expect(/state=/i.test(url), `${page.label}: ${url}`).toBe(false)
        for (const token of /name="state" value="([^"]+)"/.exec(page.body)?.slice(1) ?? []) expect(url.includes(token)).toBe(false)
      }
    }
    for (const response of seen) {
      const location = response.headers.get('location')
      if (!location) continue
      expect(/state=/i.test(location), location).toBe(false)
      for (const token of tokens) expect(location.includes(token)).toBe(false)
    }
  })

  it('no token contains the canary or the answers in plain text, however it is decoded', () => {
    expect(tokens.size).toBeGreaterThan(500)
    // JSON fragments the sealed state would show if it were only encoded: ["self"], ["DE"], "a":[ …
    const plain = [
      '"self"',
      '"someone"',
      '"professional"',
      '["DE"]',
      '["GB"]',
      '"asker"',
      '"country"',
      'help-seeker',
      '"a":[',
      '"ui":"',
      CANARY,
      CANARY_IP,
    ]
    const found: string[] = []
    for (const token of tokens) {
      if (token.includes(CANARY) || token.includes(CANARY_IP)) found.push(`canary in ${token}`)
      const [, body = ''] = token.split('.')
      const decodings = [body, ...[0, 1, 2, 3].map((shift) => token.replace('.', '').slice(shift))]
      for (const part of decodings) {
        const bytes = fromBase64url(part.slice(0, part.length - (part.length % 4 === 1 ? 1 : 0)))
        if (!bytes) found.push(`not base64url: ${part}`)
        for (const text of [Buffer.from(bytes ?? []).toString('utf8'), Buffer.from(bytes ?? []).toString('latin1')]) {
          for (const word of plain) if (text.includes(word)) found.push(`${word} in ${token}`)
        }
      }
    }
    expect(found).toEqual([])
  })
})
