import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import officialLanguagesFile from '../data/official-languages.json'
import type { DirectoryData } from '../src/core/directory/directoryData'
import { computeCoverage, OfficialLanguagesFileSchema, type CoverageReport } from '../src/curation/computeCoverage'
import { urgentCell } from '../src/curation/coverageText'
import { loadBundledData } from '../src/storage/bundledData'
import { addCurators, consoleClient } from './support/consoleClient'
import { startNodeServer } from './support/startNodeServer'

// The staleness dashboard against the coverage report itself: the same directory and the same
// day must give the same ids and counts. The clock is pinned to a day no later than the real one,
// so "confirm checked today" never writes a date in the future.
const NOW = new Date('2026-11-23T12:00:00Z')
const OLD = '2025-06-01'
const PASSWORD = 'a long pass phrase'
const officialLanguages = OfficialLanguagesFileSchema.parse(officialLanguagesFile).countries

/**
 * The bundled directory with three counted services, one doubtful record and one German urgent line made stale,
 * and PrevenTell (Sweden) held without a confirmed contact, whatever the real data says by now.
 */
function staleSeed(): { seed: DirectoryData; chosen: string[]; doubtful: string } {
  const bundled = loadBundledData()
  const data: DirectoryData = {
    ...bundled,
    initiatives: bundled.initiatives.map((record) =>
      record.id === 'preventell'
        ? {
            ...record,
            website: null,
            aboutPage: null,
            aboutPageBy: null,
            contacts: record.contacts.map((contact) => ({ ...contact, value: null })),
          }
        : record,
    ),
  }
  const counted = computeCoverage({ data, officialLanguages, today: NOW }).countries.flatMap((country) =>
    country.national.map((service) => service.id),
  )
  const chosen = [...new Set(counted)].slice(0, 3)
  const doubtful = data.initiatives.find((record) => record.status === 'doubtful')?.id ?? ''
  const old = new Set([...chosen, doubtful])
  return {
    seed: {
      ...data,
      initiatives: data.initiatives.map((record) =>
        old.has(record.id) ? { ...record, lastChecked: OLD, checkedBy: 'Test curator' } : record,
      ),
      urgent: data.urgent.map((entry) =>
        entry.country === 'DE'
          ? { ...entry, lines: entry.lines.map((line, at) => (at === 0 ? { ...line, lastChecked: OLD, checkedBy: 'Test curator' } : line)) }
          : entry,
      ),
    },
    chosen,
    doubtful,
  }
}

const { seed, chosen, doubtful } = staleSeed()
let server: Awaited<ReturnType<typeof startNodeServer>>
let client: ReturnType<typeof consoleClient>

beforeAll(async () => {
  server = await startNodeServer({ seed, console: { now: () => NOW } })
  await addCurators(server.databaseFile, [
    { login: 'anna', displayName: 'Anna', role: 'admin', password: PASSWORD },
    { login: 'lena', displayName: 'Lena', role: 'editor', country: 'DE', password: PASSWORD },
  ])
  client = consoleClient(server.base)
  expect((await client.login('anna', PASSWORD)).status).toBe(303)
}, 60_000)
afterAll(() => server.stop())

/** The HTML of one table (by id), or '' when the page has none. */
const tableOf = (html: string, id: string) => new RegExp(`<table id="${id}"[\\s\\S]*?</table>`).exec(html)?.[0] ?? ''
const rowIds = (html: string, prefix: string) => [...html.matchAll(new RegExp(`<tr id="${prefix}([^"]+)"`, 'g'))].map((match) => match[1])
const unescapeHtml = (html: string) =>
  html
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
const staleIds = (report: CoverageReport) =>
  [
    ...new Set(
      report.countries.flatMap((country) =>
        [...country.national, ...country.onlineOnly].filter((service) => service.stale).map((service) => service.id),
      ),
    ),
  ].sort()

async function dashboard(): Promise<string> {
  const response = await client.get('/admin/dashboard')
  expect(response.status).toBe(200)
  return response.text()
}

describe('the staleness dashboard', () => {
  it('shows the stale services of the coverage report, each linked to its record, and the filtered list', async () => {
    const report = computeCoverage({ data: seed, officialLanguages, today: NOW })
    expect(staleIds(report)).toEqual([...chosen].sort())
    const html = await dashboard()
    const table = tableOf(html, 'stale-services')
    expect(rowIds(table, 'stale-').sort()).toEqual(staleIds(report))
    for (const id of staleIds(report)) expect(table).toContain(`href="/admin/records/${id}"`)
    // Every record the record list's stale filter shows: the three services and the doubtful one.
    expect(html).toContain('href="/admin/records?checked=stale"')
    expect(html).toContain('All records not checked for 12 months (4)')
    // The report's stale lines per country: services plus the one German urgent-help line.
    const staleTotal = report.countries.reduce((sum, country) => sum + country.stale.length, 0)
    const serviceCells = report.countries.reduce(
      (sum, country) => sum + [...country.national, ...country.onlineOnly].filter((service) => service.stale).length,
      0,
    )
    expect(staleTotal - serviceCells).toBe(1)
    const urgent = tableOf(html, 'stale-urgent')
    expect((urgent.match(/<tr>/g) ?? []).length - 1).toBe(staleTotal - serviceCells)
    expect(unescapeHtml(urgent)).toContain(seed.urgent.find((entry) => entry.country === 'DE')?.lines[0]?.name ?? 'missing')
    expect(unescapeHtml(html)).toContain(report.summary)
  }, 30_000)

  it('lists the doubtful services, the countries and target groups with no service, and the coverage table, as the report counts them', async () => {
    const report = computeCoverage({ data: seed, officialLanguages, today: NOW })
    const html = await dashboard()
    const doubtfulIds = seed.initiatives.filter((record) => record.status === 'doubtful').map((record) => record.id)
    expect(doubtfulIds).toContain(doubtful)
    expect(rowIds(tableOf(html, 'doubtful-services'), 'doubtful-').sort()).toEqual([...doubtfulIds].sort())

    const noNational = report.countries.filter((country) => country.national.length === 0).map((country) => country.code)
    const heldBack = report.countries.filter((country) => country.national.length === 0 && country.nationalUnconfirmed.length > 0)
    expect(unescapeHtml(html)).toContain(
      `${noNational.length} of ${report.countries.length} countries have no active national service shown; ${heldBack.length} of them have one on file whose contact is not confirmed.`,
    )
    expect(rowIds(tableOf(html, 'no-national'), 'no-national-')).toEqual(noNational)

    const groups = tableOf(html, 'group-gaps')
    for (const group of report.targetGroups) {
      const missing = report.countries.filter(
        (country) => (country.targetGroups[group.id]?.national ?? 0) + (country.targetGroups[group.id]?.online ?? 0) === 0,
      )
      const row = new RegExp(`<tr id="group-gap-${group.id}">[\\s\\S]*?</tr>`).exec(groups)?.[0] ?? ''
      expect(row, group.id).toContain(`${missing.length} of ${report.countries.length}`)
      for (const country of missing) expect(row).toContain(`(${country.code})`)
      // The report's own gap sentences name the same countries.
      expect(
        report.gaps
          .filter((gap) => /^no service (found|shown) for /.test(gap.text) && gap.text.includes(` for ${group.audience} in `))
          .map((gap) => gap.country),
      ).toEqual(missing.map((country) => country.code))
    }
    const urgentGaps = report.countries.filter((country) => country.urgentMissing.length > 0)
    const urgentTable = tableOf(html, 'urgent-gaps')
    expect(rowIds(urgentTable, 'urgent-gap-')).toEqual(urgentGaps.map((country) => country.code))
    for (const country of urgentGaps) {
      const row = new RegExp(`<tr id="urgent-gap-${country.code}">[\\s\\S]*?</tr>`).exec(urgentTable)?.[0] ?? ''
      expect(row, country.code).toContain(`<td>${urgentCell(country)}</td>`)
      expect(urgentCell(country)).toMatch(/^no /)
    }

    const coverage = tableOf(html, 'coverage-table')
    expect(rowIds(coverage, 'coverage-')).toEqual(report.countries.map((country) => country.code))
    const de = report.countries.find((country) => country.code === 'DE')
    const deRow = /<tr id="coverage-DE">[\s\S]*?<\/tr>/.exec(coverage)?.[0] ?? ''
    expect(deRow).toContain(`<td class="num">${de?.stale.length}</td>`)
    // No coverage row says "all on file" while an expected urgent-help kind is missing.
    for (const country of report.countries) {
      const row = new RegExp(`<tr id="coverage-${country.code}">[\\s\\S]*?</tr>`).exec(coverage)?.[0] ?? ''
      expect(row.includes('all on file'), country.code).toBe(country.urgentMissing.length === 0)
    }
  }, 30_000)

  it('names the records on file whose contact is not confirmed, PrevenTell in Sweden among them, and never says none for them', async () => {
    const report = computeCoverage({ data: seed, officialLanguages, today: NOW })
    const html = unescapeHtml(await dashboard())
    const sweden = report.countries.find((country) => country.code === 'SE')
    expect(sweden?.nationalUnconfirmed.map((service) => service.id)).toContain('preventell')
    const table = tableOf(html, 'unconfirmed-services')
    const withHeld = report.countries.filter((country) => country.nationalUnconfirmed.length + country.onlineUnconfirmed.length > 0)
    expect(rowIds(table, 'unconfirmed-')).toEqual(withHeld.map((country) => country.code))
    for (const country of withHeld) {
      const row = new RegExp(`<tr id="unconfirmed-${country.code}">[\\s\\S]*?</tr>`).exec(table)?.[0] ?? ''
      for (const held of [...country.nationalUnconfirmed, ...country.onlineUnconfirmed]) {
        expect(row, `${country.code} ${held.id}`).toContain(`<a href="/admin/records/${held.id}">${held.name}</a>`)
      }
    }
    const swedenRow = /<tr id="no-national-SE">[\s\S]*?<\/tr>/.exec(tableOf(html, 'no-national'))?.[0] ?? ''
    expect(swedenRow).toContain('<a href="/admin/records/preventell">PrevenTell</a>')
    const coverageRow = /<tr id="coverage-SE">[\s\S]*?<\/tr>/.exec(tableOf(html, 'coverage-table'))?.[0] ?? ''
    expect(coverageRow).toContain(`<td class="num none">0 (+${sweden?.nationalUnconfirmed.length} unconfirmed)</td>`)
    // A country of the no-national table shows the "none" tag only when nothing at all is on file for it.
    for (const country of report.countries.filter((entry) => entry.national.length === 0)) {
      const row = new RegExp(`<tr id="no-national-${country.code}">[\\s\\S]*?</tr>`).exec(html)?.[0] ?? ''
      expect(row.includes('>none<'), country.code).toBe(country.onlineOnly.length + country.onlineUnconfirmed.length === 0)
    }
  }, 30_000)

  it('drops a record from the stale table once a curator confirms it as checked', async () => {
    const [confirmed, ...others] = chosen
    if (!confirmed) throw new Error('no stale record chosen')
    const before = await dashboard()
    expect(before).toContain(`id="stale-${confirmed}"`)
    const csrf = await client.csrf()
    const response = await client.post(`/admin/records/${confirmed}/confirm`, { csrf })
    expect(response.status).toBe(303)
    const after = await dashboard()
    expect(after).not.toContain(`id="stale-${confirmed}"`)
    for (const id of others) expect(after).toContain(`id="stale-${id}"`)
    expect(after).toContain('All records not checked for 12 months (3)')
  }, 30_000)

  it('is open to editors too, and to nobody without a session', async () => {
    const editor = consoleClient(server.base)
    await editor.login('lena', PASSWORD)
    expect((await editor.get('/admin/dashboard')).status).toBe(200)
    const stranger = await consoleClient(server.base).get('/admin/dashboard')
    expect(stranger.status).toBe(303)
    expect(stranger.headers.get('location')).toBe('/admin/login')
  }, 30_000)
})
