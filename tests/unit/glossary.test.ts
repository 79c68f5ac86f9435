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
const read = (locale: string, file: string): unknown => JSON.parse(readFileSync(new URL(`${locale}/${file}`, LOCALES), 'utf8'))

describe.each(locales)('locale %s', (locale) => {
  const glossary = LocaleGlossarySchema.parse(read(locale, 'glossary.json'))
  const translation = read(locale, 'translation.json')

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
})
