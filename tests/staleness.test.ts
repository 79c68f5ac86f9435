import { describe, expect, it } from 'vitest'
import { serviceView } from '../src/channels/shared/serviceView'
import { rankScored } from '../src/core/matching/rankScored'
import { scoreInitiative } from '../src/core/matching/scoreInitiative'
import { createTranslator } from '../src/i18n/createTranslator'
import { loadBundledData } from '../src/storage/bundledData'

// A record not checked for over twelve months is shown as such; ties go to the fresher record.
const data = loadBundledData()
const record = data.initiatives.find((initiative) => initiative.id === 'stop-it-now-nl')
if (!record) throw new Error('fixture record missing from data/')
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
    expect(stale.sources.length).toBeGreaterThan(0)
  })

  it('ranks the more recently checked of two equal records first', () => {
    const profile = { country: 'NL', language: 'nl', tags: { target_group: ['fear_may_offend'] } }
    const older = { ...record, id: 'older', name: 'A older', lastChecked: '2024-01-01' }
    const newer = { ...record, id: 'newer', name: 'Z newer', lastChecked: '2026-01-01' }
    const ranked = rankScored([scoreInitiative(older, profile), scoreInitiative(newer, profile)])
    expect(ranked.map((scored) => scored.initiative.id)).toEqual(['newer', 'older'])
  })
})
