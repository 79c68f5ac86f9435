/**
 * Terminology lint: finds stigmatising terms (data/terminology.json) in any string
 * inside a JSON-like value. Reusable by any test:
 *
 *   const terminology = loadTerminology()
 *   const hits = findBannedTerms(json, termsForLanguage(terminology, 'de'))
 *   expect(hits.map(formatHit)).toEqual([])
 */
import { readFileSync } from 'node:fs'

export interface TerminologyTerm {
  language: string
  banned: string
  /** JavaScript RegExp source, compiled with the file's flags (default 'iu'). */
  pattern: string
  preferred: string
  /** Examples the pattern must match. */
  matches?: string[]
  /** Examples the pattern must not match. */
  allows?: string[]
  note?: string
}

export interface Terminology {
  flags: string
  terms: TerminologyTerm[]
}

export interface CompiledTerm extends TerminologyTerm {
  regex: RegExp
}

export interface TerminologyHit {
  /** Path of the string inside the linted value, e.g. "privacy.body[1]". */
  path: string
  value: string
  match: string
  term: TerminologyTerm
}

export const DEFAULT_FLAGS = 'iu'
export const TERMINOLOGY_URL = new URL('../../data/terminology.json', import.meta.url)

export function loadTerminology(url: URL = TERMINOLOGY_URL): Terminology {
  const raw = JSON.parse(readFileSync(url, 'utf8')) as { flags?: unknown; terms?: unknown }
  if (!Array.isArray(raw.terms)) throw new Error(`${url.pathname}: "terms" must be an array`)
  const flags = typeof raw.flags === 'string' ? raw.flags : DEFAULT_FLAGS
  return { flags, terms: raw.terms as TerminologyTerm[] }
}

/** Compiles patterns; the global flag is never used, so RegExp#exec has no lastIndex state. */
export function compileTerms(terms: readonly TerminologyTerm[], flags: string = DEFAULT_FLAGS): CompiledTerm[] {
  const safeFlags = flags.replace(/[gy]/g, '')
  return terms.map((term) => ({ ...term, regex: new RegExp(term.pattern, safeFlags) }))
}

/** The terms of one language plus the English terms (English words slip into translations). */
export function termsForLanguage(terminology: Terminology, language: string): CompiledTerm[] {
  const base = language.toLowerCase().split(/[-_]/)[0]
  const selected = terminology.terms.filter((term) => term.language === 'en' || term.language === base)
  return compileTerms(selected, terminology.flags)
}

/** The English terms plus those of every listed language (e.g. a record offered in several languages). */
export function termsForLanguages(terminology: Terminology, languages: readonly string[]): CompiledTerm[] {
  const bases = new Set(languages.map((language) => language.toLowerCase().split(/[-_]/)[0]))
  const selected = terminology.terms.filter((term) => term.language === 'en' || bases.has(term.language))
  return compileTerms(selected, terminology.flags)
}

/** All terms of all languages (for language-neutral files such as flows). */
export function allTerms(terminology: Terminology): CompiledTerm[] {
  return compileTerms(terminology.terms, terminology.flags)
}

function isCompiled(term: TerminologyTerm | CompiledTerm): term is CompiledTerm {
  return 'regex' in term && term.regex instanceof RegExp
}

/** Every string leaf of a JSON-like value, with its path ("a.b", "a.list[2]"). */
export function stringLeaves(value: unknown, path = ''): Array<{ path: string; value: string }> {
  if (typeof value === 'string') return [{ path, value }]
  if (Array.isArray(value)) return value.flatMap((item, index) => stringLeaves(item, `${path}[${index}]`))
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) =>
      stringLeaves(item, path === '' ? key : `${path}.${key}`),
    )
  }
  return []
}

/** Finds every banned term in every string of `value`. Object keys are not checked, only values. */
export function findBannedTerms(
  value: unknown,
  terms: ReadonlyArray<TerminologyTerm | CompiledTerm>,
  flags: string = DEFAULT_FLAGS,
): TerminologyHit[] {
  const compiled = terms.map((term) => (isCompiled(term) ? term : compileTerms([term], flags)[0]!))
  const hits: TerminologyHit[] = []
  for (const leaf of stringLeaves(value)) {
    for (const term of compiled) {
      const found = term.regex.exec(leaf.value)
      if (found) {
        const { regex: _regex, ...plain } = term
        hits.push({ path: leaf.path, value: leaf.value, match: found[0], term: plain })
      }
    }
  }
  return hits
}

export function formatHit(hit: TerminologyHit): string {
  return `${hit.path}: "${hit.match}" (${hit.term.language} "${hit.term.banned}"; prefer: ${hit.term.preferred})`
}
