/**
 * Where a results page left the person: a service for their situation in their country; services
 * online only; general helplines only; or urgent-help numbers only (results are never empty).
 */
export type ResultsTier = 'national' | 'online' | 'helplines' | 'urgent_only'

/** One thing that happened in a conversation, as the figures count it: never who, never when exactly. */
export type FigureEvent =
  | { kind: 'opened' }
  | { kind: 'started' }
  | { kind: 'reached'; question: string }
  | { kind: 'results'; tier: ResultsTier }
  | { kind: 'urgent' }
  | { kind: 'contact' }

/** What the conversation had said when the event happened; each part is optional and used only where docs/figures.md allows. */
export interface FigureContext {
  partner?: string
  country?: string
  /** The stage answer ("nothing_happened", "viewed_images", …). */
  situation?: string
  /** The language asked for. */
  language?: string
}
