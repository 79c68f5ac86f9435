import { describe, it, expect } from 'vitest'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { UrgentHelpFileSchema, type UrgentLine } from '../../src/core/directory/urgentHelpSchema'
import { EU_27 } from '../support/euMemberStates'

const dataPath = fileURLToPath(new URL('../../data/urgent-help.json', import.meta.url))
const raw: unknown = JSON.parse(readFileSync(dataPath, 'utf8'))

const EU = EU_27
const OTHERS = ['GB', 'NO', 'CH', 'IS', 'US', 'CA', 'AU']
const WANTED = [...EU, ...OTHERS]

// Every kind has a place (a Record over the schema's kinds fails to compile when one is added).
const KIND_ORDER: Record<UrgentLine['kind'], number> = {
  emergency: 0,
  child_helpline: 1,
  child_protection: 2,
  crisis: 3,
  missing_children: 4,
}

/** Today's date as YYYY-MM-DD in UTC, comparable as a string with ISO dates. */
function todayIso(): string {
  return new Date().toISOString().slice(0, 10)
}

describe('data/urgent-help.json', () => {
  const parsed = UrgentHelpFileSchema.safeParse(raw)

  it('parses with UrgentHelpFileSchema', () => {
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues, null, 2)).toBe(true)
  })

  const file = UrgentHelpFileSchema.parse(raw)
  const byCountry = new Map(file.countries.map((c) => [c.country, c]))

  it('has no duplicated countries', () => {
    const codes = file.countries.map((c) => c.country)
    expect(new Set(codes).size).toBe(codes.length)
  })

  it('is sorted by country code', () => {
    const codes = file.countries.map((c) => c.country)
    expect(codes).toEqual([...codes].sort())
  })

  it.each(WANTED)('%s is present with an emergency line', (code) => {
    const country = byCountry.get(code)
    expect(country, `${code} missing`).toBeDefined()
    expect(country?.lines.some((l) => l.kind === 'emergency')).toBe(true)
  })

  it.each(EU)('%s (EU) lists 112 among its emergency lines', (code) => {
    const numbers = (byCountry.get(code)?.lines ?? []).filter((l) => l.kind === 'emergency').map((l) => l.number.replace(/\s/g, ''))
    expect(numbers).toContain('112')
  })

  it('lists lines in the order emergency, child_helpline, child_protection, crisis, missing_children', () => {
    for (const country of file.countries) {
      const ranks = country.lines.map((l) => KIND_ORDER[l.kind])
      expect(ranks, country.country).toEqual([...ranks].sort((a, b) => a - b))
    }
  })

  it('gives every line at least one https source', () => {
    for (const country of file.countries) {
      for (const line of country.lines) {
        expect(line.sources.length, `${country.country} ${line.number}`).toBeGreaterThan(0)
        for (const source of line.sources) {
          expect(source.url.startsWith('https://'), source.url).toBe(true)
        }
      }
    }
  })

  it('has no lastChecked date in the future, and names who checked each line that has one', () => {
    const today = todayIso()
    for (const country of file.countries) {
      for (const line of country.lines) {
        if (line.lastChecked === null) {
          expect(line.checkedBy, `${country.country} ${line.number}`).toBeNull()
          continue
        }
        expect(line.lastChecked <= today, `${country.country} ${line.number}: ${line.lastChecked}`).toBe(true)
        expect(line.checkedBy?.trim(), `${country.country} ${line.number}`).toBeTruthy()
      }
    }
  })
})
