import { describe, expect, it } from 'vitest'
import { FlowSchema } from '../../src/core/flow/flowSchema'
import { questionsAhead } from '../../src/core/flow/questionsAhead'

const choice = (criterion: string, ids: string[]) => ({
  parser: 'choice' as const,
  criterion,
  options: ids.map((id) => ({ id, label: `flow.${criterion}.${id}` })),
})

/** A question opened by one answer (like the age question) and an option that ends early. */
const flow = FlowSchema.parse({
  id: 'count',
  version: 1,
  start: 'who',
  nodes: {
    who: { prompt: 'p', input: choice('who', ['self', 'other']), next: [{ when: { who: ['self'] }, to: 'age' }, { to: 'where' }] },
    age: { prompt: 'p', input: choice('age', ['under_18', 'adult']), next: 'where' },
    where: {
      prompt: 'p',
      input: {
        ...choice('where', ['here', 'danger']),
        options: [
          { id: 'here', label: 'x' },
          { id: 'danger', label: 'x', next: 'end' },
        ],
      },
      next: 'how',
    },
    how: { prompt: 'p', input: choice('how', ['a', 'b']), next: 'end' },
    end: { prompt: 'p', outcome: 'results' },
  },
})

describe('questionsAhead', () => {
  it('counts the path the unanswered rules lead to, this question included', () => {
    expect(questionsAhead(flow, 'who', {})).toBe(3)
  })
  it('counts a question an answer opened', () => {
    expect(questionsAhead(flow, 'age', { who: ['self'] })).toBe(3)
    expect(questionsAhead(flow, 'where', { who: ['other'] })).toBe(2)
  })
  it('follows the node, not an option that ends early', () => {
    expect(questionsAhead(flow, 'where', {})).toBe(2)
  })
  it('is zero at an end', () => {
    expect(questionsAhead(flow, 'end', {})).toBe(0)
  })
})
