import type { DirectoryIndex } from '../../core/directory/indexDirectory'
import type { ConversationState } from '../../core/flow/conversationState'
import type { TurnFacts } from '../../core/figures/turnFigureEvents'
import type { TurnView } from './buildTurnView'
import type { RenderedParts } from './renderedParts'

/**
 * One remembered turn: the state to seal and the view in words, both without any token (the view's
 * `state` is TOKEN_SLOT), and each channel's rendering of it, filled in as channels ask for them.
 */
export interface MemoEntry {
  state: ConversationState
  view: TurnView
  rendered: Map<string, RenderedParts>
  /** What the figures count of this step (its node, whether results or urgent, the results' tier): the same for everyone. */
  facts: Pick<TurnFacts, 'node' | 'outcome' | 'tier'>
}

/** Remembered turns for the directory in use; see createTurnMemo. */
export interface TurnMemo {
  get(index: DirectoryIndex, key: string): MemoEntry | undefined
  set(index: DirectoryIndex, key: string, entry: MemoEntry): void
  readonly size: number
  /** What is held, most recently used last: for tests and diagnostics, which show it holds only codes and stand-ins. */
  entries(): IterableIterator<[string, MemoEntry]>
}

/** How many turns are remembered: every question of every flow path a crowd walks, at tens of KB each. */
export const MEMO_ENTRIES = 256

/**
 * A bounded least-recently-used memo of turns: results and views are pure functions of (directory,
 * interface language, answers), so a turn computed once is served again without recomputing or
 * re-rendering it. Keyed by turnMemoKey (codes only: nothing a person typed, never a token). A new
 * directory (an edit, a reload, storage falling back or healing) empties it.
 * @example const memo = createTurnMemo(); memo.get(index, key) ?? memo.set(index, key, entry)
 */
export function createTurnMemo(limit = MEMO_ENTRIES): TurnMemo {
  const entries = new Map<string, MemoEntry>()
  let directory: DirectoryIndex | undefined
  const forOlderDirectory = (index: DirectoryIndex) => {
    if (index === directory) return false
    entries.clear()
    directory = index
    return true
  }
  return {
    get(index, key) {
      if (forOlderDirectory(index)) return undefined
      const entry = entries.get(key)
      if (!entry) return undefined
      // Map order is insertion order: re-inserting marks it the most recently used.
      entries.delete(key)
      entries.set(key, entry)
      return entry
    },
    set(index, key, entry) {
      forOlderDirectory(index)
      entries.delete(key)
      entries.set(key, entry)
      if (entries.size > limit) {
        const oldest = entries.keys().next()
        if (!oldest.done) entries.delete(oldest.value)
      }
    },
    get size() {
      return entries.size
    },
    entries: () => entries.entries(),
  }
}
