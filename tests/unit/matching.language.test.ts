import { describe, expect, it } from 'vitest'
import { indexDirectory } from '../../src/core/directory/indexDirectory'
import { match } from '../../src/core/matching/match'
import { loadBundledData } from '../../src/storage/bundledData'

// Results in the person's language first: on the real directory, for every country and every
// language a service works in, no service outside the person's language comes before one in it.
const index = indexDirectory(loadBundledData())
const GROUPS = [
  'fear_may_offend',
  'csam_users',
  'in_criminal_proceedings',
  'after_conviction',
  'minors_hsb',
  'family_friends',
  'professionals',
]

describe('services in the person’s language come first', () => {
  it.each(index.countries)('in %s, whatever the language and situation', (country) => {
    for (const language of index.languages) {
      for (const group of GROUPS) {
        const { services } = match(index, { country, language, tags: { target_group: [group] } })
        const speaks = services.map((scored) => scored.initiative.languages.includes(language))
        const firstOther = speaks.indexOf(false)
        if (firstOther !== -1) expect(speaks.slice(firstOther).includes(true), `${country} ${language} ${group}`).toBe(false)
      }
    }
  })

  it('the rule is exercised: some results mix services in and out of the language', () => {
    const mixed = index.countries.some((country) =>
      index.languages.some((language) => {
        const speaks = match(index, { country, language, tags: { target_group: ['fear_may_offend'] } }).services.map((scored) =>
          scored.initiative.languages.includes(language),
        )
        return speaks.includes(true) && speaks.includes(false)
      }),
    )
    expect(mixed).toBe(true)
  })
})
