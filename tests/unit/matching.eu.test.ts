import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as z from 'zod'
import { generateKeyring } from '../../src/core/state/keyring'
import { createNodeApp } from '../../src/runtime/createNodeApp'
import { loadBundledData } from '../../src/storage/bundledData'

// Every EU member state, every kind of person, every situation they can pick: the conversation
// ends with relevant active services, or says plainly that none was found, and always gives
// urgent-help numbers. Driven through the JSON API of the real app on a real SQLite file.
const EU = [
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
]
/** A main official language per member state: the language a person there is most likely to ask for. */
const MAIN_LANGUAGE: Record<string, string> = {
  AT: 'de',
  BE: 'nl',
  BG: 'bg',
  HR: 'hr',
  CY: 'el',
  CZ: 'cs',
  DK: 'da',
  EE: 'et',
  FI: 'fi',
  FR: 'fr',
  DE: 'de',
  GR: 'el',
  HU: 'hu',
  IE: 'en',
  IT: 'it',
  LV: 'lv',
  LT: 'lt',
  LU: 'lb',
  MT: 'mt',
  NL: 'nl',
  PL: 'pl',
  PT: 'pt',
  RO: 'ro',
  SK: 'sk',
  SI: 'sl',
  ES: 'es',
  SE: 'sv',
}
const STAGES: Record<string, string[]> = {
  self: ['nothing_happened', 'viewed_images', 'proceedings', 'convicted'],
  someone: ['other_thoughts', 'other_images', 'other_proceedings', 'other_convicted'],
  young: ['young_behaviour', 'young_images', 'young_police'],
  professional: ['other_thoughts', 'other_images', 'other_proceedings', 'other_convicted'],
}

const View = z.object({
  state: z.string(),
  step: z.object({ nodeId: z.string(), outcome: z.string().nullish() }),
  results: z
    .object({
      tier: z.string(),
      intro: z.string(),
      services: z.array(z.object({ id: z.string(), reasons: z.array(z.string()) })),
      helplines: z.array(z.object({ id: z.string() })),
    })
    .nullish(),
  urgent: z.object({ lines: z.array(z.object({ number: z.string() })) }),
})

const data = loadBundledData()
const records = new Map(data.initiatives.map((initiative) => [initiative.id, initiative]))
const folder = mkdtempSync(join(tmpdir(), 'helpfinder-eu-'))
let node: Awaited<ReturnType<typeof createNodeApp>>

beforeAll(async () => {
  node = await createNodeApp({ databaseFile: join(folder, 'eu.sqlite'), keyring: await generateKeyring(), log: () => {} })
})
afterAll(() => {
  node.close()
  rmSync(folder, { recursive: true, force: true })
})

async function converse(replies: string[][], ui: string) {
  let state: string | undefined
  let view: z.infer<typeof View> | undefined
  for (const reply of [undefined, ...replies]) {
    const body = reply ? { state, action: 'answer', reply } : { action: 'start', ui }
    const response = await node.app.request('/api/v1/turn', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    expect(response.status).toBe(200)
    view = View.parse(await response.json())
    state = view.state
  }
  if (!view) throw new Error('no view')
  return view
}

describe('every EU member state, every kind of person, every situation', () => {
  for (const country of EU) {
    it(`${country}: never an empty page`, async () => {
      const tiers = new Set<string>()
      // "Me" is asked its age: an adult and someone under 18 each walk every situation.
      const persons = Object.entries(STAGES).flatMap(([asker, stages]) =>
        (asker === 'self' ? ['adult', 'under_18'] : [undefined]).map((age) => ({ asker, age, stages })),
      )
      for (const { asker, age, stages } of persons) {
        for (const stage of stages) {
          const language = MAIN_LANGUAGE[country] ?? 'en'
          const view = await converse([[asker], ...(age ? [[age]] : []), [country], [language], [stage], ['any'], ['not_needed']], 'en')
          const where = `${country}/${asker}${age ? `/${age}` : ''}/${stage}`
          expect(view.step.outcome, where).toBe('results')
          const results = view.results
          if (!results) throw new Error(`${where}: no results`)
          tiers.add(results.tier)
          expect(results.intro, where).not.toMatch(/^results\./)
          expect(view.urgent.lines.length, `${where}: urgent numbers`).toBeGreaterThan(0)
          for (const service of results.services) {
            const record = records.get(service.id)
            expect(record?.status, `${where}: ${service.id}`).toBe('active')
            expect(record?.kind, `${where}: ${service.id}`).toBe('prevention')
            expect(service.reasons.length, `${where}: ${service.id}`).toBeGreaterThan(0)
            // Relevant: it serves the country, or reaches the person online in a language they read.
            const reaches =
              record?.countries.includes(country) ||
              (record?.online && (record.languages.includes(language) || results.tier === 'online_english'))
            expect(reaches, `${where}: ${service.id}`).toBe(true)
            // Under 18, only services that work with young people.
            if (age === 'under_18') expect(record?.tags.target_group, `${where}: ${service.id}`).toContain('minors_hsb')
          }
          if (results.services.length === 0) expect(['helplines', 'urgent_only'], where).toContain(results.tier)
        }
      }
      expect(tiers.size).toBeGreaterThan(0)
    })
  }
})
