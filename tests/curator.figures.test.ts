import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { parse } from 'csv-parse/sync'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DirectoryData } from '../src/core/directory/directoryData'
import type { CounterRow } from '../src/core/figures/counterBatch'
import { loadBundledData } from '../src/storage/bundledData'
import { createFiguresRepository } from '../src/storage/figuresRepository'
import * as schema from '../src/storage/schema'
import { axe } from './support/axe'
import { launchChromium } from './support/chromium'
import { addCurators, consoleClient } from './support/consoleClient'
import { startNodeServer } from './support/startNodeServer'
import { testPartner } from './support/testPartner'

// The console's Figures page on a real SQLite file with a month of seeded counters (November 2026),
// as an admin, as a partner's editor and as an editor of no partner; then in headless Chromium.
// The clock is pinned to 10 December 2026, so November is the last full month.
const NOW = new Date('2026-12-10T12:00:00Z')
const PASSWORD = 'a long pass phrase'
const NOVEMBER_WEEKS = ['2026-W45', '2026-W46', '2026-W47', '2026-W48']
const SCREENSHOT = join(tmpdir(), 'helpfinder-figures-console.png')

const bundled = loadBundledData()
const seed: DirectoryData = {
  ...bundled,
  partners: [
    ...bundled.partners,
    testPartner({ id: 'nordlicht', name: 'Nordlicht Hilfe', origins: [] }),
    testPartner({ id: 'suedwind', name: 'Südwind Beratung', origins: [] }),
  ],
}

/** Each of a week's counts for a partner. */
const week = (partner: string, at: string, counts: Record<string, number>): CounterRow[] =>
  Object.entries(counts).map(([event, count]) => ({ table: 'partner_week', dims: [partner, at], event, count }))
const month = (table: CounterRow['table'], dims: string[], counts: Record<string, number>): CounterRow[] =>
  Object.entries(counts).map(([event, count]) => ({ table, dims: [...dims.slice(0, 1), '2026-11', ...dims.slice(1)], event, count }))

/**
 * Nordlicht: four weeks alike; over the month opened 480, started 180, results 72 (48 national, 24
 * online), contact 8 (fewer than 10) and urgent 16 (shown: a funnel's steps are parts of no total,
 * so a small one hides only itself); of its questions, only "age" (8) is under 10.
 * Südwind: one small week. (web): one busy week. A December week that must not count.
 */
const ROWS: CounterRow[] = [
  ...NOVEMBER_WEEKS.flatMap((at) =>
    week('nordlicht', at, {
      opened: 120,
      started: 45,
      'reached:age': 2,
      'reached:country': 40,
      'reached:language': 35,
      'reached:stage': 30,
      'reached:channels': 22,
      'reached:anonymity': 20,
      'results:national': 12,
      'results:online': 6,
      contact: 2,
      urgent: 4,
    }),
  ),
  ...week('nordlicht', '2026-W49', { opened: 999, started: 999 }),
  ...week('suedwind', '2026-W46', { opened: 30, started: 9, 'results:national': 4 }),
  ...week('(web)', '2026-W47', { opened: 500, started: 300, 'results:national': 150, contact: 40, urgent: 25 }),
  ...month('country_month', ['DE'], {
    started: 150,
    'results:national': 60,
    'results:online': 25,
    'results:helplines': 12,
    'results:urgent_only': 5,
    urgent: 14,
    contact: 11,
  }),
  ...month('country_month', ['LU'], { started: 7, 'results:national': 3 }),
  ...month('country_situation_month', ['DE', 'viewed_images'], { 'results:national': 45, 'results:online': 10 }),
  ...month('country_situation_month', ['DE', 'nothing_happened'], { 'results:national': 30 }),
  ...month('country_situation_month', ['DE', 'proceedings'], { 'results:helplines': 8 }),
  ...month('country_language_month', ['DE', 'de'], { 'results:national': 80 }),
  ...month('country_language_month', ['DE', 'en'], { 'results:online': 14 }),
  ...month('country_language_month', ['DE', 'tr'], { 'results:helplines': 8 }),
]

let server: Awaited<ReturnType<typeof startNodeServer>>
let base: string
const admin = () => consoleClient(base)

/** A logged-in client for one curator. */
async function loggedIn(login: string) {
  const client = consoleClient(base)
  expect((await client.login(login, PASSWORD)).status).toBe(303)
  return client
}

beforeAll(async () => {
  // `localhost` for Chromium (Secure cookies over http); the HTTP client talks to the loopback address itself.
  server = await startNodeServer({ seed, hostname: 'localhost', console: { now: () => NOW }, figures: false })
  base = server.base.replace('localhost', '127.0.0.1')
  await addCurators(server.databaseFile, [
    { login: 'anna', displayName: 'Anna Admin', role: 'admin', password: PASSWORD },
    { login: 'nora', displayName: 'Nora', role: 'editor', organisation: '  nordlicht HILFE ', password: PASSWORD },
    { login: 'dora', displayName: 'Dora', role: 'editor', country: 'DE', password: PASSWORD },
  ])
  const sqlite = new Database(server.databaseFile)
  try {
    const statements = createFiguresRepository(drizzle(sqlite, { schema })).addStatements(ROWS)
    sqlite.transaction(() => {
      for (const statement of statements) statement.run()
    })()
  } finally {
    sqlite.close()
  }
}, 60_000)
afterAll(() => server?.stop())

/** The HTML of one table (by id), or '' when the page has none. */
const tableOf = (html: string, id: string) =>
  new RegExp(`<table id="${id.replace(/[()]/g, '\\$&')}"[\\s\\S]*?</table>`).exec(html)?.[0] ?? ''
const rowOf = (html: string, id: string) => new RegExp(`<tr id="${id}">[\\s\\S]*?</tr>`).exec(html)?.[0] ?? ''
/** The figure cells of some HTML, as text. */
const figureCells = (html: string) =>
  [...html.matchAll(/<td class="num">(?:<span class="hint">)?([^<]*)/g)].map((match) => match[1] ?? '').filter((cell) => cell !== '')
/** The text of each row of a table: its heading cell, then its figures. */
const rowsOf = (table: string) =>
  [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)]
    .slice(1)
    .map((row) => [unescapeHtml(/<th scope="row">([^<]*)/.exec(row[1] ?? '')?.[1] ?? ''), ...figureCells(row[1] ?? '')])
const unescapeHtml = (html: string) =>
  html
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

function expectMasked(cells: string[]) {
  expect(cells.length).toBeGreaterThan(0)
  for (const cell of cells) {
    if (/^[\d,]+$/.test(cell)) expect(Number(cell.replace(/,/g, '')), cell).toBeGreaterThanOrEqual(10)
    else expect(['fewer than 10', 'withheld']).toContain(cell)
  }
}

async function page(client: ReturnType<typeof consoleClient>, path: string) {
  const response = await client.get(path)
  return { response, html: await response.text() }
}

describe('the Figures page, as an admin', () => {
  it('shows each partner’s funnel for the last full month, masked, with the drop-off per question in the flow’s order', async () => {
    const client = await loggedIn('anna')
    const { response, html } = await page(client, '/admin/figures')
    expect(response.status).toBe(200)
    expect(html).toContain('<h1>Figures: November 2026</h1>')
    expect(html).toContain('<a href="/admin/figures" aria-current="page">Figures</a>')
    expect(rowsOf(tableOf(html, 'funnel-nordlicht'))).toEqual([
      ['Opened (the widget or page loaded)', '480'],
      ['Conversation started', '180'],
      ['Reached the question “age”', 'fewer than 10'],
      ['Reached the question “country”', '160'],
      ['Reached the question “language”', '140'],
      ['Reached the question “stage”', '120'],
      ['Reached the question “channels”', '88'],
      ['Reached the question “anonymity”', '80'],
      ['Results shown', '72'],
      ['Followed a link or number to a service', 'fewer than 10'],
      ['Opened urgent help (at any step)', '16'],
    ])
    // Bars for the figures shown only, scaled to the largest (480 opened = 100).
    expect([...tableOf(html, 'funnel-nordlicht').matchAll(/<rect [^>]*width="(\d+)"/g)].map((match) => match[1])).toEqual([
      '100',
      '38',
      '33',
      '29',
      '25',
      '18',
      '17',
      '15',
      '3',
    ])
    expect(rowsOf(tableOf(html, 'partner-funnel'))).toEqual([
      ['Lindenweg Helpline (fictional)', 'fewer than 10', 'fewer than 10', 'fewer than 10', 'fewer than 10', 'fewer than 10'],
      ['Nordlicht Hilfe', '480', '180', '72', 'fewer than 10', '16'],
      ['Südwind Beratung', '30', 'fewer than 10', 'fewer than 10', 'fewer than 10', 'fewer than 10'],
      ["Helpfinder's own web pages", '500', '300', '150', '40', '25'],
    ])
    // The December week (999) is not November's.
    expect(/<main[\s\S]*<\/main>/.exec(html)?.[0]).not.toMatch(/999|1,0\d\d|1,4\d\d/)
    expect(html).toContain('href="/admin/figures/summary?partner=nordlicht&amp;period=2026-11"')
    expectMasked(figureCells(html))
  })

  it('shows the tables by country, situation and language, masked row by row, and says when a country shows nothing', async () => {
    const client = await loggedIn('anna')
    const { html } = await page(client, '/admin/figures?period=2026-11')
    expect(rowsOf(tableOf(html, 'country-figures'))).toEqual([
      ['Germany (DE)', '60', '25', 'withheld', 'fewer than 10', '102', '14', '11'],
      [
        'Luxembourg (LU)',
        'fewer than 10',
        'fewer than 10',
        'fewer than 10',
        'fewer than 10',
        'fewer than 10',
        'fewer than 10',
        'fewer than 10',
      ],
    ])
    expect(rowOf(html, 'country-LU')).toContain('Every figure is under 10 this month')
    expect(rowOf(html, 'country-DE')).not.toContain('Every figure is under 10')
    expect(rowsOf(tableOf(html, 'country-situations'))).toEqual([['Germany (DE)', 'withheld', 'fewer than 10', '55', '93']])
    expect(tableOf(html, 'country-situations')).toMatch(
      /<code>nothing_happened<\/code>[\s\S]*<code>proceedings<\/code>[\s\S]*<code>viewed_images<\/code>/,
    )
    expect(rowsOf(tableOf(html, 'country-languages'))).toEqual([['Germany (DE)', '80', 'withheld', 'fewer than 10', '102']])
    expect(html).toContain('<h2 id="masking">What the figures mean</h2>')
    expect((html.match(/<a href="#masking">What these mean<\/a>/g) ?? []).length).toBe(6)
    expectMasked(figureCells(html))
  })

  it('downloads the same masked figures as CSV', async () => {
    const response = await (await loggedIn('anna')).get('/admin/figures.csv?period=2026-11')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="helpfinder-figures-2026-11.csv"')
    const [header, ...rows] = parse(await response.text()) as string[][]
    expect(header).toEqual(['table', 'period', 'id', 'name', 'measure', 'figure'])
    for (const row of rows) {
      const figure = row[5] ?? ''
      if (/^\d+$/.test(figure)) expect(Number(figure), row.join()).toBeGreaterThanOrEqual(10)
      else expect(['fewer than 10', 'withheld'], row.join()).toContain(figure)
    }
    const figure = (table: string, id: string, measure: string) =>
      rows.find((row) => row[0] === table && row[2] === id && row[4] === measure)?.[5]
    expect(figure('partner_funnel', 'nordlicht', 'started')).toBe('180')
    expect(figure('partner_funnel', 'nordlicht', 'contact')).toBe('fewer than 10')
    // A funnel's steps add up to no total: a small one hides only itself.
    expect(figure('partner_funnel', 'nordlicht', 'urgent')).toBe('16')
    expect(figure('partner_questions', 'nordlicht', 'reached:age')).toBe('fewer than 10')
    expect(figure('country', 'DE', 'results:helplines')).toBe('withheld')
    expect(figure('country_language', 'DE', 'de')).toBe('80')
    expect(new Set(rows.map((row) => row[1]))).toEqual(new Set(['2026-11']))
  })

  it('refuses a malformed period, and a month that is not over yet', async () => {
    const client = await loggedIn('anna')
    expect((await client.get('/admin/figures?period=November')).status).toBe(400)
    const december = await page(client, '/admin/figures?period=2026-12')
    expect(december.response.status).toBe(404)
    expect(december.html).toContain('once it has ended')
    expect((await client.get('/admin/figures/summary?partner=nordlicht&period=2026-Q4')).status).toBe(404)
    expect((await client.get('/admin/figures/summary?partner=no-such-partner&period=2026-11')).status).toBe(404)
    expect((await client.get('/admin/figures?period=2026-Q3')).status).toBe(200)
  })
})

describe('the Figures page, as an editor', () => {
  it('shows an editor only the partner named as their organisation, and nothing by country', async () => {
    const client = await loggedIn('nora')
    const { response, html } = await page(client, '/admin/figures')
    expect(response.status).toBe(200)
    expect(rowsOf(tableOf(html, 'partner-funnel'))).toEqual([['Nordlicht Hilfe', '480', '180', '72', 'fewer than 10', '16']])
    for (const hidden of ['Südwind', 'suedwind', 'Lindenweg', '(web)', 'own web pages', 'country-figures', 'Germany', 'viewed_images']) {
      expect(html).not.toContain(hidden)
    }
    const csv = await (await client.get('/admin/figures.csv?period=2026-11')).text()
    expect(new Set((parse(csv) as string[][]).slice(1).map((row) => `${row[0]} ${row[2]}`))).toEqual(
      new Set(['partner_funnel nordlicht', 'partner_questions nordlicht']),
    )
  })

  it('gives an editor their partner’s summary to publish, and a 404 for another partner’s', async () => {
    const client = await loggedIn('nora')
    const own = await client.get('/admin/figures/summary?partner=nordlicht&period=2026-11')
    expect(own.status).toBe(200)
    expect(own.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    const text = await own.text()
    expect(text).toContain(
      "In November 2026, Helpfinder on Nordlicht Hilfe's site was opened 480 times; 180 conversations started; 72 reached results; " +
        '16 opened urgent help; and fewer than 10 followed a link or number to a service (counted only where JavaScript is on).',
    )
    expect(text).toContain('Figures under 10 are shown as "fewer than 10"')
    const other = await client.get('/admin/figures/summary?partner=suedwind&period=2026-11')
    expect(other.status).toBe(404)
    // The same answer as for a partner that does not exist: nothing tells the editor it does.
    const missing = await client.get('/admin/figures/summary?partner=no-such-partner&period=2026-11')
    expect(missing.status).toBe(404)
    const withoutNonce = async (response: Response) => (await response.text()).replace(/nonce="[^"]+"/g, '')
    expect(await withoutNonce(other)).toBe(await withoutNonce(missing))
  })

  it('tells an editor of no partner that their account is not linked to one, with no figures', async () => {
    const client = await loggedIn('dora')
    const { response, html } = await page(client, '/admin/figures')
    expect(response.status).toBe(200)
    expect(html).toContain('Your account is not linked to a partner')
    expect(figureCells(html)).toEqual([])
    expect(html).not.toContain('<table')
    expect((await client.get('/admin/figures.csv')).status).toBe(404)
    expect((await client.get('/admin/figures/summary?partner=nordlicht')).status).toBe(404)
  })

  it('is not shown to anyone logged out', async () => {
    const response = await admin().get('/admin/figures')
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toContain('/admin/login')
  })
})

describe('the Figures page in Chromium', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
  })

  it('renders under the console’s CSP with no script and no violation, passes axe, and is kept as a screenshot', async () => {
    const { response, html } = await page(await loggedIn('anna'), '/admin/figures?period=2026-11')
    const policy = response.headers.get('content-security-policy') ?? ''
    expect(policy).toMatch(/script-src 'nonce-[^']+'/)
    expect(policy).not.toContain('unsafe-inline')
    expect(html).not.toMatch(/<script|\sstyle="|\son[a-z]+="/i)

    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } })
    const problems: string[] = []
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`)
      })
    })
    const tab = await context.newPage()
    tab.on('console', (message) => {
      if (message.type() === 'error' && message.text().startsWith('CSP violation')) problems.push(message.text())
    })
    tab.on('pageerror', (error) => problems.push(error.message))
    // Every request of the page answered (the browser's own favicon request aside, which the console does not serve).
    tab.on('response', (answer) => {
      if (answer.status() >= 400 && !answer.url().endsWith('/favicon.ico')) problems.push(`${answer.status()} ${answer.url()}`)
    })
    await tab.goto(`${server.base}/admin/login`)
    await tab.getByLabel('Login name').fill('anna')
    await tab.getByLabel('Password').fill(PASSWORD)
    await tab.getByRole('button', { name: 'Log in' }).click()
    await expect.poll(() => tab.url()).toContain('/admin/records')
    await tab.getByRole('link', { name: 'Figures' }).click()
    await expect.poll(() => tab.url()).toContain('/admin/figures')
    // The period picker is a plain GET form.
    await tab.getByLabel('Period').selectOption('2026-11')
    await tab.getByRole('button', { name: 'Show' }).click()
    await expect.poll(() => tab.url()).toContain('period=2026-11')
    const funnel = tab.getByRole('table', { name: /Nordlicht Hilfe, November 2026/ })
    await expect.poll(() => funnel.getByRole('row', { name: /Conversation started/ }).textContent()).toContain('180')
    // The bars are drawn: the styles and SVG applied under the CSP.
    const bar = await funnel.locator('svg rect').first().boundingBox()
    expect(bar?.width ?? 0).toBeGreaterThan(200)
    await tab.screenshot({ path: SCREENSHOT, fullPage: true })
    expect(problems).toEqual([])
    await context.close()

    // axe is injected by evaluate, which the CSP would refuse: a context that bypasses it, as the console's other axe runs do.
    const scanning = await browser.newContext({ locale: 'en-GB', bypassCSP: true })
    const scan = await scanning.newPage()
    await scan.goto(`${server.base}/admin/login`)
    await scan.getByLabel('Login name').fill('anna')
    await scan.getByLabel('Password').fill(PASSWORD)
    await scan.getByRole('button', { name: 'Log in' }).click()
    await expect.poll(() => scan.url()).toContain('/admin/records')
    await scan.goto(`${server.base}/admin/figures?period=2026-11`)
    expect(await axe(scan)).toEqual([])
    await scanning.close()
  }, 120_000)
})
