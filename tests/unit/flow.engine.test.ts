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
/** An adult asking about themselves: "Me", then "18 or over". */
const adultSelf = [answer('self'), answer('adult')]

describe('advance', () => {
  it('starts at the first question with the four kinds of person', () => {
    const outcome = play([])
    expect(outcome.step.nodeId).toBe('asker')
    expect(outcome.step.options.map((option) => option.id)).toEqual(['self', 'someone', 'young', 'professional'])
  })

  it('walks a whole conversation to results', () => {
    const outcome = play([
      answer('self'),
      answer('adult'),
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
      expect(play([...adultSelf, answer(name)]).state.a[2]).toEqual(['country', ['DE']])
    }
    expect(play([...adultSelf, answer('Österreich')]).state.a[2]).toEqual(['country', ['AT']])
    expect(play([answer('someone'), answer('Nederland')]).state.a[1]).toEqual(['country', ['NL']])
    for (const name of ['Niederländisch', 'Dutch', 'néerlandais', 'nl', 'Nederlands']) {
      expect(play([...adultSelf, answer('NL'), answer(name)]).state.a[3]).toEqual(['language', ['nl']])
    }
  })

  it('keeps the person on the same question with a reason when a reply is not understood', () => {
    const outcome = play([...adultSelf, answer('Atlantis')])
    expect(outcome.step.nodeId).toBe('country')
    expect(outcome.error).toEqual({ key: 'error.unknown_country' })
    expect(outcome.state.a).toEqual([
      ['asker', ['self']],
      ['age', ['adult']],
    ])
    expect(play([answer('nobody')]).error).toEqual({ key: 'error.choose_one' })
    expect(play([answer()]).error).toEqual({ key: 'error.choose_one' })
  })

  it('does not take retired or pseudo region codes for countries', () => {
    for (const code of ['XA', 'XB', 'DD', 'YU', 'Pseudo-Accents']) {
      expect(play([answer('someone'), answer(code)]).error, code).toEqual({ key: 'error.unknown_country' })
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
    const three = play([...adultSelf, answer('DE'), answer('de')])
    const back = advance(flow, three.state, { type: 'back' }, engineContext)
    expect(back.step.nodeId).toBe('language')
    expect(back.state.a).toHaveLength(3)
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
    const state = play([...adultSelf, answer('DE'), answer('de'), answer('nothing_happened')]).state
    const changed: Flow = FlowSchema.parse({
      ...flow,
      version: flow.version + 1,
      nodes: { ...flow.nodes, language: { ...flow.nodes.language, next: 'channels' } },
    })
    const outcome = advance(changed, state, { type: 'show' }, engineContext)
    expect(outcome.state.v).toBe(flow.version + 1)
    expect(outcome.state.a.map(([id]) => id)).toEqual(['asker', 'age', 'country', 'language'])
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

describe('the age question', () => {
  const steps = (replies: string[]) => {
    let state = fresh
    const shown = [advance(flow, state, { type: 'show' }, engineContext).step]
    for (const reply of replies) {
      const outcome = advance(flow, state, answer(reply), engineContext)
      expect(outcome.error, reply).toBeUndefined()
      state = outcome.state
      shown.push(outcome.step)
    }
    return shown
  }

  it('is asked of a person asking about themselves, with two answers, a hint, and only then the country', () => {
    const age = play([answer('self')]).step
    expect(age.nodeId).toBe('age')
    expect(age.node.prompt).toBe('flow.age.prompt')
    expect(age.node.hint).toBe('flow.age.hint')
    expect(age.options.map((option) => option.id)).toEqual(['under_18', 'adult'])
    expect(play([answer('self'), answer('under_18')]).step.nodeId).toBe('country')
  })

  it('is not asked of anyone else: "I am under 18" already says it; relatives and professionals go to the country', () => {
    for (const asker of ['someone', 'young', 'professional']) expect(play([answer(asker)]).step.nodeId, asker).toBe('country')
    expect(play([answer('young'), answer('DE')]).state.a.map(([id]) => id)).toEqual(['asker', 'country'])
  })

  it('takes "under 18" as the young person group, "18 or over" as nothing more', () => {
    const options = flow.nodes.age?.input?.options ?? []
    expect(options.find((option) => option.id === 'under_18')?.tags).toEqual({ target_group: ['minors_hsb'] })
    expect(options.find((option) => option.id === 'adult')?.tags).toBeUndefined()
    expect(flow.nodes.asker?.input?.options.find((option) => option.id === 'young')?.tags).toEqual({ target_group: ['minors_hsb'] })
  })

  it('back from the age question returns to "who", with "Me" preselected; back from the country returns to the age', () => {
    const atAge = play([answer('self')])
    const backToAsker = advance(flow, atAge.state, { type: 'back' }, engineContext)
    expect(backToAsker.step.nodeId).toBe('asker')
    expect(backToAsker.step.previous).toEqual(['self'])
    expect(backToAsker.state.a).toEqual([])
    const atCountry = play([answer('self'), answer('under_18')])
    const backToAge = advance(flow, atCountry.state, { type: 'back' }, engineContext)
    expect(backToAge.step.nodeId).toBe('age')
    expect(backToAge.step.previous).toEqual(['under_18'])
    // Changing the answer to "someone" after going back skips the age question.
    const someone = advance(flow, backToAsker.state, answer('someone'), engineContext)
    expect(someone.step.nodeId).toBe('country')
  })

  it('a state sealed before the age question (self, then the country) carries on at the age question, keeping "Me"', () => {
    const before: ConversationState = {
      ...fresh,
      a: [
        ['asker', ['self']],
        ['country', ['DE']],
        ['language', ['de']],
      ],
    }
    const outcome = advance(flow, before, { type: 'show' }, engineContext)
    expect(outcome.step.nodeId).toBe('age')
    expect(outcome.state.a).toEqual([['asker', ['self']]])
    // Someone else's older state fits the flow as it is: nothing is lost.
    const other = advance(
      flow,
      { ...fresh, a: stateAnswers({ ...SELF_IN_GERMANY, asker: 'someone', age: undefined, stage: 'other_thoughts' }, 3) },
      { type: 'show' },
      engineContext,
    )
    expect(other.step.nodeId).toBe('stage')
  })

  it('counts the questions of each path: "Me" 7, anyone else 6; "Question 1 of 6" grows to "2 of 7" once "Me" is picked', () => {
    const counts = (replies: string[]) => steps(replies).map((step) => [step.answered + 1, step.total])
    expect(counts(['self', 'adult', 'DE', 'de', 'nothing_happened', 'phone', 'matters']).slice(0, -1)).toEqual([
      [1, 6],
      [2, 7],
      [3, 7],
      [4, 7],
      [5, 7],
      [6, 7],
      [7, 7],
    ])
    expect(counts(['someone', 'DE', 'de', 'other_thoughts', 'phone', 'matters']).slice(0, -1)).toEqual([
      [1, 6],
      [2, 6],
      [3, 6],
      [4, 6],
      [5, 6],
      [6, 6],
    ])
    for (const [asker, stage] of [
      ['young', 'young_behaviour'],
      ['professional', 'other_young'],
    ]) {
      expect(counts([asker ?? '', 'GB', 'en', stage ?? '', 'any', 'not_needed']).map(([, total]) => total)).toEqual([6, 6, 6, 6, 6, 6, 6])
    }
    // The results: every question answered, nothing ahead.
    const results = steps(['self', 'under_18', 'DE', 'de', 'nothing_happened', 'phone', 'matters']).at(-1)
    expect([results?.node.outcome, results?.answered, results?.total]).toEqual(['results', 7, 7])
  })

  it('a child in danger ends early: the urgent page counts only the questions answered', () => {
    const self = steps(['self', 'under_18', 'DE', 'de', 'child_in_danger']).at(-1)
    expect([self?.node.outcome, self?.answered, self?.total]).toEqual(['urgent', 5, 5])
    const someone = steps(['someone', 'BE', 'nl', 'child_in_danger']).at(-1)
    expect([someone?.node.outcome, someone?.answered, someone?.total]).toEqual(['urgent', 4, 4])
  })
})
