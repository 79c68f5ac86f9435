import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { answerAll, openStart, postForm, stateOf } from './support/formConversation'
import { answerPath, formAnswers, jsonReplies, type AnswerPath } from './support/answerPaths'
import { jsonConversation } from './support/jsonConversation'
import { startNodeServer } from './support/startNodeServer'

// Issue 21, end to end on a real server and a real SQLite file: after 100 conversations through the
// web pages, the JSON API and a partner's widget, the file holds only counter rows (docs/figures.md)
// whose sums match what happened, with no token, typed word, address or time finer than a week.

const FIGURE_TABLES = {
  figures_partner_week: ['partner', 'week', 'event', 'count'],
  figures_country_month: ['country', 'month', 'event', 'count'],
  figures_country_situation_month: ['country', 'month', 'situation', 'event', 'count'],
  figures_country_language_month: ['country', 'month', 'language', 'event', 'count'],
} as const
const PARTNER = 'demo-helpline'
type Row = Record<string, string | number>

/** Every row of every table: the figures' tables apart, the others by count. */
function readFile(file: string) {
  const db = new Database(file, { readonly: true })
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'")
      .all()
      .map((row) => String((row as Row).name))
    const counts = Object.fromEntries(
      tables.map((table) => [table, Number((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as Row).n)]),
    )
    const figures = Object.fromEntries(
      Object.keys(FIGURE_TABLES).map((table) => [table, db.prepare(`SELECT * FROM ${table}`).all() as Row[]]),
    ) as Record<keyof typeof FIGURE_TABLES, Row[]>
    const columns = Object.fromEntries(
      Object.keys(FIGURE_TABLES).map((table) => [table, (db.prepare(`PRAGMA table_info(${table})`).all() as Row[]).map((c) => c.name)]),
    )
    return { counts, figures, columns }
  } finally {
    db.close()
  }
}

const sum = (rows: Row[], where: (row: Row) => boolean) => rows.filter(where).reduce((total, row) => total + Number(row.count), 0)
const isResults = (row: Row) => String(row.event).startsWith('results:')

describe('partner figures after 100 conversations', () => {
  let server: Awaited<ReturnType<typeof startNodeServer>>
  const tokens = new Set<string>()
  let before: ReturnType<typeof readFile>['counts']
  const paths: AnswerPath[] = [
    answerPath({}),
    answerPath({ country: 'NL', language: 'nl', stage: 'viewed_images' }),
    answerPath({ asker: 'someone', country: 'AT', stage: 'other_thoughts' }),
    answerPath({ country: 'FR', language: 'fr', stage: 'proceedings' }),
  ]
  const keep = (pages: { state: string }[]) => {
    for (const page of pages) if (page.state) tokens.add(page.state)
  }
  /** Web conversations at results, for the contact beacons. */
  const atResults: string[] = []
  const widgetAtResults: string[] = []

  beforeAll(async () => {
    server = await startNodeServer()
    before = readFile(server.databaseFile).counts
    // 40 whole conversations on the web pages; every fourth types its country's name.
    for (let n = 0; n < 40; n++) {
      const path = paths[n % paths.length] ?? answerPath({})
      const answers: (string | string[] | { text: string })[] = formAnswers(path)
      if (n % 4 === 0) answers[answers.indexOf(path.country)] = { text: 'Deutschland' }
      const pages = await answerAll(server.base, answers)
      keep(pages)
      const last = pages.at(-1)
      if (!last?.html.includes('id="results"')) throw new Error(`conversation ${n} did not reach results`)
      atResults.push(last.state)
      // Every fifth goes back twice, answers again and changes the language: none of it counts twice.
      if (n % 5 === 0) {
        const back = await postForm(server.base, { state: last.state, action: 'back' })
        const backAgain = await postForm(server.base, { state: back.state, action: 'back' })
        const channels = await postForm(server.base, { state: backAgain.state, action: 'answer', answer: [...path.channels] })
        const results = await postForm(server.base, { state: channels.state, action: 'answer', answer: path.anonymity })
        const language = await postForm(server.base, { state: results.state, action: 'language', lang: 'de' })
        keep([back, backAgain, channels, results, language])
        expect(language.html).toContain('id="results"')
      }
    }
    // 10 that stop after the country.
    for (let n = 0; n < 10; n++) keep(await answerAll(server.base, formAnswers(answerPath({})).slice(0, 3)))
    // 25 through the JSON API.
    for (let n = 0; n < 25; n++) {
      const { last } = await jsonConversation(server.base, jsonReplies(paths[n % paths.length] ?? answerPath({})))
      tokens.add(last.state)
      expect(last.step.outcome).toBe('results')
    }
    // 25 in the partner's widget.
    for (let n = 0; n < 25; n++) {
      const opened = await fetch(`${server.base}/widget/panel?partner=${PARTNER}`)
      let state = stateOf(await opened.text())
      for (const answer of formAnswers(paths[n % paths.length] ?? answerPath({}))) {
        const page = await postForm(server.base, { state, action: 'answer', answer, w_partner: PARTNER }, {}, '/widget/turn')
        state = page.state
        tokens.add(state)
        if (answer === formAnswers(paths[n % paths.length] ?? answerPath({})).at(-1)) expect(page.html).toContain('id="results"')
      }
      widgetAtResults.push(state)
    }
    // Urgent help opened five times from the web page's link.
    for (let n = 0; n < 5; n++) expect((await fetch(`${server.base}/urgent`)).status).toBe(200)
  }, 240_000)

  afterAll(async () => {
    await server?.stop()
  })

  const beacon = (fields: Record<string, string>) =>
    fetch(`${server.base}/figures/contact`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields),
    })

  it('counts a followed contact link only for a conversation at results, under a registered partner only', async () => {
    for (const state of atResults.slice(0, 3)) expect((await beacon({ state, from: 'web' })).status).toBe(204)
    for (const state of widgetAtResults.slice(0, 2)) expect((await beacon({ state, from: 'widget', w_partner: PARTNER })).status).toBe(204)
    // Under a partner id nobody registered: the widget's own counter, never a new one.
    expect((await beacon({ state: widgetAtResults[2] ?? '', from: 'widget', w_partner: 'not-registered' })).status).toBe(204)
    // Not at results yet, or not a state at all: nothing is counted.
    const first = await openStart(server.base)
    expect((await beacon({ state: first.state, from: 'web' })).status).toBe(204)
    expect((await beacon({ state: 'nonsense', from: 'web' })).status).toBe(204)
    expect((await beacon({ from: 'web' })).status).toBe(400)
  })

  it('holds nothing but counter rows until the hourly write, then rows whose sums match', async () => {
    expect(readFile(server.databaseFile).figures.figures_partner_week).toEqual([])
    expect(server.flushFigures()).toBeGreaterThan(0)
    const { figures, counts, columns } = readFile(server.databaseFile)
    // No other table changed.
    for (const [table, count] of Object.entries(before)) if (!(table in FIGURE_TABLES)) expect(counts[table], table).toBe(count)
    for (const [table, expected] of Object.entries(FIGURE_TABLES)) expect(columns[table], table).toEqual(expected)

    const week = figures.figures_partner_week
    const of = (partner: string, event: string) => sum(week, (row) => row.partner === partner && row.event === event)
    // 51 web openings: 40 + 10 conversations and the not-yet-started page of the beacon test.
    expect([of('(web)', 'opened'), of('(api)', 'opened'), of(PARTNER, 'opened')]).toEqual([51, 25, 25])
    expect([of('(web)', 'started'), of('(api)', 'started'), of(PARTNER, 'started')]).toEqual([50, 25, 25])
    expect(sum(week, (row) => row.partner === '(web)' && isResults(row))).toBe(40)
    expect(sum(week, isResults)).toBe(90)
    expect(of('(web)', 'reached:country')).toBe(50)
    expect(of('(web)', 'reached:language')).toBe(50)
    expect(of('(web)', 'reached:stage')).toBe(40)
    expect(of('(web)', 'urgent')).toBe(5)
    expect([of('(web)', 'contact'), of(PARTNER, 'contact'), of('(widget)', 'contact')]).toEqual([3, 2, 1])
    expect(sum(week, () => true)).toBe(sum(week, (row) => row.event !== 'contact') + 6)

    // Countries: the same results, split by country, by situation and by language, each adding up to 90.
    expect(sum(figures.figures_country_month, isResults)).toBe(90)
    expect(sum(figures.figures_country_situation_month, isResults)).toBe(90)
    expect(sum(figures.figures_country_language_month, isResults)).toBe(90)
    expect(sum(figures.figures_country_month, (row) => row.event === 'contact')).toBe(6)
    expect(new Set(figures.figures_country_month.map((row) => row.country))).toEqual(new Set(['DE', 'NL', 'AT', 'FR']))
    // Situation and language rows hold results only.
    for (const row of [...figures.figures_country_situation_month, ...figures.figures_country_language_month])
      expect(isResults(row)).toBe(true)
  })

  it('keeps no token, typed word, address or time finer than a week', () => {
    const { figures } = readFile(server.databaseFile)
    const cells = Object.values(figures).flatMap((rows) => rows.flatMap((row) => Object.entries(row)))
    expect(cells.length).toBeGreaterThan(100)
    const shapes: Record<string, RegExp> = {
      partner: /^(\(web\)|\(api\)|\(widget\)|\(bot\)|demo-helpline)$/,
      week: /^\d{4}-W\d{2}$/,
      month: /^\d{4}-\d{2}$/,
      country: /^[A-Z]{2}$/,
      language: /^[a-z]{2,3}$/,
      situation: /^[a-z_]+$/,
      event: /^(opened|started|urgent|contact|reached:[a-z_]+|results:(national|online|helplines|urgent_only))$/,
    }
    for (const [column, value] of cells) {
      if (column === 'count') expect(Number.isInteger(value) && Number(value) > 0).toBe(true)
      else expect(String(value), column).toMatch(shapes[column] ?? /^$/)
    }
    const text = JSON.stringify(figures)
    expect(tokens.size).toBeGreaterThan(500)
    for (const token of tokens) expect(text.includes(token)).toBe(false)
    for (const word of ['Deutschland', '127.0.0.1', 'localhost', 'Mozilla', 'node']) expect(text).not.toContain(word)
  })

  it('says on the privacy page what is counted, and marks results for the contact count', async () => {
    const privacy = await (await fetch(`${server.base}/privacy?lang=en`)).text()
    expect(privacy).toContain('We do keep counts, without knowing who anyone is')
    expect(privacy).not.toContain('We keep no counts at all')
    const results = await answerAll(server.base, formAnswers(answerPath({})))
    expect(results.at(-1)?.html).toContain('data-count-contacts')
  })
})

describe('FIGURES=off', () => {
  it('writes nothing at all, serves no count, and the privacy page says so', async () => {
    const server = await startNodeServer({ figures: false })
    try {
      const pages = await answerAll(server.base, formAnswers(answerPath({})))
      const results = pages.at(-1)
      expect(results?.html).toContain('id="results"')
      expect(results?.html).not.toContain('data-count-contacts')
      await jsonConversation(server.base, jsonReplies(answerPath({})))
      expect((await fetch(`${server.base}/urgent`)).status).toBe(200)
      const beacon = await fetch(`${server.base}/figures/contact`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ state: results?.state ?? '', from: 'web' }),
      })
      expect(beacon.status).toBe(204)
      const privacy = await (await fetch(`${server.base}/privacy?lang=en`)).text()
      expect(privacy).toContain('We keep no counts at all')
      expect(privacy).not.toContain('We do keep counts')
      expect(server.flushFigures()).toBe(0)
      const file = server.databaseFile
      // stop() flushes too: still nothing.
      const { figures } = readFile(file)
      for (const rows of Object.values(figures)) expect(rows).toEqual([])
    } finally {
      await server.stop()
    }
  })
})
