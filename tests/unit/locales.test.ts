import { describe, it, expect } from 'vitest'
import { readFileSync, readdirSync, existsSync } from 'node:fs'
import { allTerms, compileTerms, findBannedTerms, formatHit, loadTerminology, termsForLanguage } from '../support/terminologyLint'

const LOCALES_URL = new URL('../../locales/', import.meta.url)
const FLOWS_URL = new URL('../../flows/', import.meta.url)
const SOURCE_LOCALE = 'en'
const TERMINOLOGY_LANGUAGES = ['en', 'de', 'nl', 'fr', 'es', 'it', 'pl', 'sv']

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type Kind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null'

const readJson = (url: URL): Json => JSON.parse(readFileSync(url, 'utf8')) as Json

const localeNames = readdirSync(LOCALES_URL, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()

const translationUrl = (locale: string): URL => new URL(`${locale}/translation.json`, LOCALES_URL)

function loadLocale(locale: string): Json | undefined {
  const url = translationUrl(locale)
  return existsSync(url) ? readJson(url) : undefined
}

const source = loadLocale(SOURCE_LOCALE)
if (source === undefined) throw new Error('locales/en/translation.json is missing')

function kindOf(value: Json): Kind {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value as Kind
}

/** Every path in a JSON value ("a.b", "list[0]") with the kind of value found there. */
function paths(value: Json, prefix = '', out = new Map<string, Kind>()): Map<string, Kind> {
  if (prefix !== '') out.set(prefix, kindOf(value))
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) paths(item, `${prefix}[${index}]`, out)
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) paths(item, prefix === '' ? key : `${prefix}.${key}`, out)
  }
  return out
}

function arrays(value: Json, prefix = '', out = new Map<string, number>()): Map<string, number> {
  if (Array.isArray(value)) {
    out.set(prefix, value.length)
    for (const [index, item] of value.entries()) arrays(item, `${prefix}[${index}]`, out)
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) arrays(item, prefix === '' ? key : `${prefix}.${key}`, out)
  }
  return out
}

function strings(value: Json): Map<string, string> {
  const out = new Map<string, string>()
  for (const [path] of paths(value)) {
    const found = at(value, path)
    if (typeof found === 'string') out.set(path, found)
  }
  return out
}

function at(value: Json, path: string): Json | undefined {
  let current: Json | undefined = value
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    if (current === null || typeof current !== 'object') return undefined
    current = Array.isArray(current) ? current[Number(part)] : current[part]
  }
  return current
}

/** The `{{...}}` interpolations of a string, sorted; unbalanced braces are reported as a pseudo-variable. */
function variables(text: string): string[] {
  const found = [...text.matchAll(/\{\{\s*(.*?)\s*\}\}/g)].map((match) => match[1] ?? '')
  const opens = text.split('{{').length - 1
  const closes = text.split('}}').length - 1
  if (opens !== closes || opens !== found.length) found.push(`<unbalanced: ${opens} "{{" and ${closes} "}}">`)
  return [...new Set(found)].sort()
}

const terminology = loadTerminology()

describe('data/terminology.json', () => {
  it('covers every planned language', () => {
    const languages = new Set(terminology.terms.map((term) => term.language))
    for (const language of TERMINOLOGY_LANGUAGES) expect(languages.has(language), language).toBe(true)
  })

  it('has complete entries with patterns that compile', () => {
    for (const term of terminology.terms) {
      const label = `${term.language} "${term.banned}"`
      expect(term.language, label).toMatch(/^[a-z]{2,3}$/)
      expect(term.banned.trim(), label).not.toBe('')
      expect(term.preferred.trim(), label).not.toBe('')
      expect(() => compileTerms([term], terminology.flags), label).not.toThrow()
    }
  })

  it('patterns match their own examples and spare the innocent words listed', () => {
    const problems: string[] = []
    for (const term of compileTerms(terminology.terms, terminology.flags)) {
      for (const example of term.matches ?? []) {
        if (!term.regex.test(example)) problems.push(`${term.language} "${term.banned}" misses "${example}"`)
      }
      for (const example of term.allows ?? []) {
        if (term.regex.test(example)) problems.push(`${term.language} "${term.banned}" wrongly matches "${example}"`)
      }
    }
    expect(problems).toEqual([])
  })
})

describe('terminology lint', () => {
  it('catches a planted German term', () => {
    const hits = findBannedTerms({ a: 'Hilfe für Pädophile' }, termsForLanguage(terminology, 'de'))
    expect(hits.length).toBeGreaterThan(0)
    expect(hits[0]?.path).toBe('a')
    expect(hits[0]?.term.language).toBe('de')
  })

  it('applies English terms to other locales and reports nested paths', () => {
    const hits = findBannedTerms({ x: { y: ['Hulp', 'help for sex offenders'] } }, termsForLanguage(terminology, 'nl'))
    expect(hits.map((hit) => [hit.path, hit.term.language])).toEqual([['x.y[1]', 'en']])
  })

  it('catches inflected forms but not innocent words', () => {
    const de = termsForLanguage(terminology, 'de')
    expect(findBannedTerms({ a: 'Arbeit mit Täterinnen' }, de)).not.toEqual([])
    expect(findBannedTerms({ a: 'Sie sind hier tätig, später bestätigt.' }, de)).toEqual([])
    const en = termsForLanguage(terminology, 'en')
    expect(findBannedTerms({ a: 'Monsters under the bed' }, en)).not.toEqual([])
    expect(findBannedTerms({ a: 'predatory lending; monstera' }, en)).toEqual([])
  })

  it("keeps one language's terms out of another locale", () => {
    expect(findBannedTerms({ a: 'dader' }, termsForLanguage(terminology, 'de'))).toEqual([])
    expect(findBannedTerms({ a: 'dader' }, termsForLanguage(terminology, 'nl'))).not.toEqual([])
  })
})

describe('flows', () => {
  const flowFiles = readdirSync(FLOWS_URL)
    .filter((name) => name.endsWith('.json'))
    .sort()
  const translationKey = /^[a-z_]+(\.[a-z0-9_]+)+$/

  it.each(flowFiles)('%s uses no banned terms in its string values', (name) => {
    const hits = findBannedTerms(readJson(new URL(name, FLOWS_URL)), allTerms(terminology))
    expect(hits.map(formatHit)).toEqual([])
  })

  it.each(flowFiles)('%s refers only to translation keys that exist in en', (name) => {
    const flow = readJson(new URL(name, FLOWS_URL))
    const missing: string[] = []
    for (const [path, kind] of paths(flow)) {
      if (kind !== 'string' || !/(^|\.)(prompt|hint|label)$/.test(path)) continue
      const key = at(flow, path) as string
      if (translationKey.test(key) && typeof at(source, key) !== 'string') missing.push(`${path}: ${key}`)
    }
    expect(missing).toEqual([])
  })
})

describe.each(localeNames)('locales/%s', (locale) => {
  const translation = loadLocale(locale)

  it('has a translation.json', () => {
    expect(translation, `locales/${locale}/translation.json`).toBeDefined()
  })
  if (translation === undefined) return

  it('has exactly the key paths of en', () => {
    const expected = paths(source)
    const actual = paths(translation)
    const missing = [...expected.keys()].filter((path) => !actual.has(path))
    const extra = [...actual.keys()].filter((path) => !expected.has(path))
    const wrongKind = [...expected]
      .filter(([path, kind]) => actual.has(path) && actual.get(path) !== kind)
      .map(([path, kind]) => `${path}: ${actual.get(path)} instead of ${kind}`)
    expect({ missing, extra, wrongKind }).toEqual({ missing: [], extra: [], wrongKind: [] })
  })

  it('has arrays of the same length as en', () => {
    const expected = arrays(source)
    const actual = arrays(translation)
    const different = [...expected]
      .filter(([path, length]) => actual.has(path) && actual.get(path) !== length)
      .map(([path, length]) => `${path}: ${actual.get(path)} items instead of ${length}`)
    expect(different).toEqual([])
  })

  it('uses the same {{variables}} as en in every string, and no empty strings', () => {
    const expected = strings(source)
    const problems: string[] = []
    for (const [path, text] of strings(translation)) {
      if (text.trim() === '') problems.push(`${path}: empty`)
      const english = expected.get(path)
      if (english === undefined) continue
      const want = variables(english)
      const got = variables(text)
      if (want.join('|') !== got.join('|')) problems.push(`${path}: {{${got.join('}}, {{')}}} instead of {{${want.join('}}, {{')}}}`)
    }
    expect(problems).toEqual([])
  })

  it('has valid meta', () => {
    expect(typeof at(translation, 'meta.language_name')).toBe('string')
    expect(String(at(translation, 'meta.language_name')).trim()).not.toBe('')
    expect(['ltr', 'rtl']).toContain(at(translation, 'meta.dir'))
    expect(['machine-drafted', 'reviewed']).toContain(at(translation, 'meta.review'))
  })

  it('names the safety page and the quick exit exactly as the menu does where its text points to them', () => {
    expect(String(at(translation, 'privacy.body[1]'))).toContain(String(at(translation, 'nav.safety')))
    expect(String(at(translation, 'safety.body[2]'))).toContain(String(at(translation, 'nav.exit')))
  })

  it('uses no banned terms (its own language and English)', () => {
    const hits = findBannedTerms(translation, termsForLanguage(terminology, locale))
    expect(hits.map(formatHit)).toEqual([])
  })
})
