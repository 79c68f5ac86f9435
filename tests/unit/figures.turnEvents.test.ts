import { describe, expect, it } from 'vitest'
import { resultsTier } from '../../src/core/figures/resultsTier'
import { turnFigureEvents, type TurnFacts } from '../../src/core/figures/turnFigureEvents'
import { loadFlow } from '../../src/app/loadFlow'
import { decodeCompactState } from '../../src/core/state/decodeCompactState'
import { encodeState } from '../../src/core/state/encodeState'
import { stateCodebook } from '../../src/core/state/stateCodebook'

// Which events one turn adds (docs/figures.md): each depth of a conversation counts once, so Back,
// a reload or a language change never count a step twice, and the counted depth travels sealed.
const question = (over: Partial<TurnFacts>): TurnFacts => ({
  fresh: false,
  action: 'answer',
  counted: 0,
  depth: 0,
  node: 'asker',
  outcome: undefined,
  tier: undefined,
  ...over,
})

describe('turnFigureEvents', () => {
  it('counts a first question shown to someone new as opened, and nothing else', () => {
    expect(turnFigureEvents(question({ fresh: true, action: 'start' }))).toEqual({ events: [{ kind: 'opened' }], counted: 0 })
    // The same page again with a conversation under way is not a new opening.
    expect(turnFigureEvents(question({ action: 'show' })).events).toEqual([])
  })

  it('counts the first answer as started, and the question it leads to as reached', () => {
    expect(turnFigureEvents(question({ depth: 1, node: 'country' }))).toEqual({
      events: [{ kind: 'started' }, { kind: 'reached', question: 'country' }],
      counted: 1,
    })
    expect(turnFigureEvents(question({ counted: 1, depth: 2, node: 'language' }))).toEqual({
      events: [{ kind: 'reached', question: 'language' }],
      counted: 2,
    })
  })

  it('counts nothing again after Back, a re-answer, a reload or a language change', () => {
    expect(turnFigureEvents(question({ action: 'back', counted: 3, depth: 2 }))).toEqual({ events: [], counted: 3 })
    expect(turnFigureEvents(question({ counted: 3, depth: 3, node: 'stage' }))).toEqual({ events: [], counted: 3 })
    expect(turnFigureEvents(question({ action: 'language', counted: 3, depth: 3 }))).toEqual({ events: [], counted: 3 })
    // One step further than ever before counts again.
    expect(turnFigureEvents(question({ counted: 3, depth: 4, node: 'channels' })).events).toEqual([
      { kind: 'reached', question: 'channels' },
    ])
  })

  it('counts results with their tier once, and urgent help each time it is opened', () => {
    const results = question({ counted: 6, depth: 7, node: 'results', outcome: 'results', tier: 'national' })
    expect(turnFigureEvents(results)).toEqual({ events: [{ kind: 'results', tier: 'national' }], counted: 7 })
    expect(turnFigureEvents({ ...results, counted: 7, action: 'language' }).events).toEqual([])
    expect(turnFigureEvents(question({ action: 'urgent', counted: 2, depth: 2 })).events).toEqual([{ kind: 'urgent' }])
    expect(turnFigureEvents(question({ counted: 1, depth: 2, node: 'urgent', outcome: 'urgent' })).events).toEqual([{ kind: 'urgent' }])
  })

  it('counts a conversation started again as a new one', () => {
    expect(turnFigureEvents(question({ action: 'restart', counted: 7, depth: 0 }))).toEqual({ events: [], counted: 0 })
    expect(turnFigureEvents(question({ counted: 0, depth: 1, node: 'country' })).events[0]).toEqual({ kind: 'started' })
  })
})

describe('resultsTier', () => {
  it('names where the results left the person', () => {
    expect(resultsTier({ tier: 'fit', nationalFound: true, services: [] })).toBe('national')
    expect(resultsTier({ tier: 'online_language', nationalFound: false, services: [{} as never] })).toBe('online')
    expect(resultsTier({ tier: 'helplines', nationalFound: false, services: [] })).toBe('helplines')
    expect(resultsTier({ tier: 'urgent_only', nationalFound: false, services: [] })).toBe('urgent_only')
  })
})

describe('the counted depth in the sealed state', () => {
  const flow = loadFlow()
  const codebook = stateCodebook(flow)
  const state = { f: flow.id, v: flow.version, ui: 'en', a: [['asker', ['self']] as [string, string[]]] }

  /** The same state as the version-1 payload sealed before the counted depth existed: no last byte. */
  const versionOne = (bytes: Uint8Array) => new Uint8Array([1, ...bytes.slice(1, -1)])

  it('round-trips, and a token sealed before it still opens (read as already counted)', () => {
    expect(decodeCompactState(encodeState({ ...state, h: 5 }, 1, codebook), codebook)).toMatchObject({ kind: 'state', state: { h: 5 } })
    const unset = decodeCompactState(encodeState(state, 1, codebook), codebook)
    expect(unset).toEqual({ kind: 'state', expiresAt: 1, state })
    const older = decodeCompactState(versionOne(encodeState(state, 1, codebook)), codebook)
    expect(older).toEqual({ kind: 'state', expiresAt: 1, state })
  })

  it('costs one byte, and a byte more or less is malformed', () => {
    const counted = encodeState({ ...state, h: 1 }, 1, codebook)
    expect(counted.length - versionOne(counted).length).toBe(1)
    expect(decodeCompactState(new Uint8Array([...counted, 0]), codebook).kind).toBe('malformed')
    expect(decodeCompactState(counted.slice(0, -1), codebook).kind).toBe('malformed')
    expect(decodeCompactState(new Uint8Array([...versionOne(counted), 0]), codebook).kind).toBe('malformed')
  })
})
