import { describe, expect, it } from 'vitest'
import { buildAppDeps } from '../../src/app/buildAppDeps'
import { createTurnMemo, type MemoEntry } from '../../src/channels/shared/createTurnMemo'
import type { TurnView } from '../../src/channels/shared/buildTurnView'
import { renderOnce } from '../../src/channels/shared/renderOnce'
import { NONCE_SLOT, TOKEN_SLOT } from '../../src/channels/shared/renderedParts'
import type { TurnDeps } from '../../src/channels/shared/turnDeps'
import { turnOutcome } from '../../src/channels/shared/turnOutcome'
import type { TurnRequest } from '../../src/channels/shared/turnRequest'
import { indexDirectory, type DirectoryIndex } from '../../src/core/directory/indexDirectory'
import { generateKeyring } from '../../src/core/state/keyring'
import { openState } from '../../src/core/state/openState'
import { nodeStateCipher } from '../../src/runtime/nodeStateCipher'
import { loadBundledData } from '../../src/storage/bundledData'

// Issue 18: turns are remembered by (directory, language, answers), and what is remembered holds
// codes and stand-ins only: never a token, never anything a person typed. A remembered turn looks
// exactly like one worked out afresh.

const data = loadBundledData()
let current: DirectoryIndex = indexDirectory(data)
const directory = { get: async () => current, refresh: async () => {}, fallback: indexDirectory(data) }
const remembering: TurnDeps = (await buildAppDeps({ keyring: await generateKeyring(nodeStateCipher), directory, log: () => {} })).turn
const afresh: TurnDeps = { ...remembering, memo: undefined }
const memo = remembering.memo
if (!memo) throw new Error('buildAppDeps gives every app a memo')

/** What a person typed: it must never reach the memo. */
const TYPED = ['Germnay CANARY-memo-41c7', 'my child is in danger CANARY-memo-41c7', 'CANARY-memo-41c7 Deutsch']

type Step = Omit<TurnRequest, 'token' | 'urgentCountry'> & { urgentCountry?: string }
const to = (reply: string[]): Step => ({ action: 'answer', reply, ui: undefined })
const PATHS: { name: string; steps: Step[] }[] = [
  {
    name: 'German, clicked to results',
    steps: [
      { action: 'start', reply: [], ui: 'de' },
      to(['self']),
      to(['adult']),
      to(['DE']),
      to(['de']),
      to(['nothing_happened']),
      to(['phone', 'chat']),
      to(['matters']),
    ],
  },
  {
    name: 'English, typed country and a crisis phrase, back and restart',
    steps: [
      { action: 'start', reply: [], ui: 'en' },
      to(['self']),
      to(['under_18']),
      to([TYPED[0] ?? '']),
      to(['germany']),
      to([TYPED[1] ?? '']),
      { action: 'back', reply: [], ui: undefined },
      { action: 'restart', reply: [], ui: undefined },
    ],
  },
  {
    name: 'a family member in Ireland, language switched, urgent help',
    steps: [
      { action: 'start', reply: [], ui: 'en', regionHint: 'en-IE,en;q=0.8' },
      to(['family']),
      { action: 'language', reply: [], ui: 'pl' },
      to(['IE']),
      to([TYPED[2] ?? '']),
      { action: 'urgent', reply: [], ui: undefined, urgentCountry: 'IE' },
    ],
  },
  {
    name: 'the widget with presets and a partner',
    steps: [
      {
        action: 'start',
        reply: [],
        ui: 'en',
        presets: { country: 'DE', language: 'de' },
        featured: { ids: ['stop-it-now-uk'], by: 'Demo helpline' },
      },
      to(['self']),
      to(['adult']),
      to(['DE']),
    ],
  },
]

/** A path walked through `deps`, each view with the token it returned. */
async function walk(deps: TurnDeps, steps: Step[], token?: string) {
  const views: TurnView[] = []
  let state = token
  for (const step of steps) {
    const { view } = await turnOutcome(deps, { urgentCountry: undefined, ...step, token: state })
    views.push(view)
    state = view.state
  }
  return views
}

const withoutToken = (view: TurnView) => ({ ...view, state: undefined })

describe('remembered turns (issue 18)', () => {
  it('a remembered turn is the same view as one worked out afresh, twice over, on every path', async () => {
    for (const path of PATHS) {
      const fresh = await walk(afresh, path.steps)
      const first = await walk(remembering, path.steps)
      const again = await walk(remembering, path.steps)
      expect(first.map(withoutToken), path.name).toEqual(fresh.map(withoutToken))
      expect(again.map(withoutToken), path.name).toEqual(fresh.map(withoutToken))
    }
    expect(memo.size).toBeGreaterThan(5)
  })

  it('each person gets a seal of their own, and it opens to the same answers', async () => {
    const [a, b] = [await walk(remembering, PATHS[0]?.steps ?? []), await walk(remembering, PATHS[0]?.steps ?? [])]
    const last = (views: TurnView[]) => views.at(-1)?.state ?? ''
    expect(last(a)).not.toBe(last(b))
    expect(last(a)).not.toContain(TOKEN_SLOT)
    const [openedA, openedB] = await Promise.all(
      [last(a), last(b)].map((token) => openState(token, remembering.keyring, Date.now(), remembering.flow)),
    )
    expect(openedA?.ok && openedB?.ok ? openedA.value : 'not opened').toEqual(openedB?.ok ? openedB.value : 'not opened B')
  })

  it('holds no token and nothing typed, only codes and stand-ins, in keys, views and renderings', async () => {
    const tokens: string[] = []
    for (const path of PATHS) {
      let state: string | undefined
      for (const step of path.steps) {
        const outcome = await turnOutcome(remembering, { urgentCountry: undefined, ...step, token: state })
        // The channels' renderings are kept too: render both, as the API and the web pages do.
        await renderOnce(outcome, 'json', (view) => JSON.stringify(view))
        await renderOnce(
          outcome,
          'html',
          (view, nonce) => `<form nonce="${nonce}"><input value="${view.state}"></form>`,
          'per-response-nonce',
        )
        tokens.push(outcome.view.state)
        state = outcome.view.state
      }
    }
    const held = JSON.stringify(
      [...memo.entries()].map(([key, entry]: [string, MemoEntry]) => [key, entry.state, entry.view, [...entry.rendered]]),
    )
    expect(tokens.length).toBeGreaterThan(20)
    for (const token of tokens) expect(held).not.toContain(token)
    expect(held).not.toContain('CANARY-memo')
    expect(held).not.toMatch(/germnay|is in danger CANARY/i)
    expect(held).not.toContain('per-response-nonce')
    expect(held).toContain(TOKEN_SLOT)
    expect(held).toContain(NONCE_SLOT)
  })

  it('a reply that is not exactly a known code is never remembered, even when it is understood', async () => {
    const [start, self] = await walk(remembering, PATHS[1]?.steps.slice(0, 2) ?? [])
    for (const reply of [['germany'], ['Germany'], [TYPED[0] ?? ''], ['DE', 'typed extra']]) {
      const before = memo.size
      const keys = new Set([...memo.entries()].map(([key]) => key))
      await turnOutcome(remembering, { token: self?.state, action: 'answer', reply, ui: undefined, urgentCountry: undefined })
      const added = [...memo.entries()].map(([key]) => key).filter((key) => !keys.has(key))
      expect(added, reply.join('+')).toEqual([])
      expect(memo.size).toBe(before)
    }
    expect(start?.step.nodeId).toBe('asker')
  })

  it('a new directory empties it, and the next turn is worked out on the new directory', async () => {
    const path = PATHS[0]?.steps ?? []
    const before = (await walk(remembering, path)).at(-1)
    const first = before?.results?.services[0]?.id
    expect(first).toBeDefined()
    current = indexDirectory({ ...data, initiatives: data.initiatives.filter((initiative) => initiative.id !== first) })
    try {
      const after = (await walk(remembering, path)).at(-1)
      expect(after?.results?.services.map((service) => service.id)).not.toContain(first)
      expect(memo.size).toBe(path.length)
    } finally {
      current = indexDirectory(data)
    }
  })

  it('what it holds cannot be changed by a channel for the next person', async () => {
    const path = PATHS[0]?.steps ?? []
    const view = (await walk(remembering, path)).at(-1)
    const service = view?.results?.services[0]
    expect(service).toBeDefined()
    expect(() => {
      if (service) Reflect.set(service, 'name', 'changed by a channel')
      if (
        !Reflect.get(service ?? {}, 'name')
          ?.toString()
          .includes('changed')
      )
        throw new TypeError('frozen (sloppy mode)')
    }).toThrow(TypeError)
    const next = (await walk(remembering, path)).at(-1)
    expect(next?.results?.services[0]?.name).not.toBe('changed by a channel')
  })

  it('keeps at most its limit, dropping the least recently used', () => {
    const small = createTurnMemo(2)
    const index = indexDirectory(data)
    const entry = (name: string): MemoEntry => ({
      state: { f: 'f', v: 1, ui: 'en', a: [] },
      view: { ui: 'en' } as unknown as TurnView,
      rendered: new Map([[name, [name]]]),
      facts: { node: 'asker', outcome: undefined, tier: undefined },
    })
    small.set(index, 'a', entry('a'))
    small.set(index, 'b', entry('b'))
    expect(small.get(index, 'a')).toBeDefined()
    small.set(index, 'c', entry('c'))
    expect([...small.entries()].map(([key]) => key)).toEqual(['a', 'c'])
    expect(small.get(index, 'b')).toBeUndefined()
    expect(small.get(indexDirectory(data), 'a')).toBeUndefined()
    expect(small.size).toBe(0)
  })
})
