import { loadFlow } from '../src/app/loadFlow'
import { ByteWriter } from '../src/core/state/ByteWriter'
import { COMPACT_STATE_VERSION, encodeState } from '../src/core/state/encodeState'
import { generateKeyring, importKeyring, type StateKey } from '../src/core/state/keyring'
import { openState } from '../src/core/state/openState'
import { stateCodebook } from '../src/core/state/stateCodebook'
import { CONVERSATION_PATH } from './conversationPath'
import { freePort } from './freePort'
import { sealPayload } from './sealPayload'
import type { ConversationState } from '../src/core/flow/conversationState'
import type { StateCodebook } from '../src/core/state/stateCodebook'

/** Real and forged state tokens for the fuzz to send and to damage. */
export interface FuzzContext {
  /** Tokens the server sealed, one per step of a conversation. */
  validTokens: string[]
  /** Tokens that open with the server's key (or name it) but hold what no server would seal. */
  forgedTokens: string[]
  /** A loopback port nothing listens on: where the bot is asked to deliver, to get its 502. */
  closedPort: number
}

/**
 * Walks one JSON conversation for real tokens, then seals odd payloads with the server's own key
 * (STATE_KEYS is the bench's): expired, malformed states, foreign flows, non-JSON, another key.
 * @example const context = await buildFuzzContext(server.base, server.stateKeys)
 */
export async function buildFuzzContext(base: string, stateKeys: string): Promise<FuzzContext> {
  const validTokens: string[] = []
  let state: string | undefined
  for (const step of CONVERSATION_PATH) {
    const response = await fetch(`${base}/api/v1/turn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...step, state }),
    })
    const answer: unknown = await response.json()
    state =
      typeof answer === 'object' && answer !== null && 'state' in answer && typeof answer.state === 'string' ? answer.state : undefined
    if (!state)
      throw new Error(`fuzz set-up: no state token after ${step.action} ${step.reply?.join('+') ?? ''} (status ${response.status})`)
    validTokens.push(state)
  }
  const keyring = await importKeyring(stateKeys)
  if (!keyring.ok) throw new Error(`fuzz set-up: ${keyring.error}`)
  const key = keyring.value.current
  const lastToken = validTokens.at(-1) ?? ''
  const flow = loadFlow()
  const opened = await openState(lastToken, keyring.value, Date.now(), flow)
  if (!opened.ok) throw new Error(`fuzz set-up: the server's token does not open with its key (${opened.error})`)
  const s = opened.value
  const later = Math.floor(Date.now() / 1000) + 3600
  const lastAnswer = s.a.at(-1) ?? ['asker', ['self']]
  const payloads: string[] = [
    JSON.stringify({ s, e: 0 }),
    JSON.stringify({ s, e: later + 0.5 }),
    JSON.stringify({ s, e: 1e308 }),
    JSON.stringify({ s, e: String(later) }),
    JSON.stringify({ e: later }),
    JSON.stringify({ s: null, e: later }),
    JSON.stringify({ s: { ...s, a: Array.from({ length: 32 }, () => lastAnswer) }, e: later }),
    JSON.stringify({ s: { ...s, a: Array.from({ length: 33 }, () => lastAnswer) }, e: later }),
    JSON.stringify({ s: { ...s, a: [['zzz', ['zzz']], ...s.a] }, e: later }),
    JSON.stringify({ s: { ...s, a: s.a.map(([node]) => [node, Array.from({ length: 16 }, (_, i) => `x${i}`)]) }, e: later }),
    JSON.stringify({ s: { ...s, a: s.a.map(([node]) => [node, ['\u202e\u0000\ud800🧒']]) }, e: later }),
    JSON.stringify({ s: { ...s, a: [...s.a].reverse() }, e: later }),
    JSON.stringify({ s: { ...s, ui: 'zz' }, e: later }),
    JSON.stringify({ s: { ...s, ui: 'DE' }, e: later }),
    JSON.stringify({ s: { ...s, f: 'another-flow' }, e: later }),
    JSON.stringify({ s: { ...s, v: 999_999 }, e: later }),
    JSON.stringify({ s: { ...s, v: -1 }, e: later }),
    `{"__proto__":{"polluted":true},"s":${JSON.stringify(s)},"e":${later}}`,
    `{"s":${JSON.stringify(s)},"e":${later},"s":null}`,
    '[]',
    'null',
    '"just a string"',
    '{}',
    '['.repeat(20_000),
    'not json at all',
  ]
  const forgedTokens = await Promise.all(
    [...payloads, ...compactPayloads(s, later, stateCodebook(flow))].map((payload) => sealPayload(payload, key)),
  )
  forgedTokens.push(await sealPayload(new Uint8Array(64).fill(0xff), key))
  // The same state sealed with a key the server does not have: once under another id, once under its id.
  const stranger = (await generateKeyring()).current
  forgedTokens.push(await sealPayload(JSON.stringify({ s, e: later }), { id: 'kother', cipher: stranger.cipher } satisfies StateKey))
  forgedTokens.push(await sealPayload(JSON.stringify({ s, e: later }), { id: key.id, cipher: stranger.cipher } satisfies StateKey))
  return { validTokens, forgedTokens, closedPort: await freePort() }
}

/** Compact payloads (the encoding seal writes) that no server would seal: cut short, padded, another flow's numbers, out-of-range refs and counts. */
function compactPayloads(s: ConversationState, later: number, codebook: StateCodebook): Uint8Array[] {
  const whole = encodeState(s, later, codebook)
  const header = (hash: number) => {
    const out = new ByteWriter()
    out.byte(COMPACT_STATE_VERSION)
    out.varint(later)
    out.uint32(hash)
    return out
  }
  const anotherFlow = header((codebook.hash + 1) >>> 0)
  const outOfRange = header(codebook.hash)
  for (const part of [1, 1]) outOfRange.varint(part)
  outOfRange.text('de')
  for (const part of [1, 200, 1, 200]) outOfRange.varint(part)
  const tooMany = header(codebook.hash)
  for (const part of [1, 1]) tooMany.varint(part)
  tooMany.text('de')
  tooMany.varint(Number.MAX_SAFE_INTEGER)
  return [
    whole.slice(0, whole.length - 1),
    new Uint8Array([...whole, 0]),
    new Uint8Array([COMPACT_STATE_VERSION]),
    new Uint8Array([COMPACT_STATE_VERSION, ...new Array<number>(12).fill(0xff)]),
    encodeState(s, 0, codebook),
    anotherFlow.bytes(),
    outOfRange.bytes(),
    tooMany.bytes(),
    new Uint8Array([2, ...whole.slice(1)]),
  ]
}
