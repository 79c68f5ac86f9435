import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as z from 'zod'
import { buildWorker } from '../scripts/buildWorker'
import { answerPath, formAnswers } from './support/answerPaths'
import { answerAll } from './support/formConversation'
import { startWorker } from './support/startWorker'

// Issue 21 on Workers: each isolate adds up its counts and writes them to D1 in the background
// (waitUntil) at most every FIGURES_FLUSH_SECONDS; with FIGURES=off nothing reaches D1.

const Row = z.object({ partner: z.string(), week: z.string(), event: z.string(), count: z.number() })
let folder: string
let bundle: Awaited<ReturnType<typeof buildWorker>>
let counting: Awaited<ReturnType<typeof startWorker>>
let off: Awaited<ReturnType<typeof startWorker>>

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'helpfinder-workerd-figures-'))
  bundle = await buildWorker(folder)
  ;[counting, off] = await Promise.all([
    startWorker(bundle.outfile, { bindings: { FIGURES_FLUSH_SECONDS: '0.2' } }),
    startWorker(bundle.outfile, { bindings: { FIGURES: 'off', FIGURES_FLUSH_SECONDS: '0.2' } }),
  ])
}, 120_000)

afterAll(async () => {
  await Promise.all([counting?.dispose(), off?.dispose()])
  if (folder) rmSync(folder, { recursive: true, force: true })
})

const rows = async (worker: typeof counting) =>
  z.array(Row).parse((await worker.d1.prepare('SELECT * FROM figures_partner_week').all()).results)

describe('figures in workerd with D1', () => {
  it('writes the funnel of three conversations to D1 after the request, without waiting on it', async () => {
    for (let n = 0; n < 3; n++) {
      const pages = await answerAll(counting.url, formAnswers(answerPath({})))
      expect(pages.at(-1)?.html).toContain('id="results"')
    }
    // The next request after the interval hands the write to waitUntil.
    await new Promise((resolve) => setTimeout(resolve, 250))
    expect((await fetch(`${counting.url}/privacy?lang=en`)).status).toBe(200)
    // The write runs after the response: poll D1 until it lands.
    for (let tries = 0; tries < 200 && !(await rows(counting)).some((row) => row.event === 'started'); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    const written = await rows(counting)
    const of = (event: string) => written.filter((row) => row.event === event).reduce((total, row) => total + row.count, 0)
    expect([of('opened'), of('started'), of('results:national')]).toEqual([3, 3, 3])
    expect(new Set(written.map((row) => row.partner))).toEqual(new Set(['(web)']))
    expect(written.every((row) => /^\d{4}-W\d{2}$/.test(row.week))).toBe(true)
  }, 60_000)

  it('with FIGURES=off, writes nothing to D1 and the privacy page says nothing is counted', async () => {
    await answerAll(off.url, formAnswers(answerPath({})))
    await new Promise((resolve) => setTimeout(resolve, 250))
    const privacy = await (await fetch(`${off.url}/privacy?lang=en`)).text()
    expect(privacy).toContain('We keep no counts at all')
    await new Promise((resolve) => setTimeout(resolve, 250))
    for (const table of [
      'figures_partner_week',
      'figures_country_month',
      'figures_country_situation_month',
      'figures_country_language_month',
    ]) {
      const count = z.object({ n: z.number() }).parse(await off.d1.prepare(`SELECT count(*) AS n FROM ${table}`).first())
      expect(count.n, table).toBe(0)
    }
  }, 60_000)
})
