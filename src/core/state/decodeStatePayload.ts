import type { ConversationState } from '../flow/conversationState'
import { decodeCompactState } from './decodeCompactState'
import { decodeJsonState } from './decodeJsonState'
import { COMPACT_STATE_VERSION, COMPACT_STATE_VERSION_1 } from './encodeState'
import type { StateCodebook } from './stateCodebook'

/** What an opened payload holds: a state, a state written against another option list, or nothing usable. */
export type DecodedPayload =
  | { kind: 'state'; expiresAt: number; state: ConversationState }
  | { kind: 'flow_changed'; expiresAt: number }
  | { kind: 'malformed' }

const JSON_OBJECT_START = 0x7b

/**
 * Reads either payload a token may carry: the compact one seal writes now, or the JSON text sealed
 * before it (still in pages people have open when a deploy lands). Its first byte tells them apart.
 * @example decodeStatePayload(plain, stateCodebook(flow)).kind // 'state'
 */
export function decodeStatePayload(plain: Uint8Array, codebook: StateCodebook): DecodedPayload {
  if (plain[0] === COMPACT_STATE_VERSION || plain[0] === COMPACT_STATE_VERSION_1) return decodeCompactState(plain, codebook)
  if (plain[0] === JSON_OBJECT_START) return decodeJsonState(plain)
  return { kind: 'malformed' }
}
