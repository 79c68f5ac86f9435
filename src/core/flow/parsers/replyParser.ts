import type { Result } from '../../result'
import type { NameMatcher } from '../createNameMatcher'
import type { Option } from '../flowSchema'

/** What a parser may look at: the options this person sees, name tables, and label text. */
export interface ParseContext {
  options: readonly Option[]
  countries: NameMatcher
  languages: NameMatcher
  /** The shown label of a locale key, so a typed label matches like a click. */
  labelOf: (key: string) => string
  /** The interface language: a name that means two codes in two languages means the one it names here. */
  language?: string
}

/** Why a reply was not understood, as a locale key; the person stays on the same question. */
export interface ReplyError {
  key: string
  /** For a typed name that named nothing: the codes of the closest names, best first (never empty when present). */
  suggestions?: readonly string[]
}

/** Reads a reply (clicked ids or typed text) into answer ids. */
export type ReplyParser = (reply: readonly string[], context: ParseContext) => Result<string[], ReplyError>
