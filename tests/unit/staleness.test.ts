import { describe, expect, it } from 'vitest'
import { serviceView } from '../../src/channels/shared/serviceView'
import { checkState } from '../../src/core/directory/checkState'
import { rankScored } from '../../src/core/matching/rankScored'
import { scoreInitiative } from '../../src/core/matching/scoreInitiative'
import { createTranslator } from '../../src/i18n/createTranslator'
import { loadBundledData } from '../../src/storage/bundledData'

// A record checked more than twelve months ago is shown as such; ties go to the fresher record.
// A record no one has checked is "never", not stale: no over-a-year warning for a check never claimed.
const data = loadBundledData()
const base = data.initiatives.find((initiative) => initiative.id === 'stop-it-now-nl')
if (!base) throw new Error('fixture record missing from data/')
const record = { ...base, lastChecked: '2026-01-15', checkedBy: 'Test curator' }
const never = { ...base, lastChecked: null, checkedBy: null }
const day = 24 * 60 * 60 * 1000
const checkedAt = Date.parse(record.lastChecked)

describe('staleness', () => {
  it('is flagged after twelve months, not before, with the date still shown', async () => {
    const t = (await createTranslator()).t('en')
    const fresh = serviceView(record, [], t, 'en', checkedAt + 364 * day)
    const stale = serviceView(record, [], t, 'en', checkedAt + 366 * day)
    expect(fresh.stale).toBe(false)
    expect(stale.stale).toBe(true)
    expect(stale.lastChecked).toBe(record.lastChecked)
    // The month in words; the exact day stays in lastChecked (a card's <time datetime>).
    expect(stale.checked).toBe('Checked against its sources in January 2026')
    expect(stale.sources.length).toBeGreaterThan(0)
  })

  it('never calls a record no one has checked stale, however long it has been on file', async () => {
    const t = (await createTranslator()).t('en')
    const view = serviceView(never, [], t, 'en', checkedAt + 3000 * day)
    expect(view.stale).toBe(false)
    expect(view.lastChecked).toBeNull()
    expect(view.checked).toBe('Not yet checked by us against its sources')
    expect(checkState(null, checkedAt)).toBe('never')
    expect(checkState(record.lastChecked, checkedAt + 366 * day)).toBe('stale')
    expect(checkState(record.lastChecked, checkedAt + 364 * day)).toBe('fresh')
  })

  it('ranks the more recently checked of two equal records first, and a never-checked one after both', () => {
    const profile = { country: 'NL', language: 'nl', tags: { target_group: ['fear_may_offend'] } }
    const older = { ...record, id: 'older', name: 'B older', lastChecked: '2024-01-01' }
    const newer = { ...record, id: 'newer', name: 'Z newer', lastChecked: '2026-01-01' }
    const unchecked = { ...never, id: 'unchecked', name: 'A unchecked' }
    const ranked = rankScored([scoreInitiative(unchecked, profile), scoreInitiative(older, profile), scoreInitiative(newer, profile)])
    expect(ranked.map((scored) => scored.initiative.id)).toEqual(['newer', 'older', 'unchecked'])
  })
})
