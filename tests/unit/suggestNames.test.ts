import { describe, expect, it } from 'vitest'
import { loadNameAliases } from '../../src/app/loadNameAliases'
import { createNameMatcher } from '../../src/core/flow/createNameMatcher'
import { suggestNames } from '../../src/core/flow/suggestNames'
import { uiLanguages } from '../../src/i18n/resources'

// "Did you mean" for a country or language name that named nothing: near misses and beginnings of
// names in every interface language (and the aliases people type), never a guess at nonsense.
const aliases = loadNameAliases()
const countries = createNameMatcher('region', uiLanguages, aliases.region, aliases.everydayWords?.words)
const languages = createNameMatcher('language', uiLanguages, aliases.language, aliases.everydayWords?.words)

describe('suggestNames (the pure ranking)', () => {
  const names: [string, string][] = [
    ['germany', 'DE'],
    ['deutschland', 'DE'],
    ['guernsey', 'GG'],
    ['france', 'FR'],
    ['chad', 'TD'],
  ]

  it('offers a code once, nearest first, at most three', () => {
    expect(suggestNames('Germnay', names)).toEqual(['DE'])
    expect(suggestNames('GERMANI', names)).toEqual(['DE'])
    const many: [string, string][] = ['aaaab', 'aaaac', 'aaaad', 'aaaae'].map((name, at) => [name, `C${at}`])
    expect(suggestNames('aaaax', many)).toEqual(['C0', 'C1', 'C2'])
    expect(suggestNames('aaaax', many, 2)).toHaveLength(2)
  })

  it('counts two swapped letters as one slip, and allows one slip per four letters', () => {
    // "Frnace": one swap. "Frnaec": two slips in six letters, one more than allowed.
    expect(suggestNames('Frnace', names)).toEqual(['FR'])
    expect(suggestNames('Frnaec', names)).toEqual([])
    // Four letters allow one slip ("Chat" → Chad); three allow none ("Xad" is not "Chad").
    expect(suggestNames('Chat', names)).toEqual(['TD'])
    expect(suggestNames('Xad', names)).toEqual([])
  })

  it('offers names that begin with what was typed, from three letters, before slips', () => {
    expect(suggestNames('Deutsch', names)).toEqual(['DE'])
    expect(suggestNames('Fra', names)).toEqual(['FR'])
    expect(suggestNames('Fr', names)).toEqual([])
    // A beginning ranks before a near miss: "Franc" begins "france" and is one slip from "franz" too.
    expect(suggestNames('Franc', [...names, ['franz', 'XF']])).toEqual(['FR', 'XF'])
  })

  it('offers nothing for nothing, punctuation or nonsense', () => {
    for (const typed of ['', '   ', '?!', 'qq', 'xyzzy']) expect(suggestNames(typed, names), typed).toEqual([])
  })
})

describe('the country question, with the app’s name tables', () => {
  it.each([
    ['Germnay', 'DE'],
    ['Frankriech', 'FR'],
    ['أمانيا', 'DE'],
    ['Deutsch', 'DE'],
    ['Germ', 'DE'],
    ['Untied Kingdom', 'GB'],
    ['Nederlnd', 'NL'],
    ['Österreih', 'AT'],
    ['Portgual', 'PT'],
    ['Szwecja', undefined],
    ['Amerca', 'US'],
  ])('"%s" suggests %s first', (typed, code) => {
    if (code === undefined) {
      // "Szwecja" is Polish for Sweden: a name, found outright, nothing to suggest.
      expect(countries.find(typed)).toBe('SE')
      return
    }
    expect(countries.find(typed)).toBeUndefined()
    expect(countries.suggest(typed)[0]).toBe(code)
  })

  it('"Polen" on an English page needs no suggestion: German names are read too', () => {
    expect(countries.find('Polen', 'en')).toBe('PL')
  })

  it('"Korea" offers both Koreas; "Congo" is a name, and its near misses are the two Congos', () => {
    expect(countries.suggest('Korea').sort()).toEqual(['KP', 'KR'])
    expect(countries.suggest('Kongo').sort()).toEqual(['CD', 'CG'])
  })

  it.each(['xyzzy', 'asdf', 'hello', 'test', 'Atlantis', 'Narnia', 'I do not know', 'qq', 'a'.repeat(80)])(
    '"%s" suggests nothing',
    (typed) => {
      expect(countries.find(typed)).toBeUndefined()
      expect(countries.suggest(typed)).toEqual([])
    },
  )
})

describe('the language question, with the app’s name tables', () => {
  it.each([
    ['Deutch', 'de'],
    ['Englsh', 'en'],
    ['Franch', 'fr'],
    ['Swedsh', 'sv'],
    ['Russain', 'ru'],
    ['Arabik', 'ar'],
  ])('"%s" suggests %s first', (typed, code) => {
    expect(languages.find(typed)).toBeUndefined()
    expect(languages.suggest(typed)[0]).toBe(code)
  })

  it('"Deutch" also offers Dutch, which it may have meant', () => {
    expect(languages.suggest('Deutch')).toContain('nl')
  })

  it('nonsense suggests nothing', () => {
    for (const typed of ['xyzzy', 'blah', 'qq']) expect(languages.suggest(typed), typed).toEqual([])
  })
})

describe('names that mean different codes, and old codes', () => {
  it('a name is read in the interface language first: Polish "Kongo" is the Republic of the Congo', () => {
    expect(countries.find('Kongo', 'pl')).toBe('CG')
    expect(countries.find('Kongo')).toBe('CD')
  })

  it('Irish "Rómáinis" is Romanian and "Rómainis" Romansh: told apart by their accents', () => {
    expect(languages.find('Rómáinis', 'ga')).toBe('ro')
    expect(languages.find('Rómainis', 'ga')).toBe('rm')
  })

  it('every country and language name in every interface language finds its own code there', () => {
    const wrong: string[] = []
    for (const ui of uiLanguages) {
      const regionNames = new Intl.DisplayNames([ui], { type: 'region', fallback: 'none' })
      for (const code of countries.codes) {
        const name = regionNames.of(code)
        if (name && countries.find(name, ui) !== code) wrong.push(`${ui} ${code} ${name} → ${countries.find(name, ui)}`)
      }
      const languageNames = new Intl.DisplayNames([ui], { type: 'language', fallback: 'none' })
      for (const code of uiLanguages) {
        const name = languageNames.of(code)
        if (name && languages.find(name, ui) !== code) wrong.push(`${ui} ${code} ${name} → ${languages.find(name, ui)}`)
      }
    }
    expect(wrong).toEqual([])
  })

  it('old codes Intl still names are not answers: "Vietnam" is VN (not VD), "UK" is GB', () => {
    expect(countries.find('Vietnam')).toBe('VN')
    expect(countries.find('Yemen')).toBe('YE')
    expect(countries.find('Zimbabwe')).toBe('ZW')
    expect(countries.find('UK')).toBe('GB')
    for (const old of ['VD', 'YD', 'RH', 'NH', 'DY', 'HV', 'UK']) expect(countries.codes.has(old), old).toBe(false)
  })
})
