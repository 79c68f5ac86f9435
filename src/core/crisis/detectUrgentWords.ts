import { normaliseText } from '../flow/normaliseText'
import type { CrisisPhrases } from './crisisPhrasesSchema'
import type { UrgentReason } from './urgentReason'

/** Phrases as normalised word sequences, ready to look for inside normalised text. */
export interface CrisisMatcher {
  phrases: { words: string; reason: UrgentReason }[]
}

/** Normalises every phrase once, across all languages: people type in the language they think in. */
export function createCrisisMatcher(data: CrisisPhrases): CrisisMatcher {
  const phrases = Object.values(data.languages).flatMap((byReason) =>
    Object.entries(byReason).flatMap(([reason, list]) =>
      isReason(reason) ? (list ?? []).map((phrase) => ({ words: normaliseText(phrase), reason })) : [],
    ),
  )
  // A child in danger is checked first: it needs the emergency number before anything else.
  const priority: Record<UrgentReason, number> = { child_danger: 0, self_harm: 1, other: 2 }
  return { phrases: phrases.filter((phrase) => phrase.words).sort((a, b) => priority[a.reason] - priority[b.reason]) }
}

/**
 * Whether typed text contains an urgent phrase, and which kind. It only ever adds urgent help:
 * it never blocks, diagnoses, stores or logs anything.
 * @example detectUrgentWords(matcher, ['I want to kill myself']) // 'self_harm'
 */
export function detectUrgentWords(matcher: CrisisMatcher, texts: readonly string[]): UrgentReason | undefined {
  const padded = texts.map((text) => ` ${normaliseText(text)} `)
  return matcher.phrases.find((phrase) => padded.some((text) => text.includes(` ${phrase.words} `)))?.reason
}

function isReason(value: string): value is UrgentReason {
  return value === 'child_danger' || value === 'self_harm' || value === 'other'
}
