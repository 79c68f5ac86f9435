import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import * as z from 'zod'
import { newestSourceDate } from '../../src/core/directory/newestSourceDate'
import { sourceDate } from '../../src/core/directory/sourceDate'

// Each source keeps its own date as text; the card shows it, "about" where the text only guesses.
describe('sourceDate', () => {
  it.each([
    ['2024-09-18', { date: '2024-09-18', approximate: false }],
    ['2022-07', { date: '2022-07', approximate: false }],
    ['2014', { date: '2014', approximate: false }],
    ['~2021-02', { date: '2021-02', approximate: true }],
    ['~2008 (undated)', { date: '2008', approximate: true }],
    ['undated (~2021)', { date: '2021', approximate: true }],
    ['undated (~2025-09-10)', { date: '2025-09-10', approximate: true }],
    ['undated (2022 or later)', { date: '2022', approximate: true }],
    ['2016 (Haaste 2/2016)', { date: '2016', approximate: false }],
    ['2021-09-27 (updated 2022-07-13)', { date: '2021-09-27', approximate: false }],
    ['2025 (mirror)', { date: '2025', approximate: false }],
    ['~2015-2017', { date: '2017', from: '2015', approximate: true }],
    ['undated (~2023-2024)', { date: '2024', from: '2023', approximate: true }],
    ['  2019-10 ', { date: '2019-10', approximate: false }],
  ])('reads %j', (text, expected) => {
    expect(sourceDate(text)).toEqual(expected)
  })

  it.each([
    'undated',
    'undated (snapshot)',
    'undated (European Commission page)',
    'undated (mentions March 2024)',
    'undated (cites figures 2019-2021)',
    '',
    'n/a',
    '20240',
  ])('gives no date for %j', (text) => {
    expect(sourceDate(text)).toBeNull()
  })

  it('never takes a range or a stray number for a month', () => {
    expect(sourceDate('2024-2025')).toEqual({ date: '2025', from: '2024', approximate: true })
    expect(sourceDate('2024-13')).toEqual({ date: '2024', approximate: false })
  })

  it('reads every date on file without throwing, and finds a date in most of them', () => {
    const dates = ['initiatives', 'urgent-help'].flatMap((file) =>
      [...readFileSync(new URL(`../../data/${file}.json`, import.meta.url), 'utf8').matchAll(/"date": ("(?:[^"\\]|\\.)*")/g)].map((match) =>
        z.string().parse(JSON.parse(match[1] ?? '""')),
      ),
    )
    expect(dates.length).toBeGreaterThan(100)
    const read = dates.map(sourceDate)
    for (const [at, dated] of read.entries()) if (dated) expect(dated.date, dates[at]).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/)
    expect(read.filter(Boolean).length).toBeGreaterThan(dates.length / 2)
  })
})

describe('newestSourceDate', () => {
  it('picks the newest date, exact over approximate on the same day, and none when all are undated', () => {
    expect(newestSourceDate(['2014', '~2021-02', 'undated'])).toEqual({ date: '2021-02', approximate: true })
    expect(newestSourceDate(['2024', '2024-09', '2023-12-31'])).toEqual({ date: '2024-09', approximate: false })
    expect(newestSourceDate(['~2022', '2022'])).toEqual({ date: '2022', approximate: false })
    expect(newestSourceDate(['undated', 'undated (snapshot)'])).toBeNull()
    expect(newestSourceDate([])).toBeNull()
  })
})
