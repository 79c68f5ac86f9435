/**
 * One person's answers to the flow's six questions, in order: who asks, country, language, where
 * they are now, how they can make contact, and whether anonymity matters. The tests walk these paths
 * through every channel; the option ids are the flow's (flows/help-seeker.json).
 */
export interface AnswerPath {
  asker: 'self' | 'someone' | 'young' | 'professional'
  country: string
  language: string
  stage: string
  channels: readonly string[]
  anonymity: 'matters' | 'not_needed'
}

/** Someone in Germany worried about themselves, nothing has happened, phone or chat, anonymity matters: the path most tests walk. */
export const SELF_IN_GERMANY: AnswerPath = {
  asker: 'self',
  country: 'DE',
  language: 'de',
  stage: 'nothing_happened',
  channels: ['phone', 'chat'],
  anonymity: 'matters',
}

/** The same person, with `changes`: `answerPath({ country: 'NL', language: 'nl' })`. */
export function answerPath(changes: Partial<AnswerPath>, from: AnswerPath = SELF_IN_GERMANY): AnswerPath {
  return { ...from, ...changes }
}

/** As the form helpers take them (answerAll): one answer per question, the contact channels as a list. */
export function formAnswers(path: AnswerPath): (string | string[])[] {
  return [path.asker, path.country, path.language, path.stage, [...path.channels], path.anonymity]
}

/** As the JSON API takes them: one reply list per question. */
export function jsonReplies(path: AnswerPath): string[][] {
  return formAnswers(path).map((answer) => (Array.isArray(answer) ? answer : [answer]))
}

/** The flow's question ids, in the order AnswerPath lists the answers. */
const QUESTIONS = ['asker', 'country', 'language', 'stage', 'channels', 'anonymity'] as const

/** As a conversation state holds them (`state.a`): each answered question's id and replies, the first `count` of them. */
export function stateAnswers(path: AnswerPath, count: number = QUESTIONS.length): [string, string[]][] {
  return jsonReplies(path)
    .slice(0, count)
    .map((replies, at) => [QUESTIONS[at] ?? '', replies])
}
