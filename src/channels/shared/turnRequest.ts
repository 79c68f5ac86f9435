import * as z from 'zod'
import type { UrgentReason } from '../../core/crisis/urgentReason'

/** What a person can do on any screen, in any channel. */
export const TurnActionSchema = z.enum(['start', 'answer', 'back', 'restart', 'show', 'urgent', 'language'])
export type TurnAction = z.infer<typeof TurnActionSchema>

/** One turn as every channel hands it to `runTurn`, after parsing its own input at the edge. */
export interface TurnRequest {
  token: string | undefined
  action: TurnAction
  /** Clicked ids or typed text, in the order given. */
  reply: string[]
  /** Interface language asked for (a code or an Accept-Language header). */
  ui: string | undefined
  /** Country whose urgent-help numbers to show, when the person picks one on the urgent screen. */
  urgentCountry: string | undefined
  /** The answer to urgent help's one question, when the person gave it. */
  urgentReason?: UrgentReason
  /** The raw Accept-Language header: its region preselects urgent numbers until a country is answered. */
  regionHint?: string
  /** Answers an embedding site suggests (the widget's country and language): preselected, never chosen for the person. */
  presets?: { country?: string; language?: string }
  /** An embedding partner's own services, shown first when they fit, and the partner's name to say why. */
  featured?: { ids: readonly string[]; by: string }
  /** Where the conversation happens, for the figures only: a registered partner's id, or "(web)", "(widget)", "(api)", "(bot)". */
  source?: string
}
