import { fail, ok } from '../../result'
import { findOption } from './findOption'
import type { ReplyParser } from './replyParser'

/** One or more of the visible options, in the order the flow lists them, without repeats. */
export const parseMulti: ReplyParser = (reply, context) => {
  const found = reply.map((text) => findOption(text, context))
  if (found.length === 0 || found.some((option) => !option)) return fail({ key: 'error.choose_some' })
  const ids = new Set(found.map((option) => option?.id))
  return ok(context.options.filter((option) => ids.has(option.id)).map((option) => option.id))
}
