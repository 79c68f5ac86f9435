import { describe, expect, it } from 'vitest'
import { counterKeys, NO_PARTNER } from '../../src/core/figures/counterKeys'
import { maskSmall } from '../../src/core/figures/maskSmall'
import { periodOf } from '../../src/core/figures/periodOf'

// Issue 21's first pieces, pure: which counters an event adds to (marginals only, docs/figures.md),
// the periods they are kept by, and how a row of figures is masked before it leaves the database.
const DEC_3 = Date.UTC(2026, 11, 3, 15, 42)
const full = { partner: 'p1', country: 'LU', situation: 'viewed_images', language: 'fr' }

describe('periodOf', () => {
  it('gives the ISO week and the month in UTC', () => {
    expect(periodOf(DEC_3)).toEqual({ week: '2026-W49', month: '2026-12' })
    // 1 January 2027 is a Friday: it belongs to the last week of 2026.
    expect(periodOf(Date.UTC(2027, 0, 1))).toEqual({ week: '2026-W53', month: '2027-01' })
    // 29 December 2025 is a Monday whose Thursday is in 2026: week 1 of 2026.
    expect(periodOf(Date.UTC(2025, 11, 29))).toEqual({ week: '2026-W01', month: '2025-12' })
  })
})

describe('counterKeys', () => {
  it('results add to the partner week, the country month, and apart to situation and to language', () => {
    expect(counterKeys({ kind: 'results', tier: 'national' }, full, DEC_3)).toEqual([
      { table: 'partner_week', dims: ['p1', '2026-W49'], event: 'results:national' },
      { table: 'country_month', dims: ['LU', '2026-12'], event: 'results:national' },
      { table: 'country_situation_month', dims: ['LU', '2026-12', 'viewed_images'], event: 'results:national' },
      { table: 'country_language_month', dims: ['LU', '2026-12', 'fr'], event: 'results:national' },
    ])
  })

  it('no counter crosses partner with country, situation or language, or situation with language', () => {
    const events = [
      { kind: 'started' },
      { kind: 'reached', question: 'stage' },
      { kind: 'results', tier: 'online' },
      { kind: 'urgent' },
      { kind: 'contact' },
    ] as const
    for (const event of events) {
      for (const key of counterKeys(event, full, DEC_3)) {
        const dims = new Set(key.dims)
        if (dims.has('p1')) expect([...dims].filter((dim) => ['LU', 'viewed_images', 'fr', '2026-12'].includes(dim))).toEqual([])
        expect(dims.has('viewed_images') && dims.has('fr')).toBe(false)
        // Never a day: weeks for partners, months for countries.
        for (const dim of key.dims) expect(dim).not.toMatch(/^\d{4}-\d{2}-\d{2}/)
      }
    }
  })

  it('only results are kept by situation or language; a page without a partner counts as (none)', () => {
    const keys = counterKeys({ kind: 'urgent' }, { country: 'DE', situation: 'viewed_images', language: 'de' }, DEC_3)
    expect(keys.map((key) => key.table)).toEqual(['partner_week', 'country_month'])
    expect(keys[0]?.dims).toEqual([NO_PARTNER, '2026-W49'])
    expect(counterKeys({ kind: 'started' }, {}, DEC_3).map((key) => key.table)).toEqual(['partner_week'])
  })
})

describe('maskSmall', () => {
  it('hides every figure under 10', () => {
    expect(maskSmall([9, 10, 25, 31])).toEqual({
      cells: [{ fewerThan: 10 }, { withheld: true }, { count: 25 }, { count: 31 }],
      total: { count: 75 },
    })
  })

  it('withholds a second figure when one alone is hidden, so the total cannot give it back', () => {
    const { cells } = maskSmall([3, 40, 12])
    expect(cells).toEqual([{ fewerThan: 10 }, { count: 40 }, { withheld: true }])
  })

  it('withholds nothing more when two or more are already hidden, and hides a small total', () => {
    expect(maskSmall([3, 4, 50]).cells).toEqual([{ fewerThan: 10 }, { fewerThan: 10 }, { count: 50 }])
    expect(maskSmall([3, 4])).toEqual({ cells: [{ fewerThan: 10 }, { fewerThan: 10 }], total: { fewerThan: 10 } })
    expect(maskSmall([7]).total).toEqual({ fewerThan: 10 })
    expect(maskSmall([12, 30])).toEqual({ cells: [{ count: 12 }, { count: 30 }], total: { count: 42 } })
  })

  it('withholds no second figure where the cells are parts of no total shown (a funnel)', () => {
    expect(maskSmall([480, 180, 8, 16], { partsOfTotal: false }).cells).toEqual([
      { count: 480 },
      { count: 180 },
      { fewerThan: 10 },
      { count: 16 },
    ])
    expect(maskSmall([480, 180, 8, 16]).cells[3]).toEqual({ withheld: true })
  })
})
