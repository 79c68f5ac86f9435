import { checkInitiatives } from '../../curation/checkInitiatives'
import { checkPartners } from '../../curation/checkPartners'
import type { DirectoryData } from '../../core/directory/directoryData'

/**
 * The data:check rules that a change would newly break: problems of the directory after it that the
 * directory before it did not have. A curator is answerable for their change, not for an old
 * problem elsewhere (data:check in CI reports those).
 * @example newProblems(before, { ...before, initiatives: next }, today) // ['stop-x: phone number … is not …']
 */
export function newProblems(before: DirectoryData, after: DirectoryData, today: Date): string[] {
  const all = (data: DirectoryData) => [
    ...checkInitiatives(data.initiatives, data.urgent, today, data.taxonomy),
    ...checkPartners(data.partners, data.initiatives, data.urgent).problems.map((problem) => `partner ${problem}`),
  ]
  const old = new Set(all(before))
  return all(after).filter((problem) => !old.has(problem))
}
