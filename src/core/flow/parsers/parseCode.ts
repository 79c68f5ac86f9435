import { fail, ok } from '../../result'
import type { NameMatcher } from '../createNameMatcher'
import type { ParseContext, ReplyParser } from './replyParser'

/**
 * Builds a parser that reads one code or typed name (the first non-empty reply wins, so a code
 * picked from a list or a suggestion comes before text typed beside it). A name that names nothing
 * fails with the closest names' codes, for "did you mean".
 */
function parseCode(pick: (context: ParseContext) => NameMatcher, errorKey: string): ReplyParser {
  return (reply, context) => {
    const text = reply.find((part) => part.trim() !== '')
    if (text === undefined) return fail({ key: errorKey })
    const matcher = pick(context)
    const code = matcher.find(text, context.language)
    if (code) return ok([code])
    const suggestions = matcher.suggest(text)
    return fail(suggestions.length > 0 ? { key: errorKey, suggestions } : { key: errorKey })
  }
}

/** A country code or a country name in any supported language. */
export const parseCountry = parseCode((context) => context.countries, 'error.unknown_country')

/** A language code or a language name in any supported language. */
export const parseLanguage = parseCode((context) => context.languages, 'error.unknown_language')
