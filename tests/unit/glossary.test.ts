import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { LocaleGlossarySchema, ReviewStatusSchema } from '../../src/i18n/localeGlossarySchema'
import { jsonStrings } from '../support/jsonStrings'

// Every locale carries its review status and a glossary of the sensitive terms; the glossary's
// patterns are the terminology lint for that language, checked against the locale's own text.
const LOCALES = new URL('../../locales/', import.meta.url)
const locales = readdirSync(LOCALES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()
const REVIEW = readFileSync(new URL('REVIEW.md', LOCALES), 'utf8')
const read = (locale: string, file: string): unknown => JSON.parse(readFileSync(new URL(`${locale}/${file}`, LOCALES), 'utf8'))

describe.each(locales)('locale %s', (locale) => {
  const parsed = LocaleGlossarySchema.safeParse(read(locale, 'glossary.json'))
  const translation = read(locale, 'translation.json')

  it('has a glossary in the expected shape', () => {
    expect(parsed.error?.issues ?? []).toEqual([])
  })
  // A malformed glossary fails above, alone, without hiding the other languages' results.
  if (!parsed.success) return
  const glossary = parsed.data

  it('has a row and a review record in locales/REVIEW.md (who or what reviewed it, and when)', () => {
    expect(REVIEW).toMatch(new RegExp(`^\\| [^|]+ \\(${locale}\\) \\| [^|]+ \\|`, 'm'))
    expect(REVIEW).toMatch(new RegExp(`^### [^\\n]*\\(${locale}\\)`, 'm'))
  })

  it('says whether it was reviewed, the same in its translation and its glossary', () => {
    const meta = jsonStrings(translation).find(([path]) => path === 'meta.review')?.[1]
    expect(ReviewStatusSchema.parse(meta)).toBe(glossary.review)
    expect(glossary.language).toBe(locale)
  })

  it.each(glossary.terms.map((term) => [term.concept, term] as const))(
    'glossary "%s": the pattern catches what to avoid and spares the rest',
    (_concept, term) => {
      const pattern = new RegExp(term.pattern, 'iu')
      for (const example of term.matches) expect(pattern.test(example), example).toBe(true)
      for (const example of [...term.allows, term.preferred]) expect(pattern.test(example), example).toBe(false)
    },
  )

  it("uses none of the glossary's avoided terms anywhere in its text", () => {
    const hits = glossary.terms.flatMap((term) => {
      const pattern = new RegExp(term.pattern, 'iu')
      return jsonStrings(translation).flatMap(([path, text]) => (pattern.test(text) ? [`${path}: "${text}" (${term.concept})`] : []))
    })
    expect(hits).toEqual([])
  })

  // One form of address per language (locales/REVIEW.md): the forms it does not use are flagged.
  it.each(glossary.address.flag.map((flag) => [flag.pattern, flag] as const))(
    'address form "%s": the pattern catches the other form and spares the rest',
    (_pattern, flag) => {
      const pattern = new RegExp(flag.pattern, 'u')
      for (const example of flag.matches) expect(pattern.test(example), example).toBe(true)
      for (const example of flag.allows) expect(pattern.test(example), example).toBe(false)
    },
  )

  it(`addresses the reader one way only (${glossary.address.form})`, () => {
    const strings = jsonStrings(translation)
    const excepted = new Set(glossary.address.except.map((exception) => exception.key))
    for (const key of excepted)
      expect(
        strings.some(([path]) => path === key || path.startsWith(`${key}[`)),
        `except: ${key} is not a key`,
      ).toBe(true)
    const hits = glossary.address.flag.flatMap((flag) => {
      const pattern = new RegExp(flag.pattern, 'u')
      return strings.flatMap(([path, text]) =>
        pattern.test(text) && !excepted.has(path.replace(/\[\d+\]$/, '')) ? [`${path}: "${text}" (${flag.pattern})`] : [],
      )
    })
    expect(hits).toEqual([])
  })
})
