import type { Flow } from '../flow/flowSchema'
import type { Answer } from '../flow/conversationState'

/** What matching needs to know, derived from the answers and the tags each chosen option stands for. */
export interface Profile {
  country: string | undefined
  language: string | undefined
  /** Tags per criterion from the chosen options, e.g. { target_group: ['fear_may_offend'] }. */
  tags: Record<string, string[]>
}

/** @example profileFromAnswers(flow, state.a).tags.target_group // ['fear_may_offend'] */
export function profileFromAnswers(flow: Flow, answers: readonly Answer[]): Profile {
  const profile: Profile = { country: undefined, language: undefined, tags: {} }
  for (const [nodeId, values] of answers) {
    const input = flow.nodes[nodeId]?.input
    if (!input) continue
    if (input.criterion === 'country') profile.country = values[0]
    if (input.criterion === 'language') profile.language = values[0]
    for (const option of input.options.filter((candidate) => values.includes(candidate.id))) {
      for (const [criterion, tags] of Object.entries(option.tags ?? {})) {
        profile.tags[criterion] = [...new Set([...(profile.tags[criterion] ?? []), ...tags])]
      }
    }
  }
  return profile
}
