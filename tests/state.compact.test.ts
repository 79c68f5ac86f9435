import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import fc from 'fast-check'
import * as z from 'zod'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildAppDeps } from '../src/app/buildAppDeps'
import { loadFlow } from '../src/app/loadFlow'
import { runTurn } from '../src/channels/shared/runTurn'
import { ConversationStateSchema, type ConversationState } from '../src/core/flow/conversationState'
import { FlowSchema, type Flow } from '../src/core/flow/flowSchema'
import { fromBase64url } from '../src/core/state/base64url'
import { decodeCompactState } from '../src/core/state/decodeCompactState'
import { decodeStatePayload } from '../src/core/state/decodeStatePayload'
import { COMPACT_STATE_VERSION, encodeState } from '../src/core/state/encodeState'
import { importKeyring, newKeySpec, type Keyring } from '../src/core/state/keyring'
import { openState } from '../src/core/state/openState'
import { sealState, STATE_TTL_SECONDS } from '../src/core/state/sealState'
import { IV_BYTES, type StateCipherFactory } from '../src/core/state/stateCipher'
import { EMPTY_CODEBOOK, stateCodebook } from '../src/core/state/stateCodebook'
import { webCryptoCipher } from '../src/core/state/webCryptoCipher'
import { createNodeApp } from '../src/runtime/createNodeApp'
import { nodeStateCipher } from '../src/runtime/nodeStateCipher'
import de from '../locales/de/translation.json'
import { sealLegacyState } from './support/sealLegacyState'
import { jsonReplies, SELF_IN_GERMANY, stateAnswers } from './support/answerPaths'

// The sealed state's payload: answers as small numbers against the flow's node and option order,
// anything else as text, behind a version byte. Tokens sealed before it (JSON text) still open.

const flow = loadFlow()
const codebook = stateCodebook(flow)
const encoder = new TextEncoder()
const Fixture = z.object({ stateKeys: z.string(), sealedAtMs: z.number(), token: z.string(), state: ConversationStateSchema })
const fixture = Fixture.parse(JSON.parse(readFileSync(new URL('./fixtures/legacyStateToken.json', import.meta.url), 'utf8')))

async function keyringOf(spec: string, makeCipher: StateCipherFactory = nodeStateCipher): Promise<Keyring> {
  const imported = await importKeyring(spec, makeCipher)
  if (!imported.ok) throw new Error(imported.error)
  return imported.value
}

/** The plain payload inside a token, opened with the raw key (to see which encoding seal wrote). */
async function payloadOf(token: string, spec: string): Promise<Uint8Array> {
  const [id = '', body = ''] = token.split('.')
  const bytes = fromBase64url(body)
  const secret = fromBase64url(spec.split(':')[1] ?? '')
  if (!bytes || !secret) throw new Error('bad token or key')
  const plain = await (await webCryptoCipher(secret)).open(bytes.slice(0, IV_BYTES), bytes.slice(IV_BYTES), encoder.encode(id))
  if (!plain) throw new Error('the token does not open with this key')
  return plain
}

// ---------------------------------------------------------------------------------------------
// Random states: ids from the flow mixed with any text the schema allows
// ---------------------------------------------------------------------------------------------

const nodeIds = Object.keys(flow.nodes)
const optionIds = Object.values(flow.nodes).flatMap((node) => (node.input?.options ?? []).map((option) => option.id))
/** Well-formed text within `max` UTF-16 units: the replies' codes, typed-looking words, emoji, right-to-left, NUL. */
const text = (max: number) =>
  fc.oneof(
    fc.constantFrom('DE', 'NL', 'de', 'en', 'fil', '', ' ', '\u0000', 'Ελλάδα', 'العربية', '🧒🏽'),
    fc.string({ unit: 'grapheme', maxLength: max }).filter((value) => value.length <= max),
  )
const anyAnswer = fc.tuple(
  fc.oneof(fc.constantFrom(...nodeIds), text(64)),
  fc.array(fc.oneof(fc.constantFrom(...optionIds), text(32)), { maxLength: 16 }),
)
const anyState: fc.Arbitrary<ConversationState> = fc.record({
  f: fc.oneof(fc.constant(flow.id), text(64)),
  v: fc.oneof(fc.constant(flow.version), fc.nat(), fc.constant(Number.MAX_SAFE_INTEGER)),
  ui: fc.stringMatching(/^[a-z]{2}$/),
  a: fc.array(anyAnswer, { maxLength: 32 }),
})
/** A failing property stops shrinking in time to report its counterexample (as in flow.property.test.ts). */
const limits = { interruptAfterTimeLimit: 15_000 }

const anyExpiry = fc.oneof(fc.nat(), fc.integer({ min: 1_700_000_000, max: 4_000_000_000 }), fc.constant(Number.MAX_SAFE_INTEGER))

describe('the compact encoding', () => {
  it('encode then decode is the identity for random valid states, with the flow codebook and without one', () => {
    fc.assert(
      fc.property(anyState, anyExpiry, fc.boolean(), (state, expiresAt, withFlow) => {
        expect(ConversationStateSchema.safeParse(state).success).toBe(true)
        const book = withFlow ? codebook : EMPTY_CODEBOOK
        const bytes = encodeState(state, expiresAt, book)
        expect(bytes[0]).toBe(COMPACT_STATE_VERSION)
        expect(decodeCompactState(bytes, book)).toEqual({ kind: 'state', expiresAt, state })
        // A token sealed without a flow spells every id out, so any flow can read it.
        if (!withFlow) expect(decodeCompactState(bytes, codebook)).toEqual({ kind: 'state', expiresAt, state })
      }),
      { numRuns: 2000, ...limits },
    )
  })

  it('seal then open is the identity for random valid states, through node:crypto', async () => {
    const keyring = await keyringOf(newKeySpec('k1'))
    const now = Date.parse('2026-12-01T10:00:00Z')
    await fc.assert(
      fc.asyncProperty(anyState, async (state) => {
        expect(await openState(await sealState(state, keyring, now, flow), keyring, now, flow)).toEqual({ ok: true, value: state })
      }),
      { numRuns: 300, ...limits },
    )
  })

  it('writes a whole conversation in a few dozen bytes: flow ids as numbers, codes as text', () => {
    const whole: ConversationState = {
      f: flow.id,
      v: flow.version,
      ui: 'de',
      a: stateAnswers(SELF_IN_GERMANY),
    }
    const bytes = encodeState(whole, 1_795_449_600, codebook)
    // 44 bytes, and one more for the figures' counted depth (issue 21).
    expect(bytes.length).toBeLessThanOrEqual(45)
    const json = encoder.encode(JSON.stringify({ s: whole, e: 1_795_449_600 }))
    expect(bytes.length * 4).toBeLessThan(json.length)
    // The ids the codebook knows are numbers: none of them is spelled out in the payload.
    const latin = new TextDecoder('latin1').decode(bytes)
    for (const id of ['help-seeker', 'asker', 'self', 'age', 'adult', 'nothing_happened', 'phone', 'matters'])
      expect(latin).not.toContain(id)
    // Free text (the codes a typed country or language name became) is carried as it is.
    expect(latin).toContain('DE')
  })

  it('never throws on damaged payloads: every cut or extension of a real one is malformed, random bytes are refused', () => {
    fc.assert(
      fc.property(anyState, anyExpiry, (state, expiresAt) => {
        const bytes = encodeState(state, expiresAt, codebook)
        for (let length = 0; length < bytes.length; length++)
          expect(decodeCompactState(bytes.slice(0, length), codebook).kind).toBe('malformed')
        expect(decodeCompactState(new Uint8Array([...bytes, 0]), codebook).kind).toBe('malformed')
      }),
      { numRuns: 200, ...limits },
    )
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const decoded = decodeStatePayload(bytes, codebook)
        if (decoded.kind === 'state') expect(ConversationStateSchema.safeParse(decoded.state).success).toBe(true)
      }),
      { numRuns: 3000, ...limits },
    )
  })

  it('tells the payloads apart by their first byte: the compact version, JSON text, anything else refused', () => {
    const state = fixture.state
    expect(decodeStatePayload(encodeState(state, 99, codebook), codebook)).toEqual({ kind: 'state', expiresAt: 99, state })
    expect(decodeStatePayload(encoder.encode(JSON.stringify({ s: state, e: 99 })), codebook)).toEqual({
      kind: 'state',
      expiresAt: 99,
      state,
    })
    const unknownVersion = encodeState(state, 99, codebook)
    unknownVersion[0] = COMPACT_STATE_VERSION + 1
    expect(decodeStatePayload(unknownVersion, codebook).kind).toBe('malformed')
    expect(decodeStatePayload(new Uint8Array(), codebook).kind).toBe('malformed')
  })
})

// ---------------------------------------------------------------------------------------------
// A flow whose option list changed: never a wrong answer, a calm restart
// ---------------------------------------------------------------------------------------------

type Mutation = (
  copy: { start: string; nodes: Record<string, { input?: { options: { id: string }[] } }> },
  pick: (count: number) => number,
) => void

/** Changes a flow can go through between a seal and an open, each keeping it a valid flow. */
const mutations: Record<string, Mutation> = {
  'two options swap places': (copy, pick) => {
    const nodes = Object.values(copy.nodes).filter((node) => (node.input?.options.length ?? 0) >= 2)
    const options = nodes[pick(nodes.length)]?.input?.options ?? []
    const first = pick(options.length)
    const second = (first + 1 + pick(options.length - 1)) % options.length
    ;[options[first], options[second]] = [options[second] ?? { id: 'x' }, options[first] ?? { id: 'x' }]
  },
  'an option is added': (copy, pick) => {
    const nodes = Object.values(copy.nodes).filter((node) => node.input && node.input.options.length > 0)
    const options = nodes[pick(nodes.length)]?.input?.options ?? []
    const model = options[0]
    if (model) options.splice(pick(options.length + 1), 0, { ...model, id: 'added_option' })
  },
  'an option is removed': (copy, pick) => {
    const nodes = Object.values(copy.nodes).filter((node) => (node.input?.options.length ?? 0) >= 2)
    const options = nodes[pick(nodes.length)]?.input?.options ?? []
    options.splice(pick(options.length), 1)
  },
  'an option is renamed': (copy, pick) => {
    const nodes = Object.values(copy.nodes).filter((node) => node.input && node.input.options.length > 0)
    const options = nodes[pick(nodes.length)]?.input?.options ?? []
    const option = options[pick(options.length)]
    if (option) option.id = `${option.id}_renamed`
  },
  'the nodes are listed in another order': (copy, pick) => {
    const entries = Object.entries(copy.nodes)
    const [moved] = entries.splice(pick(entries.length - 1), 1)
    if (moved) copy.nodes = Object.fromEntries([...entries, moved])
  },
}

/** A real conversation's state: random valid answers down the flow, from the start. */
const walkedState = fc.gen().map((g) => {
  const answers: ConversationState['a'] = []
  let nodeId = flow.start
  for (let step = 0; step < 8; step++) {
    const node = flow.nodes[nodeId]
    if (!node?.input) break
    const options = node.input.options.filter((option) => !option.next)
    const value =
      node.input.parser === 'country'
        ? ['DE']
        : node.input.parser === 'language'
          ? ['de']
          : [options[g(() => fc.nat({ max: Math.max(0, options.length - 1) }))]?.id ?? '']
    answers.push([nodeId, value])
    nodeId = typeof node.next === 'string' ? node.next : (node.next?.[0]?.to ?? flow.start)
  }
  return {
    f: flow.id,
    v: flow.version,
    ui: 'de',
    a: answers.slice(0, 1 + g(() => fc.nat({ max: answers.length }))),
  } satisfies ConversationState
})

describe('a token sealed before the flow changed', () => {
  it('never opens into another answer: any change to the node or option order is flow_changed; the same flow loaded again opens it', async () => {
    const keyring = await keyringOf(newKeySpec('k1'))
    const now = Date.parse('2026-12-01T10:00:00Z')
    await fc.assert(
      fc.asyncProperty(
        walkedState,
        fc.constantFrom(...Object.keys(mutations)),
        fc.infiniteStream(fc.nat()),
        async (state, name, numbers) => {
          const token = await sealState(state, keyring, now, flow)
          const copy = structuredClone(flow)
          const next = numbers[Symbol.iterator]()
          mutations[name]?.(copy, (count) => (count <= 1 ? 0 : (next.next().value ?? 0) % count))
          const changed = FlowSchema.parse(copy)
          expect(stateCodebook(changed).hash).not.toBe(codebook.hash)
          expect(await openState(token, keyring, now, changed)).toEqual({ ok: false, error: 'flow_changed' })
          // After a restart the flow is a new object with the same content: its tokens still open.
          expect(await openState(token, keyring, now, FlowSchema.parse(structuredClone(flow)))).toEqual({ ok: true, value: state })
        },
      ),
      { numRuns: 300, ...limits },
    )
  })

  it('an expired token of an older flow says it expired (the kinder, truer notice)', async () => {
    const keyring = await keyringOf(newKeySpec('k1'))
    const now = Date.parse('2026-12-01T10:00:00Z')
    const token = await sealState(fixture.state, keyring, now, flow)
    const changed: Flow = FlowSchema.parse({
      ...structuredClone(flow),
      nodes: { ...structuredClone(flow.nodes), extra: { prompt: 'flow.asker.prompt', outcome: 'results' } },
    })
    expect(await openState(token, keyring, now + (STATE_TTL_SECONDS + 5) * 1000, changed)).toEqual({ ok: false, error: 'expired' })
  })

  it('restarts calmly in a real turn: the notice, the first question, an empty new state (never the swapped answer)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'helpfinder-compact-'))
    const keyring = await keyringOf(newKeySpec('k1'))
    const node = await createNodeApp({ databaseFile: join(folder, 'helpfinder.sqlite'), keyring, log: () => {}, console: false })
    try {
      const deps = (await buildAppDeps({ keyring, directory: node.directory, log: () => {} })).turn
      const token = await sealState({ f: flow.id, v: flow.version, ui: 'de', a: [['asker', ['self']]] }, keyring, Date.now(), flow)
      // The same flow, "self" and "someone" swapped: read by number, option 0 would now be "someone".
      const swapped = structuredClone(flow)
      const asker = swapped.nodes.asker?.input?.options
      if (!asker?.[0] || !asker[1]) throw new Error('the asker question has two options')
      ;[asker[0], asker[1]] = [asker[1], asker[0]]
      const view = await runTurn(
        { ...deps, flow: FlowSchema.parse(swapped) },
        { token, action: 'show', reply: [], ui: 'de', urgentCountry: undefined },
      )
      expect(view.notice).toBe(de.error.invalid_state)
      expect(view.step.nodeId).toBe(flow.start)
      const reopened = await openState(view.state, keyring, Date.now(), FlowSchema.parse(swapped))
      expect(reopened).toEqual({ ok: true, value: { f: flow.id, v: flow.version, ui: 'de', a: [] } })
      // With the flow it was sealed with, the same token carries on where it was.
      const same = await runTurn(deps, { token, action: 'show', reply: [], ui: 'de', urgentCountry: undefined })
      expect(same.notice).toBeUndefined()
      expect(same.step.nodeId).toBe('age')
    } finally {
      node.close()
      rmSync(folder, { recursive: true, force: true })
    }
  })
})

// ---------------------------------------------------------------------------------------------
// Issue 20: the age question was added at the end of the flow's nodes, so tokens sealed before it
// still open (their numbers name the same nodes and options); a rollback gives the calm restart
// ---------------------------------------------------------------------------------------------

/** The flow as it was before the age question: no `age` node, "who" leads straight to the country. */
const beforeAge: Flow = (() => {
  const { age: _age, ...nodes } = structuredClone(flow.nodes)
  const asker = nodes.asker
  if (!asker) throw new Error('the flow has a "who" question')
  return FlowSchema.parse({ ...flow, nodes: { ...nodes, asker: { ...asker, next: 'country' } } })
})()

describe('a token sealed before the age question', () => {
  it('the age node comes last, so the earlier table is a beginning of today’s and its hash is read with it', () => {
    expect(Object.keys(flow.nodes).at(-1)).toBe('age')
    const earlier = stateCodebook(beforeAge)
    expect(earlier.hash).not.toBe(codebook.hash)
    expect(codebook.earlierHashes.has(earlier.hash)).toBe(true)
    expect(codebook.nodeIds.slice(0, earlier.nodeIds.length)).toEqual(earlier.nodeIds)
    // The other way round (a rollback), today's table is not a beginning of the earlier one.
    expect(earlier.earlierHashes.has(codebook.hash)).toBe(false)
  })

  it('opens with today’s flow into the same answers; today’s token does not open with the earlier flow', async () => {
    const keyring = await keyringOf(newKeySpec('k1'))
    const now = Date.parse('2026-12-01T10:00:00Z')
    const someone = stateAnswers({ ...SELF_IN_GERMANY, asker: 'someone', age: undefined, stage: 'other_thoughts' }, 5)
    for (const a of [
      someone,
      [
        ['asker', ['self']],
        ['country', ['DE']],
        ['language', ['de']],
      ] satisfies ConversationState['a'],
    ]) {
      const state: ConversationState = { f: flow.id, v: flow.version, ui: 'de', a }
      const old = await sealState(state, keyring, now, beforeAge)
      expect(await openState(old, keyring, now, flow)).toEqual({ ok: true, value: state })
    }
    const today = await sealState({ f: flow.id, v: flow.version, ui: 'de', a: stateAnswers(SELF_IN_GERMANY, 2) }, keyring, now, flow)
    expect(await openState(today, keyring, now, beforeAge)).toEqual({ ok: false, error: 'flow_changed' })
  })

  it('in a real turn: someone else carries on where they were; "Me" is asked the age next, keeping "Me" (no notice, no 500)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'helpfinder-compact-'))
    const keyring = await keyringOf(newKeySpec('k1'))
    const node = await createNodeApp({ databaseFile: join(folder, 'helpfinder.sqlite'), keyring, log: () => {}, console: false })
    try {
      const deps = (await buildAppDeps({ keyring, directory: node.directory, log: () => {} })).turn
      const seal = (a: ConversationState['a']) => sealState({ f: flow.id, v: flow.version, ui: 'de', a }, keyring, Date.now(), beforeAge)
      const show = async (token: string) => runTurn(deps, { token, action: 'show', reply: [], ui: 'de', urgentCountry: undefined })
      const someone = await show(
        await seal([
          ['asker', ['someone']],
          ['country', ['DE']],
        ]),
      )
      expect([someone.notice, someone.step.nodeId]).toEqual([undefined, 'language'])
      const self = await show(
        await seal([
          ['asker', ['self']],
          ['country', ['DE']],
          ['language', ['de']],
        ]),
      )
      expect([self.notice, self.step.nodeId]).toEqual([undefined, 'age'])
      expect(await openState(self.state, keyring, Date.now(), flow)).toEqual({
        ok: true,
        // Counted (for the partner figures) as deep as the old token had gone: its three answers.
        value: { f: flow.id, v: flow.version, ui: 'de', a: [['asker', ['self']]], h: 3 },
      })
      // A rollback to the earlier flow: today's token gives the calm restart, never a 500.
      const rolledBack = await runTurn(
        { ...deps, flow: beforeAge },
        { token: self.state, action: 'show', reply: [], ui: 'de', urgentCountry: undefined },
      )
      expect([rolledBack.notice, rolledBack.step.nodeId]).toEqual([de.error.invalid_state, beforeAge.start])
    } finally {
      node.close()
      rmSync(folder, { recursive: true, force: true })
    }
  })
})

// ---------------------------------------------------------------------------------------------
// Tokens already in people's pages when the deploy lands
// ---------------------------------------------------------------------------------------------

describe('tokens sealed by the old code path (JSON payload)', () => {
  it('the legacy sealer is the old code path: with the fixture nonce it remakes the fixture token exactly', async () => {
    const iv = fromBase64url(fixture.token.split('.')[1] ?? '')?.slice(0, IV_BYTES)
    if (!iv) throw new Error('bad fixture')
    expect(await sealLegacyState(fixture.state, fixture.stateKeys, fixture.sealedAtMs, iv)).toBe(fixture.token)
    expect(new TextDecoder().decode(await payloadOf(fixture.token, fixture.stateKeys))).toBe(
      JSON.stringify({ s: fixture.state, e: fixture.sealedAtMs / 1000 + STATE_TTL_SECONDS }),
    )
  })

  it('the fixture token opens with both ciphers, with the flow or without, until it expires', async () => {
    for (const makeCipher of [nodeStateCipher, webCryptoCipher]) {
      const keyring = await keyringOf(`${newKeySpec('knew')},${fixture.stateKeys}`, makeCipher)
      for (const withFlow of [flow, undefined]) {
        expect(await openState(fixture.token, keyring, fixture.sealedAtMs + 3_600_000, withFlow)).toEqual({
          ok: true,
          value: fixture.state,
        })
      }
      expect(await openState(fixture.token, keyring, fixture.sealedAtMs + (STATE_TTL_SECONDS + 5) * 1000, flow)).toEqual({
        ok: false,
        error: 'expired',
      })
    }
  })
})

describe('on a real Node server', () => {
  const spec = newKeySpec('khttp')
  let folder = ''
  let base = ''
  let close: () => Promise<void> = async () => {}

  const ApiView = z.object({
    state: z.string().min(1),
    notice: z.string().nullish(),
    step: z.object({ nodeId: z.string(), outcome: z.string().optional() }),
  })
  async function turn(body: object) {
    const response = await fetch(`${base}/api/v1/turn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    expect(response.status).toBe(200)
    return ApiView.parse(await response.json())
  }

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'helpfinder-compact-'))
    const node = await createNodeApp({
      databaseFile: join(folder, 'helpfinder.sqlite'),
      keyring: await keyringOf(spec),
      log: () => {},
      console: false,
    })
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const started = serve({ fetch: node.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started))
    })
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    close = () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        if ('closeAllConnections' in server) server.closeAllConnections()
        node.close()
      })
  })
  afterAll(async () => {
    await close()
    rmSync(folder, { recursive: true, force: true })
  })

  it('a page sealed before the deploy carries on after it, and its next token is the compact one', async () => {
    const halfway: ConversationState = {
      f: flow.id,
      v: flow.version,
      ui: 'de',
      a: stateAnswers(SELF_IN_GERMANY, 3),
    }
    const legacy = await sealLegacyState(halfway, spec, Date.now())
    expect((await payloadOf(legacy, spec))[0]).toBe('{'.charCodeAt(0))
    const view = await turn({ state: legacy, action: 'answer', reply: ['de'] })
    expect(view.notice ?? undefined).toBeUndefined()
    expect(view.step.nodeId).toBe('stage')
    expect((await payloadOf(view.state, spec))[0]).toBe(COMPACT_STATE_VERSION)
    expect(await openState(view.state, await keyringOf(spec), Date.now(), flow)).toEqual({
      ok: true,
      value: { ...halfway, a: [...halfway.a, ['language', ['de']]], h: 4 },
    })
  })

  it('typed names (free text, not option numbers) round-trip as the codes they became', async () => {
    let view = await turn({ action: 'start', ui: 'de' })
    for (const reply of ['self', 'adult', 'Deutschland', 'Deutsch']) view = await turn({ state: view.state, action: 'answer', reply })
    expect(view.step.nodeId).toBe('stage')
    const opened = await openState(view.state, await keyringOf(spec), Date.now(), flow)
    expect(opened).toEqual({
      ok: true,
      value: {
        f: flow.id,
        v: flow.version,
        ui: 'de',
        a: stateAnswers(SELF_IN_GERMANY, 4),
        h: 4,
      },
    })
  })

  it('the token is shorter at every step of a whole conversation than the JSON one was', async () => {
    const replies = jsonReplies(SELF_IN_GERMANY)
    const keyring = await keyringOf(spec)
    const rows: string[] = []
    let view = await turn({ action: 'start', ui: 'de' })
    for (const reply of [undefined, ...replies]) {
      if (reply) view = await turn({ state: view.state, action: 'answer', reply })
      const opened = await openState(view.state, keyring, Date.now(), flow)
      if (!opened.ok) throw new Error(opened.error)
      const before = (await sealLegacyState(opened.value, spec, Date.now())).length
      const after = view.state.length
      expect(after).toBeLessThan(before)
      rows.push(
        `${`${(reply?.join('+') ?? 'start').padEnd(18)} ${view.step.outcome ?? view.step.nodeId}`.padEnd(30)}${String(before).padStart(6)} ${String(after).padStart(6)}`,
      )
    }
    expect(view.step.outcome).toBe('results')
    const last = rows.at(-1) ?? ''
    expect(Number(last.trim().split(/\s+/).at(-1))).toBeLessThan(120)
    process.stdout.write(
      `state token length per step (key id "khttp", ${spec.split(':')[0]?.length ?? 0} chars + "."), JSON payload → compact:\n${rows.join('\n')}\n`,
    )
  })
})
