import * as z from 'zod'
import type { UrgentLine } from '../directory/urgentHelpSchema'

/** The one question urgent help may ask: what is happening now. */
export const UrgentReasonSchema = z.enum(['child_danger', 'self_harm', 'other'])
export type UrgentReason = z.infer<typeof UrgentReasonSchema>

// Which number to show first for each answer; the rest follow so nothing is ever hidden.
// A child in danger: emergency services first, then the line to report a child at risk; 116 000 is for a missing child.
const ORDER: Record<UrgentReason, readonly UrgentLine['kind'][]> = {
  child_danger: ['emergency', 'child_protection', 'child_helpline', 'missing_children', 'crisis'],
  self_harm: ['crisis', 'emergency', 'child_helpline', 'child_protection', 'missing_children'],
  other: ['emergency', 'crisis', 'child_helpline', 'child_protection', 'missing_children'],
}

/**
 * Urgent lines (a country's, or the numbers many countries share) with the right one for the reason first. Without a reason, as listed.
 * A person at risk of self-harm in a country with no sourced crisis line gets the emergency number first.
 * @example orderUrgentLines(lines, 'self_harm')[0].kind // 'crisis' (or 'emergency' if none on file)
 */
export function orderUrgentLines<Line extends Pick<UrgentLine, 'kind'>>(lines: readonly Line[], reason: UrgentReason | undefined): Line[] {
  if (!reason) return [...lines]
  const order = ORDER[reason]
  // A kind missing from the list goes last, never first (indexOf would give -1).
  const rank = (line: Line) => (order.includes(line.kind) ? order.indexOf(line.kind) : order.length)
  return [...lines].sort((a, b) => rank(a) - rank(b))
}
