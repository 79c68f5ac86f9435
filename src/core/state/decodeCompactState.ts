import { ConversationStateSchema, type Answer } from '../flow/conversationState'
import { ByteReader } from './ByteReader'
import type { DecodedPayload } from './decodeStatePayload'
import { COMPACT_STATE_VERSION, COMPACT_STATE_VERSION_1 } from './encodeState'
import { EMPTY_CODEBOOK, type StateCodebook } from './stateCodebook'

/** Limits that hold for every state ConversationStateSchema accepts (UTF-8 takes at most 3 bytes per UTF-16 unit). */
const MAX_ANSWERS = 32
const MAX_VALUES = 16
const MAX_ID_BYTES = 64 * 3
const MAX_VALUE_BYTES = 32 * 3
const MAX_UI_BYTES = 2

/**
 * Reads what encodeState wrote. A token written against another option list (its codebook hash is
 * neither this flow's, nor one of its beginnings' — the flow before nodes were added at its end —,
 * nor the empty codebook's) is `flow_changed`: its numbers would name the wrong answers, so it is
 * never read. Anything short, long or out of range is `malformed`.
 * @example decodeCompactState(encodeState(state, e, codebook), codebook) // { kind: 'state', expiresAt: e, state }
 */
export function decodeCompactState(plain: Uint8Array, current: StateCodebook): DecodedPayload {
  const input = new ByteReader(plain)
  const version = input.byte()
  const expiresAt = input.varint()
  const hash = input.uint32()
  if ((version !== COMPACT_STATE_VERSION && version !== COMPACT_STATE_VERSION_1) || expiresAt === undefined || hash === undefined)
    return { kind: 'malformed' }
  const codebook =
    hash === current.hash || current.earlierHashes.has(hash) ? current : hash === EMPTY_CODEBOOK.hash ? EMPTY_CODEBOOK : undefined
  if (!codebook) return { kind: 'flow_changed', expiresAt }

  const f = readRef(input, codebook.flowId === undefined ? [] : [codebook.flowId], MAX_ID_BYTES)
  const v = input.varint()
  const ui = input.text(MAX_UI_BYTES)
  const count = input.varint()
  if (f === undefined || v === undefined || ui === undefined || count === undefined || count > MAX_ANSWERS) return { kind: 'malformed' }
  const a: Answer[] = []
  for (let answer = 0; answer < count; answer++) {
    const node = readNode(input, codebook)
    const valueCount = input.varint()
    if (!node || valueCount === undefined || valueCount > MAX_VALUES) return { kind: 'malformed' }
    const values: string[] = []
    for (let value = 0; value < valueCount; value++) {
      const text = readRef(input, node.options, MAX_VALUE_BYTES)
      if (text === undefined) return { kind: 'malformed' }
      values.push(text)
    }
    a.push([node.id, values])
  }
  // The figures' counted depth: version 2 always ends with it (0 for none); version 1 ends here.
  const depth = version === COMPACT_STATE_VERSION ? input.varint() : 0
  if (depth === undefined) return { kind: 'malformed' }
  const h = depth === 0 ? undefined : depth - 1
  // Every byte read, and the same rules as any state (the regex on ui, lengths in UTF-16 units).
  const state = input.done ? ConversationStateSchema.safeParse(h === undefined ? { f, v, ui, a } : { f, v, ui, a, h }) : undefined
  return state?.success ? { kind: 'state', expiresAt, state: state.data } : { kind: 'malformed' }
}

function readNode(input: ByteReader, codebook: StateCodebook): { id: string; options: readonly string[] } | undefined {
  const ref = input.varint()
  if (ref === undefined) return undefined
  if (ref === 0) {
    const id = input.text(MAX_ID_BYTES)
    return id === undefined ? undefined : { id, options: [] }
  }
  const id = codebook.nodeIds[ref - 1]
  return id === undefined ? undefined : { id, options: codebook.optionIds[ref - 1] ?? [] }
}

function readRef(input: ByteReader, table: readonly string[], maxBytes: number): string | undefined {
  const ref = input.varint()
  if (ref === undefined) return undefined
  return ref === 0 ? input.text(maxBytes) : table[ref - 1]
}
