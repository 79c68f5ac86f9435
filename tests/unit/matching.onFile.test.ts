import { describe, expect, it } from 'vitest'
import { indexDirectory } from '../../src/core/directory/indexDirectory'
import { isContactable } from '../../src/core/directory/isContactable'
import { match } from '../../src/core/matching/match'
import type { Profile } from '../../src/core/matching/profileFromAnswers'
import { loadBundledData } from '../../src/storage/bundledData'

// Records that fit but cannot be reached are listed apart, by the same hard filters, never ranked.
const data = loadBundledData()
const index = indexDirectory(data)
const profile = (country: string, language: string, groups: string[]): Profile => ({ country, language, tags: { target_group: groups } })

describe('records on file without a confirmed contact', () => {
  it('Austria, German, fear of offending: FTZ Wien is named apart, not among the services', () => {
    const result = match(index, profile('AT', 'de', ['fear_may_offend']))
    expect(result.unconfirmed).toContainEqual({ id: 'ftz-wien', name: 'Forensisch Therapeutisches Zentrum Wien (FTZW)' })
    expect(result.services.map((scored) => scored.initiative.id)).not.toContain('ftz-wien')
  })

  it('Sweden, Swedish, fear of offending: PrevenTell, once its site was confirmed, is among the services (issue 16)', () => {
    const result = match(index, profile('SE', 'sv', ['fear_may_offend']))
    expect(result.services.map((scored) => scored.initiative.id)).toContain('preventell')
    expect(result.unconfirmed.map((record) => record.id)).not.toContain('preventell')
  })

  it('only active prevention records with no website or contact, that serve the country or reach it online in the language, for the situation', () => {
    const person = profile('SE', 'sv', ['fear_may_offend'])
    for (const { id } of match(index, person).unconfirmed) {
      const record = data.initiatives.find((initiative) => initiative.id === id)
      expect(record?.status).toBe('active')
      expect(record?.kind).toBe('prevention')
      expect(record && isContactable(record)).toBe(false)
      expect(record?.countries.includes('SE') || (record?.online && record.languages.includes('sv'))).toBe(true)
      expect(record?.tags.target_group).toContain('fear_may_offend')
    }
  })

  it('a situation the record does not serve, or another country, does not name it', () => {
    expect(match(index, profile('AT', 'de', ['minors_hsb'])).unconfirmed.map((record) => record.id)).not.toContain('ftz-wien')
    expect(match(index, profile('DE', 'de', ['fear_may_offend'])).unconfirmed.map((record) => record.id)).not.toContain('ftz-wien')
  })
})
