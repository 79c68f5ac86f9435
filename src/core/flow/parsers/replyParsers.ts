import type { Input } from '../flowSchema'
import { parseCountry, parseLanguage } from './parseCode'
import { parseChoice } from './parseChoice'
import { parseMulti } from './parseMulti'
import type { ReplyParser } from './replyParser'

/** The parser each node declares by name; the engine looks it up instead of switching on kinds. */
export const replyParsers: Record<Input['parser'], ReplyParser> = {
  choice: parseChoice,
  multi: parseMulti,
  country: parseCountry,
  language: parseLanguage,
}
