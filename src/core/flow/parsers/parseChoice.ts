import { fail, ok } from '../../result'
import { findOption } from './findOption'
import type { ReplyParser } from './replyParser'

/** Exactly one of the visible options. */
export const parseChoice: ReplyParser = (reply, context) => {
  const found = reply.length === 1 && reply[0] !== undefined ? findOption(reply[0], context) : undefined
  return found ? ok([found.id]) : fail({ key: 'error.choose_one' })
}
