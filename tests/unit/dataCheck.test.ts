import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import * as z from 'zod'
import { fileURLToPath } from 'node:url'
import { checkData, projectData, type DataFiles } from '../../scripts/checkData'
import { DEVELOPMENT_ORIGINS } from '../../src/core/directory/embedOrigin'
import { phoneProblem } from '../../src/curation/phonePlausible'

const folder = mkdtempSync(join(tmpdir(), 'helpfinder-data-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

/** A copy of the project's data with one file rewritten by `edit`. */
function brokenCopy(
  name: keyof DataFiles,
  edit: (json: { initiatives: Record<string, unknown>[] } & Record<string, unknown>) => unknown,
): DataFiles {
  const path = join(folder, `${name}-${Math.random().toString(36).slice(2)}.json`)
  writeFileSync(path, JSON.stringify(edit(JSON.parse(readFileSync(projectData[name], 'utf8')))))
  return { ...projectData, [name]: path }
}

describe('npm run data:check', () => {
  it('passes on the project data', () => {
    expect(checkData(projectData, new Date())).toEqual([])
  })

  it('names the record for a URL that is not https', () => {
    const files = brokenCopy('initiatives', (json) => {
      json.initiatives[0] = { ...json.initiatives[0], website: 'http://example.org/' }
      return json
    })
    const problems = checkData(files, new Date())
    expect(problems.join('\n')).toMatch(/initiatives\[0\] \(id [^)]+\)\.website/)
  })

  it('finds duplicate ids, missing sources and dates in the future', () => {
    const files = brokenCopy('initiatives', (json) => {
      const [first, second] = json.initiatives
      json.initiatives[1] = { ...second, id: first?.id, lastChecked: '2999-01-01', checkedBy: 'Test curator' }
      json.initiatives[2] = { ...json.initiatives[2], sources: [] }
      return json
    })
    const problems = checkData(files, new Date('2026-11-23')).join('\n')
    expect(problems).toContain('duplicate id')
    expect(problems).toContain('in the future')
    expect(problems).toMatch(/initiatives\[2\].*sources/)
  })

  it('refuses a contact that works from a country its record does not serve, or from no ISO country', () => {
    const withContactCountries = (countries: unknown) =>
      brokenCopy('initiatives', (json) => {
        const index = json.initiatives.findIndex((record) => record.id === 'stop-it-now-uk-ireland')
        const record = z
          .object({ contacts: z.array(z.record(z.string(), z.unknown())) })
          .passthrough()
          .parse(json.initiatives[index])
        json.initiatives[index] = {
          ...record,
          contacts: record.contacts.map((contact, position) => (position === 0 ? { ...contact, countries } : contact)),
        }
        return json
      })
    expect(checkData(withContactCountries(['GB', 'FR']), new Date())).toEqual([
      'data/initiatives.json: stop-it-now-uk-ireland: a phone contact works from FR, which the record does not list among its countries',
    ])
    expect(checkData(withContactCountries(['gb']), new Date()).join('\n')).toMatch(
      /contacts\[0\]\.countries\[0\]: not an ISO 3166-1 alpha-2 country code/,
    )
    expect(checkData(withContactCountries([]), new Date()).join('\n')).toMatch(/contacts\[0\]\.countries/)
  })

  // One broken fixture per rule (tests/fixtures/data-check/), each with the message a curator sees.
  const fixture = (name: string, file: keyof DataFiles = 'initiatives') => ({
    ...projectData,
    [file]: fileURLToPath(new URL(`../fixtures/data-check/${name}.json`, import.meta.url)),
  })
  // The real day: urgent lines on file were checked on real days, and a fixed earlier day would put them in the future.
  const today = new Date()
  it.each([
    ['schema-error', 'data/initiatives.json: initiatives[0] (id stop-it-now-nl).name: Invalid input: expected string, received undefined'],
    ['duplicate-id', 'data/initiatives.json: stop-it-now-nl: duplicate id'],
    ['implausible-phone', 'data/initiatives.json: stop-it-now-nl: phone number 0800 12 is not a valid number for NL'],
    ['http-url', 'data/initiatives.json: initiatives[0] (id stop-it-now-nl).website: must be an https:// URL'],
    ['country-not-iso', 'data/initiatives.json: initiatives[0] (id stop-it-now-nl).countries[1]: not an ISO 3166-1 alpha-2 country code'],
    ['language-not-iso', 'data/initiatives.json: initiatives[0] (id stop-it-now-nl).languages[1]: not an ISO 639-1 language code'],
    ['no-source', 'data/initiatives.json: initiatives[0] (id stop-it-now-nl).sources: needs at least one source'],
    ['last-checked-future', 'data/initiatives.json: stop-it-now-nl: lastChecked 2999-01-01 is in the future'],
    ['unknown-tag', 'data/initiatives.json: stop-it-now-nl: tag target_group.werewolves is not in the taxonomy'],
  ])('fails on %s with exactly the right message', (name, message) => {
    expect(checkData(fixture(name), today)).toEqual([message])
  })

  it('passes the valid fixture the broken ones are made from', () => {
    expect(checkData(fixture('valid'), today)).toEqual([])
  })

  // Partner fixtures replace data/partners.json and are checked against the project's directory,
  // where ktw-regensburg is doubtful and shore is active but has no website or contact. Their
  // second partner lists http://localhost:*, so they are checked as on a development server
  // (PARTNER_DEV_ORIGINS=on); tests/security/partner-origins.test.ts covers production's rules.
  it.each([
    [
      'partner-schema-error',
      'data/partners.json: partners[0] (id demo-helpline).origins[1]: must be "self", an https:// origin (scheme, host, optional port; no path), or an http:// loopback origin',
    ],
    ['partner-duplicate-id', 'data/partners.json: demo-helpline: duplicate id'],
    ['partner-featured-unknown', 'data/partners.json: demo-helpline: featured stop-it-now-atlantis is not in data/initiatives.json'],
    [
      'partner-featured-inactive',
      'data/partners.json: demo-helpline: featured ktw-regensburg is doubtful; only active services are offered',
    ],
    [
      'partner-featured-not-contactable',
      'data/partners.json: demo-helpline: featured shore has no website, contact or page about the service, so it is never offered',
    ],
    [
      'partner-country-not-offered',
      'data/partners.json: demo-helpline: defaultCountry AQ is not a country the directory offers (no urgent-help numbers, no active service)',
    ],
  ])('fails on %s with exactly the right message', (name, message) => {
    expect(checkData(fixture(name, 'partners'), today, undefined, DEVELOPMENT_ORIGINS)).toEqual([message])
  })

  it('passes the valid partner fixture the broken ones are made from, with nothing to note', () => {
    const notes: string[] = []
    expect(checkData(fixture('partner-valid', 'partners'), today, (line) => notes.push(line), DEVELOPMENT_ORIGINS)).toEqual([])
    expect(notes).toEqual([])
  })

  it('notes, without failing, a partner with no origins: the widget fails closed there', () => {
    const notes: string[] = []
    expect(checkData(fixture('partner-no-origins', 'partners'), today, (line) => notes.push(line))).toEqual([])
    expect(notes).toEqual(['data/partners.json: second-helpline: no origins, so the widget may not be embedded anywhere (it fails closed)'])
  })

  it('accepts service short codes where a country makes them diallable, and EU-harmonised ones anywhere', () => {
    expect(phoneProblem('116 111', ['DE'])).toBeUndefined()
    expect(phoneProblem('116 111', [])).toBeUndefined()
    expect(phoneProblem('147', ['AT'])).toBeUndefined()
    expect(phoneProblem('1712', [])).toMatch(/short code 1712 without a country/)
    expect(phoneProblem('+44 808 1000 900', [])).toBeUndefined()
    expect(phoneProblem('+44 808 1', [])).toMatch(/not a valid number/)
  })

  // Dates that mean what they say: a check is a day and a checker, never one without the other, never in the future.
  it('refuses a record with lastChecked and no checker, or a checker and no day, naming the record', () => {
    const files = brokenCopy('initiatives', (json) => {
      json.initiatives[0] = { ...json.initiatives[0], lastChecked: '2026-11-01', checkedBy: null }
      json.initiatives[1] = { ...json.initiatives[1], lastChecked: null, checkedBy: 'Ana' }
      return json
    })
    const ids = [0, 1].map(
      (index) => z.object({ id: z.string() }).parse(JSON.parse(readFileSync(projectData.initiatives, 'utf8')).initiatives[index]).id,
    )
    expect(checkData(files, today)).toEqual([
      `data/initiatives.json: initiatives[0] (id ${ids[0]}).checkedBy: lastChecked is 2026-11-01 but checkedBy is empty: a check needs a day and a checker (who compared it with its sources)`,
      `data/initiatives.json: initiatives[1] (id ${ids[1]}).lastChecked: checkedBy is "Ana" but lastChecked is empty: a check needs a day and a checker`,
    ])
  })

  it('refuses an urgent line with lastChecked and no checker, or checked on a day in the future, naming the country and the line', () => {
    const UrgentFile = z
      .object({ countries: z.array(z.object({ country: z.string(), lines: z.array(z.record(z.string(), z.unknown())) }).passthrough()) })
      .passthrough()
    const withFirstGermanLine = (fields: Record<string, unknown>) =>
      brokenCopy('urgent', (json) => {
        const file = UrgentFile.parse(json)
        const lines = file.countries.find((entry) => entry.country === 'DE')?.lines ?? []
        lines[0] = { ...lines[0], ...fields }
        return file
      })
    const countries = z
      .object({ countries: z.array(z.object({ country: z.string(), lines: z.array(z.object({ name: z.string(), number: z.string() })) })) })
      .parse(JSON.parse(readFileSync(projectData.urgent, 'utf8'))).countries
    const at = countries.findIndex((entry) => entry.country === 'DE')
    const line = countries[at]?.lines[0]
    expect(checkData(withFirstGermanLine({ lastChecked: '2026-11-01', checkedBy: null }), today)).toEqual([
      `data/urgent-help.json: countries[${at}] (country DE).lines[0] (${line?.name}, ${line?.number}).checkedBy: lastChecked is 2026-11-01 but checkedBy is empty: a check needs a day and a checker (who compared it with its sources)`,
    ])
    expect(checkData(withFirstGermanLine({ lastChecked: '2999-01-01', checkedBy: 'Ana' }), today)).toEqual([
      `data/urgent-help.json: urgent help DE: ${line?.name} (${line?.number}): lastChecked 2999-01-01 is in the future`,
    ])
  })

  it('passes the project data although no record claims a check: never checked is not an error', () => {
    const records = z
      .object({ initiatives: z.array(z.object({ lastChecked: z.string().nullable(), checkedBy: z.string().nullable() })) })
      .parse(JSON.parse(readFileSync(projectData.initiatives, 'utf8'))).initiatives
    for (const record of records) expect(record.lastChecked === null, JSON.stringify(record)).toBe(record.checkedBy === null)
    expect(checkData(projectData, today)).toEqual([])
  })

  it('reports a file that is not JSON instead of crashing', () => {
    const path = join(folder, 'not-json.json')
    writeFileSync(path, '{ nope')
    expect(checkData({ ...projectData, flow: path }, new Date())[0]).toMatch(/^flows\/help-seeker.json: not readable JSON/)
  })
})
