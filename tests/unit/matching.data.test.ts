import { describe, expect, it } from 'vitest'
import { indexDirectory } from '../../src/core/directory/indexDirectory'
import { match } from '../../src/core/matching/match'
import type { Profile } from '../../src/core/matching/profileFromAnswers'
import { scoreInitiative } from '../../src/core/matching/scoreInitiative'
import { loadBundledData } from '../../src/storage/bundledData'
import en from '../../locales/en/translation.json'

// Matching on the real directory in data/, not on fixtures.
const data = loadBundledData()
const index = indexDirectory(data)
const profile = (country: string, language: string, groups: string[]): Profile => ({ country, language, tags: { target_group: groups } })
const ids = (profileToMatch: Profile) => match(index, profileToMatch).services.map((scored) => scored.initiative.id)

const hasKey = (key: string) =>
  key
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        node && typeof node === 'object' && part in node ? Object.entries(node).find(([name]) => name === part)?.[1] : undefined,
      en,
    ) !== undefined

describe('expected services appear for their country', () => {
  it('Germany, German, fear of offending: the prevention network and Troubled Desire', () => {
    const found = ids(profile('DE', 'de', ['fear_may_offend']))
    expect(found).toContain('kein-taeter-werden')
    expect(found).toContain('troubled-desire')
    expect(found.indexOf('kein-taeter-werden')).toBeLessThan(found.length)
  })

  it('United Kingdom, English, use of sexual images of children: Stop It Now UK and Ireland', () => {
    expect(ids(profile('GB', 'en', ['csam_users']))).toContain('stop-it-now-uk-ireland')
  })

  it('Netherlands, Dutch, fear of offending: Stop it Now! Nederland', () => {
    expect(ids(profile('NL', 'nl', ['fear_may_offend']))).toContain('stop-it-now-nl')
  })

  it('a national service ranks above an online one from elsewhere', () => {
    const services = match(index, profile('DE', 'de', ['fear_may_offend'])).services
    const firstOnline = services.findIndex((scored) => !scored.national)
    const lastNational = services.map((scored) => scored.national).lastIndexOf(true)
    if (firstOnline >= 0 && lastNational >= 0) expect(lastNational).toBeLessThan(firstOnline)
    expect(services[0]?.national).toBe(true)
  })
})

describe('services that cannot serve the person are never shown', () => {
  it('a national-only German service is not offered in the Netherlands or the UK', () => {
    const germanOnly = data.initiatives.filter(
      (initiative) => initiative.countries.every((country) => country === 'DE') && !initiative.online,
    )
    expect(germanOnly.length).toBeGreaterThan(0)
    for (const [country, language] of [
      ['NL', 'nl'],
      ['GB', 'en'],
    ] as const) {
      const found = ids(profile(country, language, ['fear_may_offend', 'csam_users']))
      for (const initiative of germanOnly) expect(found, `${initiative.id} in ${country}`).not.toContain(initiative.id)
    }
  })

  it('every service shown, for every country and situation, serves that country or is online in a language the person reads', () => {
    const groups = [
      'fear_may_offend',
      'csam_users',
      'in_criminal_proceedings',
      'after_conviction',
      'minors_hsb',
      'family_friends',
      'professionals',
    ]
    let checked = 0
    for (const country of index.countries) {
      for (const language of ['en', 'de', 'nl', 'fr']) {
        for (const group of groups) {
          const result = match(index, profile(country, language, [group]))
          for (const { initiative } of result.services) {
            checked++
            const reaches =
              initiative.countries.includes(country) ||
              (initiative.online &&
                (initiative.languages.includes(language) || (result.tier === 'online_english' && initiative.languages.includes('en'))))
            expect(reaches, `${initiative.id} for ${country}/${language}/${group}`).toBe(true)
            expect(initiative.status).toBe('active')
            expect(initiative.kind).toBe('prevention')
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100)
  })

  it('records that are not confirmed active are never matched, whatever the profile', () => {
    const doubtful = data.initiatives.filter((initiative) => initiative.status !== 'active').map((initiative) => initiative.id)
    expect(doubtful.length).toBeGreaterThan(0)
    for (const country of index.countries) {
      const found = ids(
        profile(country, 'en', ['fear_may_offend', 'csam_users', 'in_criminal_proceedings', 'after_conviction', 'minors_hsb']),
      )
      for (const id of doubtful) expect(found).not.toContain(id)
    }
  })

  it('an adult asking about their own thoughts is not sent to a child helpline; someone asking about a young person is', () => {
    const adult = match(index, profile('DE', 'de', ['fear_may_offend']))
    expect(adult.helplines.filter((line) => line.kind === 'child_helpline')).toEqual([])
    const aboutYoungPerson = match(index, profile('DE', 'de', ['minors_hsb']))
    expect(aboutYoungPerson.helplines.map((line) => line.id)).toContain('nummer-gegen-kummer')
  })

  it('child helplines are kept apart from prevention services', () => {
    const result = match(index, profile('DE', 'de', ['minors_hsb']))
    for (const helpline of result.helplines) expect(helpline.kind).not.toBe('prevention')
    for (const { initiative } of result.services) expect(initiative.kind).toBe('prevention')
  })
})

describe('honest fallbacks and reasons', () => {
  it('every matched service carries reasons, each a key that exists in the English locale', () => {
    for (const country of ['DE', 'GB', 'NL', 'FR', 'SE', 'PL']) {
      for (const { reasons } of match(index, profile(country, 'en', ['fear_may_offend'])).services) {
        expect(reasons.length).toBeGreaterThan(0)
        for (const reason of reasons) expect(hasKey(reason.key), reason.key).toBe(true)
      }
    }
  })

  it('a country without a national service says so and offers online help in the person’s language', () => {
    const withoutNational = index.countries.find((country) => {
      const result = match(index, profile(country, 'en', ['fear_may_offend']))
      return result.services.length > 0 && !result.nationalFound
    })
    expect(withoutNational).toBeDefined()
    if (!withoutNational) return
    const result = match(index, profile(withoutNational, 'en', ['fear_may_offend']))
    for (const { initiative, national } of result.services) {
      expect(national).toBe(false)
      expect(initiative.online).toBe(true)
    }
  })

  it('the result is never empty of a way forward: services, helplines or urgent numbers', () => {
    for (const country of index.countries) {
      const result = match(index, profile(country, 'mt', ['after_conviction']))
      expect(result.services.length + result.helplines.length + result.urgent.length, country).toBeGreaterThan(0)
    }
  })

  it('a language that was only inferred scores less than the same language sourced', () => {
    const inferred = data.initiatives.find((initiative) => initiative.inferred.includes('language') && initiative.languages.length > 0)
    expect(inferred).toBeDefined()
    if (!inferred) return
    const language = inferred.languages[0] ?? ''
    const person = profile(inferred.countries[0] ?? 'DE', language, [])
    const asInferred = scoreInitiative(inferred, person)
    const asSourced = scoreInitiative({ ...inferred, inferred: inferred.inferred.filter((field) => field !== 'language') }, person)
    expect(asSourced.score).toBeGreaterThan(asInferred.score)
    expect(asInferred.reasons.map((reason) => reason.key)).toContain('reason.language_likely')
  })
})
