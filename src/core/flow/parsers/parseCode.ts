import { fail, ok } from '../../result'
import type { NameMatcher } from '../createNameMatcher'
import type { ParseContext, ReplyParser } from './replyParser'

/** Builds a parser that reads one code or typed name (the first non-empty reply wins). */
function parseCode(pick: (context: ParseContext) => NameMatcher, errorKey: string): ReplyParser {
  return (reply, context) => {
    const text = reply.find((part) => part.trim() !== '')
    const code = text === undefined ? undefined : pick(context).find(text)
    return code ? ok([code]) : fail({ key: errorKey })
  }
}

/** A country code or a country name in any supported language. */
export const parseCountry = parseCode((context) => context.countries, 'error.unknown_country')

/** A language code or a language name in any supported language. */
export const parseLanguage = parseCode((context) => context.languages, 'error.unknown_language')
