/**
 * One person's answers to the flow's questions, in order: who asks, their age (asked only of a
 * person asking about themselves, "self"), country, language, where they are now, how they can make
 * contact, and whether anonymity matters. The tests walk these paths through every channel; the
 * option ids are the flow's (flows/help-seeker.json).
 */
export interface AnswerPath {
  asker: 'self' | 'someone' | 'young' | 'professional'
  /** Only for `self` (the flow asks no one else); a path for anyone else leaves it out. */
  age?: 'under_18' | 'adult'
  country: string
  language: string
  stage: string
  channels: readonly string[]
  anonymity: 'matters' | 'not_needed'
}

/** An adult in Germany worried about themselves, nothing has happened, phone or chat, anonymity matters: the path most tests walk. */
export const SELF_IN_GERMANY: AnswerPath = {
  asker: 'self',
  age: 'adult',
  country: 'DE',
  language: 'de',
  stage: 'nothing_happened',
  channels: ['phone', 'chat'],
  anonymity: 'matters',
}

/**
 * The same person, with `changes`: `answerPath({ country: 'NL', language: 'nl' })`. A path for
 * someone other than `self` drops the age (the flow does not ask it), unless `changes` gives one.
 */
export function answerPath(changes: Partial<AnswerPath>, from: AnswerPath = SELF_IN_GERMANY): AnswerPath {
  const path = { ...from, ...changes }
  if (path.asker === 'self' || changes.age !== undefined) return path
  const { age: _age, ...rest } = path
  return rest
}

/** The question ids a path answers, in order (the age question only when the path has an age). */
export function questionIds(path: AnswerPath): string[] {
  return ['asker', ...(path.age ? ['age'] : []), 'country', 'language', 'stage', 'channels', 'anonymity']
}

/** As the form helpers take them (answerAll): one answer per question, the contact channels as a list. */
export function formAnswers(path: AnswerPath): (string | string[])[] {
  return [path.asker, ...(path.age ? [path.age] : []), path.country, path.language, path.stage, [...path.channels], path.anonymity]
}

/** As the JSON API takes them: one reply list per question. */
export function jsonReplies(path: AnswerPath): string[][] {
  return formAnswers(path).map((answer) => (Array.isArray(answer) ? answer : [answer]))
}

/** As a conversation state holds them (`state.a`): each answered question's id and replies, the first `count` of them. */
export function stateAnswers(path: AnswerPath, count?: number): [string, string[]][] {
  const questions = questionIds(path)
  return jsonReplies(path)
    .slice(0, count ?? questions.length)
    .map((replies, at) => [questions[at] ?? '', replies])
}
