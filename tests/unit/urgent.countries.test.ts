import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import * as z from 'zod'
import { UrgentHelpFileSchema, type UrgentLine } from '../../src/core/directory/urgentHelpSchema'
import { telLinksOf } from '../support/pageFacts'
import { useInProcessApp } from '../support/useInProcessApp'
import { EU_27 } from '../support/euMemberStates'

// For every country the issue lists, the urgent-help answer gives that country's emergency
// number: in the data (with a source and a date), on the web page as a tel: link, and in the JSON
// API. A country without a sourced crisis line says so instead of inventing one.
const EU27 = EU_27
const COUNTRIES = [...EU27, 'GB', 'NO', 'CH', 'IS', 'US', 'CA', 'AU']
/** Countries whose data names no sourced adult crisis line. Adding a line here is a data decision. */
const WITHOUT_CRISIS_LINE = ['BG', 'HR']

const file = UrgentHelpFileSchema.parse(JSON.parse(readFileSync(new URL('../../data/urgent-help.json', import.meta.url), 'utf8')))
const linesOf = (country: string): UrgentLine[] => file.countries.find((entry) => entry.country === country)?.lines ?? []
const emergencyOf = (country: string) => linesOf(country).filter((line) => line.kind === 'emergency')
const digits = (number: string) => number.replace(/\s+/g, '')
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" }
const unescapeHtml = (html: string) => html.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (entity) => ENTITIES[entity] ?? entity)

const ApiUrgent = z.object({
  urgent: z.object({
    country: z.string().nullish(),
    lines: z.array(z.object({ kind: z.string(), number: z.string(), tel: z.string() })),
    gap: z.string().nullish(),
  }),
})

const node = useInProcessApp('urgent')

async function urgentPage(country: string) {
  const response = await node.app.request(`/urgent?country=${country}&lang=en`)
  return { status: response.status, html: await response.text() }
}

async function urgentApi(country: string) {
  const response = await node.app.request('/api/v1/turn', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'urgent', urgentCountry: country, ui: 'en' }),
  })
  return { status: response.status, view: ApiUrgent.parse(await response.json()) }
}

describe.each(COUNTRIES)('urgent help for %s', (country) => {
  it('data/urgent-help.json has an emergency line with a source and a date', () => {
    const emergency = emergencyOf(country)
    expect(emergency.length).toBeGreaterThan(0)
    for (const line of emergency) {
      expect(line.number).toMatch(/^[0-9][0-9 ]*$/)
      expect(line.sources.length, line.number).toBeGreaterThan(0)
      for (const source of line.sources) {
        expect(source.url, line.number).toMatch(/^https:\/\/[^/\s]+\.[a-z]{2,}/)
        expect(source.date.trim(), source.url).not.toBe('')
      }
      // A check is a day and a checker, or neither (an import is not a check).
      if (line.lastChecked === null) expect(line.checkedBy, line.number).toBeNull()
      else {
        expect(line.lastChecked, line.number).toMatch(/^20\d\d-\d\d-\d\d$/)
        expect(line.checkedBy?.trim(), line.number).toBeTruthy()
      }
    }
  })

  it('the web page offers the emergency number as a tel: link, before any other number', async () => {
    const { status, html } = await urgentPage(country)
    expect(status).toBe(200)
    const tels = telLinksOf(html)
    const emergency = emergencyOf(country).map((line) => digits(line.number))
    expect(tels).toEqual(expect.arrayContaining(emergency))
    const first = emergencyOf(country)[0]
    if (!first) throw new Error(`${country}: no emergency line`)
    expect(tels[0]).toBe(digits(first.number))
  })

  it('the JSON API returns exactly the lines of the data, emergency first', async () => {
    const { status, view } = await urgentApi(country)
    expect(status).toBe(200)
    expect(view.urgent.country).toBe(country)
    const expected = linesOf(country).map((line) => ({ kind: line.kind, number: line.number, tel: `tel:${digits(line.number)}` }))
    expect(view.urgent.lines.map(({ kind, number, tel }) => ({ kind, number, tel }))).toEqual(expected)
    expect(view.urgent.lines[0]?.kind).toBe('emergency')
  })
})

describe('a country without a sourced crisis line', () => {
  it('is exactly the countries listed in WITHOUT_CRISIS_LINE', () => {
    const without = COUNTRIES.filter((country) => !linesOf(country).some((line) => line.kind === 'crisis'))
    expect(without).toEqual(WITHOUT_CRISIS_LINE)
  })

  it.each(WITHOUT_CRISIS_LINE)('%s says so and points to the emergency number instead of inventing a line', async (country) => {
    const { view } = await urgentApi(country)
    expect(view.urgent.lines.map((line) => line.kind)).not.toContain('crisis')
    const gap = view.urgent.gap ?? ''
    expect(gap.trim()).not.toBe('')
    const emergency = emergencyOf(country)[0]
    if (!emergency) throw new Error(`${country}: no emergency line`)
    expect(gap).toContain(emergency.number)
    const { html } = await urgentPage(country)
    // The page says it with the number isolated left to right (for right-to-left pages).
    const isolated = gap.replace(emergency.number, `<bdi class="digits" dir="ltr">${emergency.number}</bdi>`)
    expect(unescapeHtml(html)).toContain(isolated)
  })

  it('a country with a crisis line shows no gap text', async () => {
    const { view } = await urgentApi('DE')
    expect(view.urgent.lines.map((line) => line.kind)).toContain('crisis')
    expect(view.urgent.gap ?? undefined).toBeUndefined()
  })
})
