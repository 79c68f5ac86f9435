import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import * as z from 'zod'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildWorker } from '../scripts/buildWorker'
import { loadFlow } from '../src/app/loadFlow'
import type { ConversationState } from '../src/core/flow/conversationState'
import { fromBase64url, toBase64url } from '../src/core/state/base64url'
import { importKeyring, newKeySpec, type Keyring } from '../src/core/state/keyring'
import { openState } from '../src/core/state/openState'
import { sealState, STATE_TTL_SECONDS } from '../src/core/state/sealState'
import { IV_BYTES, TAG_BYTES, type StateCipherFactory } from '../src/core/state/stateCipher'
import { webCryptoCipher } from '../src/core/state/webCryptoCipher'
import { nextCheckPhase } from '../src/runtime/nextCheckPhase'
import { nodeStateCipher } from '../src/runtime/nodeStateCipher'
import de from '../locales/de/translation.json'
import { sealLegacyState } from './support/sealLegacyState'
import { startWorker } from './support/startWorker'
import { SELF_IN_GERMANY, stateAnswers } from './support/answerPaths'

// Sealing on Node goes through node:crypto (synchronous), on Workers through WebCrypto; both write
// one token format, so a token sealed by either opens with the other, in Node and in workerd.

const flow = loadFlow()
const now = Date.parse('2026-11-23T12:00:00Z')
const state: ConversationState = {
  f: flow.id,
  v: flow.version,
  ui: 'de',
  a: stateAnswers(SELF_IN_GERMANY, 6),
}
const ciphers = { 'node:crypto': nodeStateCipher, WebCrypto: webCryptoCipher } satisfies Record<string, StateCipherFactory>
const encoder = new TextEncoder()

async function keyringOf(spec: string, makeCipher: StateCipherFactory): Promise<Keyring> {
  const imported = await importKeyring(spec, makeCipher)
  if (!imported.ok) throw new Error(imported.error)
  return imported.value
}

const secretOf = (spec: string) => {
  const bytes = fromBase64url(spec.split(':')[1] ?? '')
  if (!bytes) throw new Error('bad spec')
  return bytes
}

describe('the cipher port: node:crypto and WebCrypto are the same AES-256-GCM', () => {
  it('write the same bytes for the same key, nonce, plain text and key id, and each opens the other', async () => {
    const secret = secretOf(newKeySpec('k'))
    const [viaNode, viaWeb] = await Promise.all([nodeStateCipher(secret), webCryptoCipher(secret)])
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: IV_BYTES, maxLength: IV_BYTES }),
        fc.uint8Array({ maxLength: 400 }),
        fc.stringMatching(/^[A-Za-z0-9_-]{1,16}$/),
        async (iv, plain, id) => {
          const [nonce, bytes, aad] = [new Uint8Array(iv), new Uint8Array(plain), encoder.encode(id)]
          const fromNode = await viaNode.seal(nonce, bytes, aad)
          const fromWeb = await viaWeb.seal(nonce, bytes, aad)
          expect(fromNode).toEqual(fromWeb)
          expect(fromNode.length).toBe(plain.length + TAG_BYTES)
          expect(await viaWeb.open(nonce, new Uint8Array(fromNode), aad)).toEqual(bytes)
          expect(await viaNode.open(nonce, new Uint8Array(fromWeb), aad)).toEqual(bytes)
        },
      ),
      { numRuns: 200, interruptAfterTimeLimit: 15_000 },
    )
  })

  for (const [name, makeCipher] of Object.entries(ciphers)) {
    it(`${name} refuses any changed bit, other additional data, a cut tag and another key, without throwing`, async () => {
      const secret = secretOf(newKeySpec('k'))
      const cipher = await makeCipher(secret)
      const other = await makeCipher(secretOf(newKeySpec('k')))
      const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES))
      const aad = encoder.encode('k1')
      const sealed = new Uint8Array(await cipher.seal(iv, encoder.encode('a conversation'), aad))
      expect(await cipher.open(iv, sealed, aad)).toEqual(encoder.encode('a conversation'))
      for (let bit = 0; bit < sealed.length * 8; bit++) {
        const damaged = sealed.slice()
        damaged[bit >> 3] = (damaged[bit >> 3] ?? 0) ^ (1 << (bit & 7))
        expect(await cipher.open(iv, damaged, aad), `bit ${bit}`).toBeUndefined()
      }
      const otherIv = iv.slice()
      otherIv[0] = (otherIv[0] ?? 0) ^ 1
      expect(await cipher.open(otherIv, sealed, aad)).toBeUndefined()
      expect(await cipher.open(iv, sealed, encoder.encode('k2'))).toBeUndefined()
      expect(await other.open(iv, sealed, aad)).toBeUndefined()
      for (const cut of [1, 4, 12, TAG_BYTES, sealed.length])
        expect(await cipher.open(iv, sealed.slice(0, sealed.length - cut), aad), `cut ${cut}`).toBeUndefined()
    })
  }
})

describe('node:crypto hands its results back in batches', () => {
  it('every seal and open of one event-loop iteration resumes in the same check phase, after the I/O that was ready', async () => {
    const cipher = await nodeStateCipher(secretOf(newKeySpec('k')))
    const order: string[] = []
    setImmediate(() => order.push('immediate queued first'))
    expect(nextCheckPhase()).toBe(nextCheckPhase())
    const iv = new Uint8Array(IV_BYTES)
    const aad = encoder.encode('k')
    const seals = Array.from({ length: 5 }, (_, index) =>
      cipher.seal(iv, new Uint8Array([index]), aad).then(() => order.push(`seal ${index}`)),
    )
    await Promise.all(seals)
    expect(order).toEqual(['immediate queued first', 'seal 0', 'seal 1', 'seal 2', 'seal 3', 'seal 4'])
    const sealed = new Uint8Array(await cipher.seal(iv, new Uint8Array([7]), aad))
    expect(await cipher.open(iv, sealed, aad)).toEqual(new Uint8Array([7]))
  })
})

describe('tokens cross between the two ciphers', () => {
  it('a token sealed by node:crypto opens with WebCrypto, and the reverse, with or without the flow', async () => {
    const spec = newKeySpec('k1')
    const [viaNode, viaWeb] = await Promise.all([keyringOf(spec, nodeStateCipher), keyringOf(spec, webCryptoCipher)])
    for (const withFlow of [flow, undefined]) {
      expect(await openState(await sealState(state, viaNode, now, withFlow), viaWeb, now, withFlow)).toEqual({ ok: true, value: state })
      expect(await openState(await sealState(state, viaWeb, now, withFlow), viaNode, now, withFlow)).toEqual({ ok: true, value: state })
    }
  })

  it('rotation works across them: previous keys open, the current one seals', async () => {
    const oldSpec = newKeySpec('k1')
    const newSpec = newKeySpec('k2')
    const before = { node: await keyringOf(oldSpec, nodeStateCipher), web: await keyringOf(oldSpec, webCryptoCipher) }
    const after = {
      node: await keyringOf(`${newSpec},${oldSpec}`, nodeStateCipher),
      web: await keyringOf(`${newSpec},${oldSpec}`, webCryptoCipher),
    }
    for (const sealer of [before.node, before.web]) {
      const oldToken = await sealState(state, sealer, now, flow)
      expect(oldToken.startsWith('k1.')).toBe(true)
      expect(await openState(oldToken, after.node, now, flow)).toEqual({ ok: true, value: state })
      expect(await openState(oldToken, after.web, now, flow)).toEqual({ ok: true, value: state })
    }
    for (const sealer of [after.node, after.web]) {
      const newToken = await sealState(state, sealer, now, flow)
      expect(newToken.startsWith('k2.')).toBe(true)
      expect(await openState(newToken, before.node, now, flow)).toEqual({ ok: false, error: 'unknown_key' })
    }
  })

  it('node:crypto refuses every damaged byte, a swapped key id, a foreign key and an unknown one as WebCrypto does', async () => {
    const spec = `a:${newKeySpec('x').split(':')[1]},b:${newKeySpec('y').split(':')[1]}`
    const viaNode = await keyringOf(spec, nodeStateCipher)
    const viaWeb = await keyringOf(spec, webCryptoCipher)
    const token = await sealState(state, viaNode, now, flow)
    const [id, body] = token.split('.')
    const bytes = fromBase64url(body ?? '')
    if (!id || !bytes) throw new Error('bad token')
    for (let position = 0; position < bytes.length; position++) {
      const damaged = bytes.slice()
      damaged[position] = (damaged[position] ?? 0) ^ 0x80
      const forged = `${id}.${toBase64url(damaged)}`
      expect(await openState(forged, viaNode, now, flow), `byte ${position}`).toEqual({ ok: false, error: 'tampered' })
      expect(await openState(forged, viaWeb, now, flow), `byte ${position}`).toEqual({ ok: false, error: 'tampered' })
    }
    expect(await openState(token.replace(/^a\./, 'b.'), viaNode, now, flow)).toEqual({ ok: false, error: 'tampered' })
    const stranger = await keyringOf(newKeySpec('a'), nodeStateCipher)
    expect(await openState(token, stranger, now, flow)).toEqual({ ok: false, error: 'tampered' })
    expect(await openState(token.replace(/^a\./, 'zz.'), viaNode, now, flow)).toEqual({ ok: false, error: 'unknown_key' })
    expect(await openState(`${id}.${toBase64url(bytes.slice(0, IV_BYTES + TAG_BYTES - 1))}`, viaNode, now, flow)).toEqual({
      ok: false,
      error: 'malformed',
    })
  })

  it('expiry holds with node:crypto', async () => {
    const viaNode = await keyringOf(newKeySpec('k1'), nodeStateCipher)
    const token = await sealState(state, viaNode, now, flow)
    expect((await openState(token, viaNode, now + (STATE_TTL_SECONDS - 5) * 1000, flow)).ok).toBe(true)
    expect(await openState(token, viaNode, now + (STATE_TTL_SECONDS + 5) * 1000, flow)).toEqual({ ok: false, error: 'expired' })
  })
})

// ---------------------------------------------------------------------------------------------
// The real Workers runtime: the bundle wrangler builds, in workerd, with keys Node also holds
// ---------------------------------------------------------------------------------------------

const ApiView = z.object({
  state: z.string().min(1),
  notice: z.string().nullish(),
  step: z.object({ nodeId: z.string() }),
})

describe('tokens cross between Node and the real workerd runtime', () => {
  const currentSpec = newKeySpec('kw2')
  const previousSpec = newKeySpec('kw1')
  let folder = ''
  let worker: Awaited<ReturnType<typeof startWorker>> | undefined
  const halfway: ConversationState = {
    f: flow.id,
    v: flow.version,
    ui: 'de',
    a: stateAnswers(SELF_IN_GERMANY, 3),
  }

  async function workerTurn(body: object) {
    if (!worker) throw new Error('no worker')
    const response = await fetch(`${worker.url}/api/v1/turn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    expect(response.status).toBe(200)
    return ApiView.parse(await response.json())
  }

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'helpfinder-cipher-'))
    const bundle = await buildWorker(folder)
    worker = await startWorker(bundle.outfile, { stateKeys: `${currentSpec},${previousSpec}` })
  })
  afterAll(async () => {
    await worker?.dispose()
    rmSync(folder, { recursive: true, force: true })
  })

  it('a token sealed in Node by node:crypto (current or previous key) continues the conversation in workerd', async () => {
    for (const spec of [currentSpec, previousSpec]) {
      const token = await sealState(halfway, await keyringOf(spec, nodeStateCipher), Date.now(), flow)
      const view = await workerTurn({ state: token, action: 'show' })
      expect(view.notice ?? undefined).toBeUndefined()
      expect(view.step.nodeId).toBe('language')
      const next = await workerTurn({ state: view.state, action: 'answer', reply: ['de'] })
      expect(next.step.nodeId).toBe('stage')
    }
  })

  it('a token workerd sealed opens in Node, with node:crypto and with WebCrypto', async () => {
    let view = await workerTurn({ action: 'start', ui: 'de' })
    for (const reply of [['self'], ['adult'], ['DE']]) view = await workerTurn({ state: view.state, action: 'answer', reply })
    expect(view.step.nodeId).toBe('language')
    expect(view.state.startsWith('kw2.')).toBe(true)
    for (const makeCipher of [nodeStateCipher, webCryptoCipher]) {
      expect(await openState(view.state, await keyringOf(`${currentSpec},${previousSpec}`, makeCipher), Date.now(), flow)).toEqual({
        ok: true,
        // Three answers, counted three deep for the partner figures.
        value: { ...halfway, h: 3 },
      })
    }
  })

  it('a token sealed by the old code path (JSON payload) still continues in workerd', async () => {
    const token = await sealLegacyState(halfway, previousSpec, Date.now())
    const view = await workerTurn({ state: token, action: 'show' })
    expect(view.notice ?? undefined).toBeUndefined()
    expect(view.step.nodeId).toBe('language')
  })

  it('a Node token with one changed byte gets the calm notice and a fresh start in workerd', async () => {
    const token = await sealState(halfway, await keyringOf(currentSpec, nodeStateCipher), Date.now(), flow)
    const [id, body] = token.split('.')
    const bytes = fromBase64url(body ?? '')
    if (!bytes) throw new Error('bad token')
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1
    const view = await workerTurn({ state: `${id}.${toBase64url(bytes)}`, action: 'show', ui: 'de' })
    expect(view.notice).toBe(de.error.invalid_state)
    expect(view.step.nodeId).toBe(flow.start)
  })
})
