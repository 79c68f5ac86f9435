import type { Condition } from './flowSchema'

/** True when every criterion named in the condition holds one of its listed values. */
export function conditionHolds(condition: Condition | undefined, answers: Record<string, string[]>): boolean {
  if (!condition) return true
  return Object.entries(condition).every(([criterion, wanted]) => (answers[criterion] ?? []).some((value) => wanted.includes(value)))
}
