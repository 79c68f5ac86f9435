import { describe, expect, it } from 'vitest'
import { advance, type TurnInput } from '../../src/core/flow/advance'
import type { ConversationState } from '../../src/core/flow/conversationState'
import { FlowSchema, type Flow } from '../../src/core/flow/flowSchema'
import { loadFlow } from '../../src/app/loadFlow'
import { engineContext } from '../support/engineContext'
import { SELF_IN_GERMANY, stateAnswers } from '../support/answerPaths'

const flow = loadFlow()
const fresh: ConversationState = { f: flow.id, v: flow.version, ui: 'en', a: [] }

function play(inputs: TurnInput[], start = fresh) {
  let state = start
  let outcome = advance(flow, state, { type: 'show' }, engineContext)
  for (const input of inputs) {
    outcome = advance(flow, state, input, engineContext)
    state = outcome.state
  }
  return outcome
}
const answer = (...reply: string[]): TurnInput => ({ type: 'answer', reply })

describe('advance', () => {
  it('starts at the first question with the four kinds of person', () => {
    const outcome = play([])
    expect(outcome.step.nodeId).toBe('asker')
    expect(outcome.step.options.map((option) => option.id)).toEqual(['self', 'someone', 'young', 'professional'])
  })

  it('walks a whole conversation to results', () => {
    const outcome = play([
      answer('self'),
      answer('DE'),
      answer('de'),
      answer('nothing_happened'),
      answer('phone', 'chat'),
      answer('matters'),
    ])
    expect(outcome.step.node.outcome).toBe('results')
    expect(outcome.state.a).toEqual(stateAnswers(SELF_IN_GERMANY))
  })

  it('understands country and language names typed in any supported language', () => {
    for (const name of ['Deutschland', 'Allemagne', 'Germany', 'germany ', 'DE', 'de']) {
      expect(play([answer('self'), answer(name)]).state.a[1]).toEqual(['country', ['DE']])
    }
    expect(play([answer('self'), answer('Österreich')]).state.a[1]).toEqual(['country', ['AT']])
    expect(play([answer('self'), answer('Nederland')]).state.a[1]).toEqual(['country', ['NL']])
    for (const name of ['Niederländisch', 'Dutch', 'néerlandais', 'nl', 'Nederlands']) {
      expect(play([answer('self'), answer('NL'), answer(name)]).state.a[2]).toEqual(['language', ['nl']])
    }
  })

  it('keeps the person on the same question with a reason when a reply is not understood', () => {
    const outcome = play([answer('self'), answer('Atlantis')])
    expect(outcome.step.nodeId).toBe('country')
    expect(outcome.error).toEqual({ key: 'error.unknown_country' })
    expect(outcome.state.a).toEqual([['asker', ['self']]])
    expect(play([answer('nobody')]).error).toEqual({ key: 'error.choose_one' })
    expect(play([answer()]).error).toEqual({ key: 'error.choose_one' })
  })

  it('does not take retired or pseudo region codes for countries', () => {
    for (const code of ['XA', 'XB', 'DD', 'YU', 'Pseudo-Accents']) {
      expect(play([answer('self'), answer(code)]).error, code).toEqual({ key: 'error.unknown_country' })
    }
  })

  it('matches a typed option label like a click', () => {
    expect(play([answer('  someone I know OR care about ')]).state.a).toEqual([['asker', ['someone']]])
  })

  it('only offers and accepts the stage options for who is asking', () => {
    const young = play([answer('young'), answer('GB'), answer('en')])
    expect(young.step.options.map((option) => option.id)).toEqual(['young_behaviour', 'young_images', 'young_police', 'child_in_danger'])
    expect(advance(flow, young.state, answer('viewed_images'), engineContext).error).toEqual({ key: 'error.choose_one' })
  })

  it('goes back one step, and restarts', () => {
    const three = play([answer('self'), answer('DE'), answer('de')])
    const back = advance(flow, three.state, { type: 'back' }, engineContext)
    expect(back.step.nodeId).toBe('language')
    expect(back.state.a).toHaveLength(2)
    const restart = advance(flow, three.state, { type: 'restart' }, engineContext)
    expect(restart.step.nodeId).toBe('asker')
    expect(restart.state.a).toEqual([])
    expect(advance(flow, fresh, { type: 'back' }, engineContext).step.nodeId).toBe('asker')
  })

  it('leads to urgent help when a child is in danger now', () => {
    const outcome = play([answer('someone'), answer('BE'), answer('nl'), answer('child_in_danger')])
    expect(outcome.step.node.outcome).toBe('urgent')
  })

  it('keeps the answers that still fit after the flow changes, dropping the rest', () => {
    const state = play([answer('self'), answer('DE'), answer('de'), answer('nothing_happened')]).state
    const changed: Flow = FlowSchema.parse({
      ...flow,
      version: flow.version + 1,
      nodes: { ...flow.nodes, language: { ...flow.nodes.language, next: 'channels' } },
    })
    const outcome = advance(changed, state, { type: 'show' }, engineContext)
    expect(outcome.state.v).toBe(flow.version + 1)
    expect(outcome.state.a.map(([id]) => id)).toEqual(['asker', 'country', 'language'])
    expect(outcome.step.nodeId).toBe('channels')
  })

  it('starts afresh for a state of another flow', () => {
    const outcome = advance(flow, { ...fresh, f: 'other-flow', a: [['x', ['y']]] }, { type: 'show' }, engineContext)
    expect(outcome.step.nodeId).toBe('asker')
    expect(outcome.state.a).toEqual([])
  })

  it('rejects flows with dangling transitions or dead ends at load', () => {
    expect(FlowSchema.safeParse({ ...flow, start: 'nowhere' }).success).toBe(false)
    const dangling = { ...flow, nodes: { ...flow.nodes, anonymity: { ...flow.nodes.anonymity, next: 'missing' } } }
    expect(FlowSchema.safeParse(dangling).success).toBe(false)
    const deadEnd = { ...flow, nodes: { ...flow.nodes, extra: { prompt: 'x' } } }
    expect(FlowSchema.safeParse(deadEnd).success).toBe(false)
  })
})
