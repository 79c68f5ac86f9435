import { describe, expect, it } from 'vitest'
import type { Initiative } from '../../src/core/directory/initiativeSchema'
import { csvHeader } from '../../src/curation/csvColumns'
import { initiativesToCsv } from '../../src/curation/initiativesToCsv'
import { parseCsvInitiatives } from '../../src/curation/parseCsvInitiatives'
import { planImport } from '../../src/curation/planImport'
import { loadBundledData } from '../../src/storage/bundledData'

// A spreadsheet says a record was checked only with both the day and who checked: `checkedBy` sits
// next to `lastChecked`, survives export → import, and a row with one and not the other is refused.
const current = loadBundledData()
const base = current.initiatives.find((record) => record.id === 'stop-it-now-nl')
if (!base) throw new Error('stop-it-now-nl missing from data/')
const checked: Initiative = { ...base, id: 'zz-checked', lastChecked: '2026-11-01', checkedBy: 'Helpfinder reference research' }
const never: Initiative = { ...base, id: 'zz-never', lastChecked: null, checkedBy: null }
const plan = (records: Initiative[]) =>
  planImport({ text: initiativesToCsv(records, current.taxonomy), format: 'csv', current, mode: 'upsert', today: new Date() })

describe('lastChecked and checkedBy in the CSV', () => {
  it('are neighbouring columns and round-trip, both filled or both empty', () => {
    const header = csvHeader([])
    expect(header.indexOf('checkedBy')).toBe(header.indexOf('lastChecked') + 1)
    const parsed = parseCsvInitiatives(initiativesToCsv([checked, never], current.taxonomy))
    expect(parsed.problems).toEqual([])
    expect(parsed.rows.map((row) => [row.id, row.problems, row.record?.lastChecked, row.record?.checkedBy])).toEqual([
      ['zz-checked', [], '2026-11-01', 'Helpfinder reference research'],
      ['zz-never', [], null, null],
    ])
  })

  it('refuses a row with lastChecked and no checkedBy, or the reverse, naming the row and the field', () => {
    const result = plan([
      { ...checked, id: 'zz-day-only', checkedBy: null },
      { ...checked, id: 'zz-name-only', lastChecked: null },
      checked,
    ])
    expect(result.ok).toBe(false)
    // The export sorts rows by id: zz-checked, zz-day-only, zz-name-only.
    expect(result.rows.map((row) => [row.row, row.id, row.outcome, row.problems])).toEqual([
      [2, 'zz-checked', 'add', []],
      [
        3,
        'zz-day-only',
        'fails',
        [
          'checkedBy: lastChecked is 2026-11-01 but checkedBy is empty: a check needs a day and a checker (who compared it with its sources)',
        ],
      ],
      [
        4,
        'zz-name-only',
        'fails',
        ['lastChecked: checkedBy is "Helpfinder reference research" but lastChecked is empty: a check needs a day and a checker'],
      ],
    ])
  })

  it('refuses a check dated in the future', () => {
    const result = plan([{ ...checked, lastChecked: '2999-01-01' }])
    expect(result.rows[0]?.problems).toEqual(['lastChecked 2999-01-01 is in the future'])
  })
})
