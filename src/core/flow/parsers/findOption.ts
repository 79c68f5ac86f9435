import { normaliseText } from '../normaliseText'
import type { Option } from '../flowSchema'
import type { ParseContext } from './replyParser'

/** Matches a reply to an option by id or by its trimmed, case-insensitive label (as Typebot does). */
export function findOption(reply: string, context: ParseContext): Option | undefined {
  const wanted = normaliseText(reply)
  return context.options.find((option) => option.id === reply.trim() || normaliseText(context.labelOf(option.label)) === wanted)
}
