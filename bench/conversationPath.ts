/** One step of a conversation as the JSON API takes it. */
export interface PathStep {
  action: 'start' | 'answer'
  reply?: string[]
  ui?: string
}

/**
 * A whole conversation in German to results, as the JSON channel sees it: asker self, age adult, country DE,
 * language de, stage nothing_happened, channels phone and chat, then the last question (anonymity).
 * The benchmarks walk it; the form channel posts the same replies as `answer` fields.
 * @example for (const step of CONVERSATION_PATH) await postJson(base, { ...step, state })
 */
export const CONVERSATION_PATH: readonly PathStep[] = [
  { action: 'start', ui: 'de' },
  { action: 'answer', reply: ['self'] },
  { action: 'answer', reply: ['adult'] },
  { action: 'answer', reply: ['DE'] },
  { action: 'answer', reply: ['de'] },
  { action: 'answer', reply: ['nothing_happened'] },
  { action: 'answer', reply: ['phone', 'chat'] },
  { action: 'answer', reply: ['matters'] },
]
