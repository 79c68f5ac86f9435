import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import * as z from 'zod'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadFlow } from '../../src/app/loadFlow'
import { advance, type TurnInput, type TurnOutcome } from '../../src/core/flow/advance'
import { ConversationStateSchema, type ConversationState } from '../../src/core/flow/conversationState'
import type { Flow, FlowNode } from '../../src/core/flow/flowSchema'
import { normaliseText } from '../../src/core/flow/normaliseText'
import { generateKeyring, importKeyring, newKeySpec, type Keyring } from '../../src/core/state/keyring'
import { fromBase64url, toBase64url } from '../../src/core/state/base64url'
import { openState } from '../../src/core/state/openState'
import { sealState, STATE_TTL_SECONDS } from '../../src/core/state/sealState'
import { NEUTRAL_SITE } from '../../src/channels/web/neutralSite'
import { createNodeApp } from '../../src/runtime/createNodeApp'
import { loadBundledData } from '../../src/storage/bundledData'
import de from '../../locales/de/translation.json'
import en from '../../locales/en/translation.json'
import nl from '../../locales/nl/translation.json'
import { engineContext } from '../support/engineContext'
import { stepOf, telLinksOf } from '../support/pageFacts'

const flow = loadFlow()
const fresh: ConversationState = { f: flow.id, v: flow.version, ui: 'en', a: [] }
const countryCodes = [...engineContext.countries.codes].sort()
const languageCodes = [...engineContext.languages.codes].sort()
const urgentData = loadBundledData().urgent
const urgentNumbers = new Map(urgentData.map((entry) => [entry.country, entry.lines.map((line) => line.number)]))
const urgentCountries = urgentData.map((entry) => entry.country)
const uiCodes = ['en', 'de', 'nl'] as const
const errorKeys = new Set(Object.keys(en.error).map((key) => `error.${key}`))

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

function pick<T>(g: fc.GeneratorValue, items: readonly T[]): T {
  const item = items[g(() => fc.nat({ max: Math.max(0, items.length - 1) }))]
  if (item === undefined) throw new Error('nothing to pick from')
  return item
}

/** Every node a question can lead to: its own rules and its options' `next`. */
function successors(node: FlowNode): string[] {
  const next = node.next
  const fromNode = typeof next === 'string' ? [next] : (next ?? []).map((rule) => rule.to)
  return [...fromNode, ...(node.input?.options ?? []).flatMap((option) => (option.next ? [option.next] : []))]
}

/** The most questions on any path from the start to an outcome; throws if the flow has a cycle. */
function flowDepth(of: Flow): number {
  const memo = new Map<string, number>()
  const visit = (id: string, path: Set<string>): number => {
    const known = memo.get(id)
    if (known !== undefined) return known
    if (path.has(id)) throw new Error(`the flow has a cycle through "${id}"`)
    const node = of.nodes[id]
    if (!node) throw new Error(`missing node "${id}"`)
    if (node.outcome) return 0
    path.add(id)
    const depth = 1 + Math.max(...successors(node).map((target) => visit(target, path)))
    path.delete(id)
    memo.set(id, depth)
    return depth
  }
  return visit(of.start, new Set())
}

const depth = flowDepth(flow)

/** A failing property stops shrinking in time to report its counterexample (a sync loop cannot be timed out by vitest). */
const limits = { interruptAfterTimeLimit: 15_000 }
const questionCount = Object.values(flow.nodes).filter((node) => node.input).length

const regionName = (code: string, locale: string) => new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' }).of(code)

/** Text that can never be an option id, a label, a country or a language: no letters at all. */
const noLetters = (g: fc.GeneratorValue) => g(() => fc.stringMatching(/^[\d\s.,;:!?#%&*()+=/-]{0,16}$/))

/** A reply the current question must accept (ids, labels typed loosely, codes, names in three languages). */
function validReply(g: fc.GeneratorValue, outcome: TurnOutcome, typedLabels = true): string[] {
  const { step } = outcome
  const parser = step.node.input?.parser
  if (parser === 'country') {
    const code = pick(g, countryCodes)
    const style = pick(g, ['code', 'lower', 'name'] as const)
    const name = regionName(code, pick(g, uiCodes))
    if (style === 'name' && name) return [`  ${name} `]
    return [style === 'lower' ? ` ${code.toLowerCase()}` : code]
  }
  if (parser === 'language') return [pick(g, languageCodes)]
  if (parser === 'multi') {
    const indexes = g(() => fc.array(fc.nat({ max: step.options.length - 1 }), { minLength: 1, maxLength: step.options.length + 2 }))
    return indexes.map((index) => step.options[index]?.id ?? '')
  }
  const option = pick(g, step.options)
  const label = engineContext.labelOf(option.label)
  const style = typedLabels ? pick(g, ['id', 'label', 'shouted'] as const) : 'id'
  return [style === 'id' ? option.id : style === 'label' ? label : `   ${label.toUpperCase()}  `]
}

/** A reply the current question must refuse, by construction. */
function invalidReply(g: fc.GeneratorValue, outcome: TurnOutcome): string[] {
  const { step } = outcome
  const parser = step.node.input?.parser
  const visibleIds = new Set(step.options.map((option) => option.id))
  const visibleLabels = new Set(step.options.map((option) => normaliseText(engineContext.labelOf(option.label))))
  const hidden = (step.node.input?.options ?? []).filter((option) => !visibleIds.has(option.id)).map((option) => option.id)
  const foreign = Object.values(flow.nodes)
    .flatMap((node) => node.input?.options ?? [])
    .map((option) => option.id)
    .filter((id) => !visibleIds.has(id) && !visibleLabels.has(normaliseText(id)))
  const kinds: (() => string[])[] = [() => [], () => [noLetters(g)]]
  if (parser === 'choice') {
    if (step.options.length >= 2) {
      kinds.push(() => {
        const [first, second] = g(() => fc.uniqueArray(fc.nat({ max: step.options.length - 1 }), { minLength: 2, maxLength: 2 }))
        return [step.options[first ?? 0]?.id ?? '', step.options[second ?? 1]?.id ?? '']
      })
    }
    if (hidden.length > 0) kinds.push(() => [pick(g, hidden)])
    if (foreign.length > 0) kinds.push(() => [pick(g, foreign)])
  }
  if (parser === 'multi') {
    kinds.push(() => [pick(g, step.options).id, noLetters(g)])
    if (foreign.length > 0) kinds.push(() => [pick(g, foreign)])
  }
  if (parser === 'country' || parser === 'language') kinds.push(() => [`${g(fc.integer, { min: 0, max: 999 })}`, pick(g, countryCodes)])
  return pick(g, kinds)()
}

const turn = (state: ConversationState, input: TurnInput) => advance(flow, state, input, engineContext)
const start = () => turn(fresh, { type: 'show' })

function expectWellFormed(outcome: TurnOutcome) {
  expect(ConversationStateSchema.safeParse(outcome.state).success).toBe(true)
  expect(outcome.step.answered).toBe(outcome.state.a.length)
  expect(flow.nodes[outcome.step.nodeId]).toBe(outcome.step.node)
  if (outcome.error) expect(errorKeys.has(outcome.error.key), outcome.error.key).toBe(true)
}

/** Replays the answers as fresh replies from the start; the person must land on the same step. */
function replay(answers: ConversationState['a']): TurnOutcome {
  let outcome = start()
  for (const [, values] of answers) {
    outcome = turn(outcome.state, { type: 'answer', reply: values })
    expect(outcome.error).toBeUndefined()
  }
  return outcome
}

// ---------------------------------------------------------------------------------------------
// Engine level: pure, many runs
// ---------------------------------------------------------------------------------------------

/** What urgent help shows while no country is known: the numbers many European countries share (issue 15). */
const SHARED_NUMBERS = ['112', '116 111', '116 123', '116 000']

describe('the dialogue engine, for any person', () => {
  it('the flow is acyclic and its depth bounds every conversation', () => {
    expect(Number.isFinite(depth)).toBe(true)
    expect(depth).toBeGreaterThan(0)
    expect(depth).toBeLessThanOrEqual(questionCount)
  })

  it('someone who answers validly after at most k misunderstood tries reaches results or urgent help within the flow depth', () => {
    const K = 3
    fc.assert(
      fc.property(fc.gen(), (g) => {
        let outcome = start()
        let validAnswers = 0
        while (!outcome.step.node.outcome) {
          const tries = g(fc.integer, { min: 0, max: K })
          for (let attempt = 0; attempt < tries; attempt++) {
            const reply = invalidReply(g, outcome)
            const after = turn(outcome.state, { type: 'answer', reply })
            expectWellFormed(after)
            // The person keeps their place: same question, same answers, and a reason.
            expect(after.error, JSON.stringify(reply)).toBeDefined()
            expect(after.state.a).toEqual(outcome.state.a)
            expect(after.step.nodeId).toBe(outcome.step.nodeId)
            outcome = after
          }
          const reply = validReply(g, outcome)
          const after = turn(outcome.state, { type: 'answer', reply })
          expectWellFormed(after)
          expect(after.error, JSON.stringify(reply)).toBeUndefined()
          expect(after.state.a.slice(0, -1)).toEqual(outcome.state.a)
          const [answeredNode, values] = after.state.a[after.state.a.length - 1] ?? []
          expect(answeredNode).toBe(outcome.step.nodeId)
          if (outcome.step.node.input?.parser === 'multi') {
            // Stored in flow order, without repeats, whatever order and repeats the person sent.
            expect(values).toEqual(outcome.step.options.map((option) => option.id).filter((id) => reply.includes(id)))
          }
          validAnswers++
          expect(validAnswers).toBeLessThanOrEqual(depth)
          outcome = after
        }
        expect(['results', 'urgent']).toContain(outcome.step.node.outcome)
        expect(outcome.state.a).toHaveLength(validAnswers)
      }),
      { numRuns: 300, ...limits },
    )
  })

  it('any sequence of answers, garbage, back, restart and show keeps every invariant, and replaying is deterministic', () => {
    const anyText = fc.oneof(
      fc.string({ maxLength: 24 }),
      fc.string({ unit: 'grapheme', maxLength: 24 }),
      fc.string({ unit: 'binary', maxLength: 24 }),
    )
    fc.assert(
      fc.property(fc.gen(), fc.integer({ min: 1, max: 30 }), (g, length) => {
        let outcome = start()
        const inputs: TurnInput[] = []
        const outcomes: TurnOutcome[] = []
        for (let index = 0; index < length; index++) {
          const kind = pick(g, ['valid', 'valid', 'valid', 'invalid', 'text', 'back', 'restart', 'show'] as const)
          const input: TurnInput =
            kind === 'back' || kind === 'restart' || kind === 'show'
              ? { type: kind }
              : {
                  type: 'answer',
                  reply: outcome.step.node.outcome
                    ? [g(() => anyText)]
                    : kind === 'valid'
                      ? validReply(g, outcome)
                      : kind === 'invalid'
                        ? invalidReply(g, outcome)
                        : g(() => fc.array(anyText, { maxLength: 3 })),
                }
          const before = outcome
          outcome = turn(before.state, input)
          inputs.push(input)
          outcomes.push(outcome)
          expectWellFormed(outcome)
          const a = before.state.a
          if (input.type === 'back') {
            // Back never goes below the start, and lands on the question whose answer it took back.
            const taken = a[a.length - 1]
            expect(outcome.state.a).toEqual(a.slice(0, -1))
            expect(outcome.step.nodeId).toBe(taken ? taken[0] : flow.start)
            expect(outcome.step.previous).toEqual(taken?.[1])
          } else if (input.type === 'restart') {
            expect(outcome.state.a).toEqual([])
            expect(outcome.step.nodeId).toBe(flow.start)
          } else if (input.type === 'show' || outcome.error || before.step.node.outcome) {
            // Showing again, an answer not understood, or a reply on an outcome page: nothing moves.
            expect(outcome.state.a).toEqual(a)
            expect(outcome.step.nodeId).toBe(before.step.nodeId)
          } else {
            expect(outcome.state.a.slice(0, -1)).toEqual(a)
            expect(outcome.state.a[outcome.state.a.length - 1]?.[0]).toBe(before.step.nodeId)
            expect(outcome.step.nodeId).not.toBe(before.step.nodeId)
          }
          if (outcome.step.nodeId === flow.start) expect(outcome.state.a).toEqual([])
        }
        // Determinism: the same answers replayed from the start reach the same step …
        const replayed = replay(outcome.state.a)
        expect(replayed.state).toEqual(outcome.state)
        expect(replayed.step.nodeId).toBe(outcome.step.nodeId)
        expect(replayed.step.options).toEqual(outcome.step.options)
        expect(turn(outcome.state, { type: 'show' }).step.nodeId).toBe(outcome.step.nodeId)
        // … and the same inputs give exactly the same outcomes.
        let again = start()
        const second = inputs.map((input) => (again = turn(again.state, input)))
        expect(second).toEqual(outcomes)
      }),
      { numRuns: 300, ...limits },
    )
  })
})

// ---------------------------------------------------------------------------------------------
// Rendered level: the real app (createNodeApp on a temporary SQLite file), through app.fetch
// ---------------------------------------------------------------------------------------------

let folder: string
let keyring: Keyring
let node: Awaited<ReturnType<typeof createNodeApp>>

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'helpfinder-property-'))
  keyring = await generateKeyring()
  node = await createNodeApp({ databaseFile: join(folder, 'helpfinder.sqlite'), keyring, log: () => {} })
})
afterAll(() => {
  node.close()
  rmSync(folder, { recursive: true, force: true })
})

/** The turn's notice (broken token, bad request); results may carry other `class="notice"` paragraphs. */
const TURN_NOTICE = '<p class="notice" role="status">'
const has = (html: string, text: string) => html.includes(text)

const request = (path: string, init?: RequestInit) => node.app.fetch(new Request(`http://helpfinder.test${path}`, init))

function postForm(fields: [string, string][], headers: Record<string, string> = {}) {
  const body = new URLSearchParams(fields)
  return request('/turn', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body })
}

function postJson(body: unknown, headers: Record<string, string> = {}) {
  return request('/api/v1/turn', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
}

/** The skip link, then the quick exit: the first two links inside <body>, the exit to the neutral site, without a referrer. */
function expectQuickExitFirst(html: string) {
  const body = html.slice(html.indexOf('<body'))
  const [skipLink = '', exitLink = ''] = [...body.matchAll(/<a\b([^>]*)>/g)].map((match) => match[1] ?? '')
  expect(has(html, '<body')).toBe(true)
  expect(/\bhref="([^"]*)"/.exec(skipLink)?.[1]).toBe('#main')
  expect(/\bhref="([^"]*)"/.exec(exitLink)?.[1]).toBe(NEUTRAL_SITE)
  expect(/\brel="([^"]*)"/.exec(exitLink)?.[1]?.split(/\s+/)).toContain('noreferrer')
  // Nothing focusable or clickable comes before them.
  expect(body.slice(0, body.indexOf('id="exit"')).search(/<(button|input|select|form|textarea)\b/)).toBe(-1)
}

/** The urgent-help entry: a POST form to /turn with an "urgent" action button. */
function expectUrgentEntry(html: string) {
  const forms = [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)]
  const urgentForms = forms.filter(
    ([, attributes = '', inner = '']) =>
      /method="post"/.test(attributes) &&
      /action="\/turn"/.test(attributes) &&
      /<button\b[^>]*name="action"[^>]*value="urgent"/.test(inner),
  )
  expect(urgentForms.length).toBeGreaterThan(0)
}

const UrgentSchema = z.object({
  title: z.string().min(1),
  country: z.string().optional(),
  lines: z.array(z.object({ kind: z.string(), number: z.string(), tel: z.string().startsWith('tel:') })),
  gap: z.string().optional(),
})
const ViewSchema = z.object({
  ui: z.string(),
  state: z.string().min(1),
  notice: z.string().optional(),
  error: z.string().optional(),
  step: z.object({
    nodeId: z.string(),
    number: z.number(),
    outcome: z.string().optional(),
    options: z.array(z.object({ id: z.string() })),
  }),
  urgent: UrgentSchema,
  showUrgent: z.boolean(),
})
const ErrorSchema = z.object({ error: z.object({ status: z.number(), message: z.string() }), urgent: UrgentSchema })

async function readView(response: Response) {
  const body: unknown = await response.json()
  return ViewSchema.parse(body)
}

/** What runTurn hands the engine for each channel action. */
function engineInput(action: string, reply: string[]): TurnInput {
  if (action === 'answer') return { type: 'answer', reply }
  if (action === 'back' || action === 'restart') return { type: action }
  return { type: 'show' }
}

type Action = 'answer' | 'garbage' | 'back' | 'restart' | 'show' | 'urgent' | 'language'

/** One random turn: the form fields (or JSON body) to send and the reply the engine will see. */
function randomTurn(g: fc.GeneratorValue, oracle: TurnOutcome, channel: 'web' | 'api') {
  const action = pick(g, [
    'answer',
    'answer',
    'answer',
    'answer',
    'garbage',
    'back',
    'restart',
    'show',
    'urgent',
    'language',
  ] satisfies Action[])
  const parser = oracle.step.node.input?.parser
  let reply: string[] = []
  let typed: string | undefined
  if (action === 'garbage') reply = [noLetters(g)]
  if (action === 'answer' && parser) {
    if ((parser === 'country' || parser === 'language') && channel === 'web' && g(fc.boolean)) {
      const [text = ''] = validReply(g, oracle, false)
      typed = text
    } else {
      // Ids and codes only: the app matches typed labels in the interface language, the oracle in English.
      reply = validReply(g, oracle, false)
    }
  }
  if (action === 'garbage' && channel === 'web' && (parser === 'country' || parser === 'language')) {
    typed = reply[0]
    reply = []
  }
  const urgentCountry =
    action === 'urgent' || g(fc.integer, { min: 0, max: 5 }) === 0 ? pick(g, [...urgentCountries, 'XQ', 'Atlantis-123']) : undefined
  const ui = action === 'language' ? pick(g, uiCodes) : undefined
  const sent = action === 'garbage' ? 'answer' : action
  // The web form's order: a choice first, typed text after it (counted only when nothing was chosen).
  const engineReply = channel === 'web' ? [...reply.filter((value) => value !== ''), ...(typed?.trim() ? [typed.trim()] : [])] : reply
  return { action: sent, reply, typed, urgentCountry, ui, engineReply }
}

function expectedCountry(oracle: TurnOutcome, urgentCountry: string | undefined): string | undefined {
  const chosen = urgentCountry ? engineContext.countries.find(urgentCountry) : undefined
  return chosen ?? oracle.state.a.find(([nodeId]) => flow.nodes[nodeId]?.input?.criterion === 'country')?.[1][0]
}

describe('every rendered step, for random paths through the real app', () => {
  it('HTML: the quick exit is the first link and the urgent-help entry is on every page', async () => {
    await fc.assert(
      fc.asyncProperty(fc.gen(), fc.integer({ min: 1, max: 10 }), async (g, length) => {
        const first = await request('/')
        expect(first.status).toBe(200)
        let html = await first.text()
        expectQuickExitFirst(html)
        expectUrgentEntry(html)
        let state = /name="state" value="([^"]+)"/.exec(html)?.[1] ?? ''
        let oracle = start()
        for (let index = 0; index < length; index++) {
          const next = randomTurn(g, oracle, 'web')
          const fields: [string, string][] = [
            ['state', state],
            ['action', next.action],
            ...next.reply.map((value): [string, string] => ['answer', value]),
          ]
          if (next.typed !== undefined) fields.push(['answer_text', next.typed])
          if (next.urgentCountry) fields.push(['urgent_country', next.urgentCountry])
          if (next.ui) fields.push(['ui', next.ui])
          const response = await postForm(fields)
          html = await response.text()
          oracle = turn(oracle.state, engineInput(next.action, next.engineReply))
          const label = JSON.stringify(next)
          expect(response.status, label).toBe(200)
          expectQuickExitFirst(html)
          expectUrgentEntry(html)
          expect(has(html, TURN_NOTICE), label).toBe(false)
          const showsUrgent = next.action === 'urgent' || oracle.step.node.outcome === 'urgent'
          if (showsUrgent) {
            expect(has(html, 'class="urgent-panel"'), label).toBe(true)
            const country = expectedCountry(oracle, next.urgentCountry)
            const own = country ? (urgentNumbers.get(country) ?? []) : []
            for (const number of own.length > 0 ? own : SHARED_NUMBERS) expect(telLinksOf(html)).toContain(number.replace(/\s+/g, ''))
          } else if (oracle.step.node.outcome === 'results') {
            expect(stepOf(html), label).toBeUndefined()
            expect(has(html, 'class="urgent-panel"'), label).toBe(true)
          } else {
            expect(stepOf(html), label).toBe(oracle.step.nodeId)
            expect(html.includes('role="alert"'), label).toBe(oracle.error !== undefined)
          }
          const nextState = /name="state" value="([^"]+)"/.exec(html)?.[1]
          expect(nextState).toBeDefined()
          state = nextState ?? ''
        }
      }),
      { numRuns: 40, ...limits },
    )
  })

  it('JSON: every view carries urgent help, with the numbers of the chosen country once it is known', async () => {
    await fc.assert(
      fc.asyncProperty(fc.gen(), fc.integer({ min: 1, max: 10 }), async (g, length) => {
        let view = await readView(await postJson({}))
        let oracle = start()
        // No country known yet: the numbers many European countries share, never nothing (issue 15).
        expect([...view.urgent.lines.map((line) => line.number)].sort()).toEqual([...SHARED_NUMBERS].sort())
        for (let index = 0; index < length; index++) {
          const next = randomTurn(g, oracle, 'api')
          const body = {
            state: view.state,
            action: next.action,
            ...(next.reply.length > 0 ? { reply: next.reply } : {}),
            ...(next.urgentCountry ? { urgentCountry: next.urgentCountry } : {}),
            ...(next.ui ? { ui: next.ui } : {}),
          }
          const response = await postJson(body)
          expect(response.status).toBe(200)
          view = await readView(response)
          oracle = turn(oracle.state, engineInput(next.action, next.engineReply))
          const label = JSON.stringify(next)
          expect(view.notice).toBeUndefined()
          expect(view.step.nodeId, label).toBe(oracle.step.nodeId)
          expect(view.step.number).toBe(oracle.step.answered + 1)
          expect(view.error !== undefined, label).toBe(oracle.error !== undefined)
          expect(view.showUrgent).toBe(next.action === 'urgent' || oracle.step.node.outcome === 'urgent')
          if (next.ui) expect(view.ui).toBe(next.ui)
          const country = expectedCountry(oracle, next.urgentCountry)
          expect(view.urgent.country, label).toBe(country)
          const own = country ? (urgentNumbers.get(country) ?? []) : []
          // A country with nothing on file says so, and still lists the numbers many countries share.
          // The set of numbers; their order follows the urgent reason (urgentReason.test and urgent.lines.data check it).
          const sorted = (numbers: readonly string[]) => [...numbers].sort()
          expect(sorted(view.urgent.lines.map((line) => line.number))).toEqual(sorted(own.length > 0 ? own : SHARED_NUMBERS))
          if (country && own.length === 0) expect(view.urgent.gap).toBeDefined()
          expect(view.urgent.lines.map((line) => line.kind)).toContain('emergency')
        }
      }),
      { numRuns: 40, ...limits },
    )
  })
})

// ---------------------------------------------------------------------------------------------
// Hostile tokens and bodies
// ---------------------------------------------------------------------------------------------

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
const notices = new Set([en, de, nl].flatMap((locale) => [locale.error.invalid_state, locale.error.expired]))
const badRequest = new Set([en, de, nl].map((locale) => locale.error.bad_request))

/** A real token for a conversation a few answers in. */
async function realToken(g: fc.GeneratorValue): Promise<string> {
  let outcome = start()
  const answers = g(fc.integer, { min: 0, max: 4 })
  for (let index = 0; index < answers && !outcome.step.node.outcome; index++) {
    outcome = turn(outcome.state, { type: 'answer', reply: validReply(g, outcome) })
  }
  return sealState(outcome.state, keyring, Date.now())
}

/** Broken in every way a token can break: noise, truncation, bit flips, other keys, expiry. */
async function brokenToken(g: fc.GeneratorValue): Promise<string> {
  const kind = pick(g, ['random', 'truncated', 'bitflip', 'idflip', 'otherKey', 'unknownKey', 'expired', 'appended'] as const)
  if (kind === 'random') {
    return g(() =>
      fc.oneof(
        fc.string({ minLength: 1, maxLength: 200 }),
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }),
        fc.stringMatching(/^[A-Za-z0-9_-]{1,12}\.[A-Za-z0-9_-]{0,300}$/),
      ),
    )
  }
  if (kind === 'otherKey' || kind === 'unknownKey') {
    const other =
      kind === 'otherKey'
        ? await generateKeyring()
        : await importKeyring(newKeySpec('k9')).then((result) => (result.ok ? result.value : keyring))
    return sealState(fresh, other, Date.now())
  }
  if (kind === 'expired') return sealState(fresh, keyring, Date.now() - (STATE_TTL_SECONDS + 60) * 1000)
  const token = await realToken(g)
  if (kind === 'truncated') return token.slice(0, g(fc.integer, { min: 1, max: token.length - 1 }))
  if (kind === 'appended') return `${token}${pick(g, ['.', 'A', '.x', '=='] as const)}`
  const [id = '', body = ''] = token.split('.')
  if (kind === 'idflip') return `${id}${pick(g, ['x', '0', '-'] as const)}.${body}`
  const bytes = fromBase64url(body)
  if (!bytes) throw new Error('a sealed token must decode')
  const bit = g(() => fc.nat({ max: bytes.length * 8 - 1 }))
  bytes[bit >> 3] = (bytes[bit >> 3] ?? 0) ^ (1 << (bit & 7))
  return `${id}.${toBase64url(bytes)}`
}

async function expectFreshStart(token: string, channelState: string) {
  // The server seals with the flow's codebook (node and option numbers), so it opens with the flow.
  const opened = await openState(channelState, keyring, Date.now(), flow)
  expect(opened.ok).toBe(true)
  expect(opened.ok ? opened.value.a : undefined).toEqual([])
  expect(channelState).not.toBe(token)
}

describe('hostile tokens and bodies never break a turn', () => {
  const actions = ['answer', 'back', 'restart', 'show', 'language', 'urgent'] as const

  it('a broken token in a form post gives a kind notice and a fresh start, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.gen(), async (g) => {
        const token = await brokenToken(g)
        const action = pick(g, actions)
        const response = await postForm([
          ['state', token],
          ['action', action],
          ['answer', pick(g, ['self', 'DE', 'de'] as const)],
        ])
        const html = await response.text()
        expect(response.status).toBe(200)
        expectQuickExitFirst(html)
        expectUrgentEntry(html)
        const shown = /<p class="notice" role="status">([^<]+)<\/p>/.exec(html)?.[1] ?? ''
        expect([...notices].map(escapeHtml)).toContain(shown)
        if (action === 'urgent') expect(has(html, 'class="urgent-panel"')).toBe(true)
        else expect(stepOf(html)).toBe(flow.start)
        await expectFreshStart(token, /name="state" value="([^"]+)"/.exec(html)?.[1] ?? '')
      }),
      { numRuns: 80, ...limits },
    )
  })

  it('a broken token in the JSON API gives a notice and a fresh start on the first question', async () => {
    await fc.assert(
      fc.asyncProperty(fc.gen(), async (g) => {
        const token = await brokenToken(g)
        const response = await postJson({ state: token, action: pick(g, actions), reply: ['self'] })
        expect(response.status).toBe(200)
        const view = await readView(response)
        expect(notices).toContain(view.notice)
        expect(view.step.nodeId).toBe(flow.start)
        expect(view.step.number).toBe(1)
        expect(view.error).toBeUndefined()
        await expectFreshStart(token, view.state)
        // The fresh token really works.
        const next = await readView(await postJson({ state: view.state, action: 'answer', reply: 'self' }))
        expect(next.step.nodeId).toBe('age')
      }),
      { numRuns: 80, ...limits },
    )
  })

  it('any state sealed with the real key (even one the flow never produces) is replayed safely', async () => {
    const nodeIds = Object.keys(flow.nodes)
    const values = [
      ...new Set([
        ...Object.values(flow.nodes).flatMap((node) => (node.input?.options ?? []).map((option) => option.id)),
        'DE',
        'NL',
        'de',
        'en',
      ]),
    ]
    const answer = fc.tuple(
      fc.oneof(fc.constantFrom(...nodeIds), fc.string({ maxLength: 64 })),
      fc.array(fc.oneof(fc.constantFrom(...values), fc.string({ maxLength: 32 })), { maxLength: 16 }),
    )
    const anyState = fc.record({
      f: fc.oneof(fc.constant(flow.id), fc.string({ maxLength: 64 })),
      v: fc.nat(),
      ui: fc.constantFrom('en', 'de', 'nl', 'xx', 'zz'),
      a: fc.array(answer, { maxLength: 32 }),
    })
    await fc.assert(
      fc.asyncProperty(anyState, fc.constantFrom(...actions), fc.boolean(), async (state, action, viaApi) => {
        expect(ConversationStateSchema.safeParse(state).success).toBe(true)
        const token = await sealState(state, keyring, Date.now())
        const oracle = turn(state, engineInput(action, ['self']))
        if (viaApi) {
          const response = await postJson({ state: token, action, reply: ['self'] })
          expect(response.status).toBe(200)
          const view = await readView(response)
          expect(view.notice).toBeUndefined()
          expect(view.step.nodeId).toBe(oracle.step.nodeId)
          expect(view.urgent.title.length).toBeGreaterThan(0)
        } else {
          const response = await postForm([
            ['state', token],
            ['action', action],
            ['answer', 'self'],
          ])
          const html = await response.text()
          expect(response.status).toBe(200)
          expect(has(html, TURN_NOTICE)).toBe(false)
          expectQuickExitFirst(html)
          expectUrgentEntry(html)
          if (action !== 'urgent' && !oracle.step.node.outcome) expect(stepOf(html)).toBe(oracle.step.nodeId)
        }
      }),
      { numRuns: 80, ...limits },
    )
  })

  it('random form bodies and content types on POST /turn never give a 5xx and always offer urgent help', async () => {
    const fieldName = fc.oneof(
      fc.constantFrom('state', 'action', 'answer', 'answer_text', 'ui', 'urgent_country'),
      fc.string({ maxLength: 12 }),
    )
    const fieldValue = fc.oneof(fc.constantFrom('answer', 'back', 'urgent', 'language', 'self', 'DE'), fc.string({ maxLength: 300 }))
    const contentType = fc.constantFrom(
      'application/x-www-form-urlencoded',
      'application/x-www-form-urlencoded; charset=utf-8',
      'application/json',
      'text/plain',
      'application/octet-stream',
      'multipart/form-data',
      'multipart/form-data; boundary=xyz',
      '',
    )
    const body = fc.oneof(
      fc.array(fc.tuple(fieldName, fieldValue), { maxLength: 8 }).map((fields) => new URLSearchParams(fields).toString()),
      fc.string({ maxLength: 400 }),
      fc.jsonValue().map((value) => JSON.stringify(value) ?? 'null'),
    )
    await fc.assert(
      fc.asyncProperty(body, contentType, async (text, type) => {
        const response = await request('/turn', { method: 'POST', headers: type ? { 'content-type': type } : {}, body: text })
        const html = await response.text()
        expect(response.status).toBeLessThan(500)
        expectQuickExitFirst(html)
        expectUrgentEntry(html)
      }),
      { numRuns: 120, ...limits },
    )
  })

  it('a file, an over-long field or too many answers is refused kindly, keeping the token when it can', async () => {
    const token = await sealState({ ...fresh, a: [['asker', ['someone']]] }, keyring, Date.now())
    const withFile = new FormData()
    withFile.append('state', token)
    withFile.append('action', 'answer')
    withFile.append('answer', new Blob(['DE']), 'answer.txt')
    const file = await request('/turn', { method: 'POST', body: withFile })
    const fileHtml = await file.text()
    expect(file.status).toBe(400)
    expect(has(fileHtml, TURN_NOTICE)).toBe(true)
    expect(stepOf(fileHtml)).toBe('country')
    expectUrgentEntry(fileHtml)

    const tooMany = await postForm([
      ['state', token],
      ['action', 'answer'],
      ...Array.from({ length: 17 }, (): [string, string] => ['answer', 'phone']),
    ])
    const tooManyHtml = await tooMany.text()
    expect(tooMany.status).toBe(400)
    expect(stepOf(tooManyHtml)).toBe('country')

    const longState = await postForm([
      ['state', 'x'.repeat(8193)],
      ['action', 'answer'],
      ['answer', 'self'],
    ])
    const longHtml = await longState.text()
    expect(longState.status).toBe(400)
    expect(has(longHtml, TURN_NOTICE)).toBe(true)
    expect(stepOf(longHtml)).toBe(flow.start)
    expectQuickExitFirst(longHtml)
  })

  it('random and invalid JSON on POST /api/v1/turn never gives a 5xx and always carries urgent help', async () => {
    const body = fc.oneof(
      fc.jsonValue().map((value) => JSON.stringify(value) ?? 'null'),
      fc
        .record(
          {
            state: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
            action: fc.oneof(fc.constantFrom('answer', 'back', 'urgent', 'nonsense'), fc.integer()),
            reply: fc.jsonValue(),
          },
          { requiredKeys: [] },
        )
        .map((value) => JSON.stringify(value)),
      fc.string({ maxLength: 300 }),
      fc.constantFrom('{', '{"state":', '[1,2', 'nul', '"\\u12"', `${'['.repeat(5000)}${']'.repeat(5000)}`, `{"reply":${'['.repeat(3000)}`),
    )
    const contentType = fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', '')
    await fc.assert(
      fc.asyncProperty(body, contentType, async (text, type) => {
        const response = await request('/api/v1/turn', { method: 'POST', headers: type ? { 'content-type': type } : {}, body: text })
        expect(response.status).toBeLessThan(500)
        const json: unknown = await response.json()
        const view = ViewSchema.safeParse(json)
        const error = ErrorSchema.safeParse(json)
        expect(view.success || error.success, JSON.stringify(json).slice(0, 300)).toBe(true)
        if (view.success && response.status === 400) {
          expect(badRequest).toContain(view.data.notice)
          expect(view.data.step.nodeId).toBe(flow.start)
        }
      }),
      { numRuns: 120, ...limits },
    )
  })

  it('huge bodies get 413 with urgent help, on both channels, with or without a Content-Length', async () => {
    const huge = 'x'.repeat(80 * 1024)
    for (const withLength of [true, false]) {
      const lengthHeader: Record<string, string> = withLength ? { 'content-length': String(huge.length + 6) } : {}
      const form = await request('/turn', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...lengthHeader },
        body: `state=${huge}`,
      })
      const html = await form.text()
      expect(form.status).toBe(413)
      expectQuickExitFirst(html)
      expectUrgentEntry(html)
      expect(has(html, 'class="urgent-panel"')).toBe(true)

      const api = await request('/api/v1/turn', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(withLength ? { 'content-length': String(huge.length + 12) } : {}) },
        body: JSON.stringify({ reply: huge }),
      })
      expect(api.status).toBe(413)
      const json: unknown = await api.json()
      expect(ErrorSchema.parse(json).urgent.title.length).toBeGreaterThan(0)
    }
  })
})
