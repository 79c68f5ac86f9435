import type { ConversationState } from '../flow/conversationState'
import { ByteWriter } from './ByteWriter'
import type { StateCodebook } from './stateCodebook'

/**
 * The first byte of a compact payload as seal writes it now: 2 ends with the figures' counted depth.
 * Version 1 (the same without it) is still read. The payload before both was JSON text, whose first
 * byte is "{" (0x7b).
 */
export const COMPACT_STATE_VERSION = 2
/** The compact payload before the counted depth: still in pages people have open when a deploy lands. */
export const COMPACT_STATE_VERSION_1 = 1

/**
 * The compact state payload: node and option ids as their numbers in the flow's codebook, anything
 * else (a country or language code, an id the codebook lacks) as UTF-8 text. Layout:
 * version byte · expiry (varint seconds) · codebook hash (4 bytes) · flow id ref · flow version
 * (varint) · ui (text) · answer count · per answer: node ref, value count, value refs · the figures'
 * counted depth (varint: 0 when unset, else depth + 1; version 1 ends after the answers). A ref is a
 * varint: 0 then text, or n + 1 for number n. Text is UTF-8, so a lone surrogate (which no reply
 * parser ever returns) would come back as U+FFFD.
 * @example encodeState(state, expiresAt, stateCodebook(flow)).length // 32 for a whole conversation
 */
export function encodeState(state: ConversationState, expiresAt: number, codebook: StateCodebook): Uint8Array<ArrayBuffer> {
  const out = new ByteWriter()
  out.byte(COMPACT_STATE_VERSION)
  out.varint(Math.max(0, expiresAt))
  out.uint32(codebook.hash)
  writeRef(out, state.f === codebook.flowId ? 0 : undefined, state.f)
  out.varint(state.v)
  out.text(state.ui)
  out.varint(state.a.length)
  for (const [nodeId, values] of state.a) {
    const node = codebook.nodeNumbers.get(nodeId)
    writeRef(out, node, nodeId)
    const options = node === undefined ? undefined : codebook.optionNumbers[node]
    out.varint(values.length)
    for (const value of values) writeRef(out, options?.get(value), value)
  }
  out.varint(state.h === undefined ? 0 : state.h + 1)
  return out.bytes()
}

function writeRef(out: ByteWriter, number: number | undefined, text: string): void {
  if (number !== undefined) {
    out.varint(number + 1)
    return
  }
  out.varint(0)
  out.text(text)
}
