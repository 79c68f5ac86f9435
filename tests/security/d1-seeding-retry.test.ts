import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import * as z from 'zod'
import { buildWorker } from '../../scripts/buildWorker'
import { answerAll } from '../support/formConversation'
import { servicesOf } from '../support/pageFacts'
import { migrationStatements, startWorker } from '../support/startWorker'

// Fault run finding: a D1 migrated after an isolate started stayed on the built-in copy for the
// isolate's whole life, because seeding was tried once per isolate and every load waited on that
// failed promise. Now each load attempt seeds first, and the cache retries after
// DIRECTORY_RETRY_SECONDS (1 s here; 30 s by default).

type Worker = Awaited<ReturnType<typeof startWorker>>

const SELF_DE = ['self', 'adult', 'DE', 'de', 'nothing_happened', ['phone', 'chat'], 'matters']
const EDITED_NAME = 'Kein Täter werden, edited in D1 after seeding'
const Count = z.object({ n: z.number() })
const Strings = z.object({ error: z.object({ directory_fallback: z.string() }) })
const builtInNotice = Strings.parse(JSON.parse(readFileSync(new URL('../../locales/en/translation.json', import.meta.url), 'utf8'))).error
  .directory_fallback
const initiativesInData = z
  .object({ initiatives: z.array(z.unknown()) })
  .parse(JSON.parse(readFileSync(new URL('../../data/initiatives.json', import.meta.url), 'utf8'))).initiatives.length

let folder = ''
let worker: Worker

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'helpfinder-'))
  const bundle = await buildWorker(folder)
  worker = await startWorker(bundle.outfile, { migrate: false, bindings: { DIRECTORY_RETRY_SECONDS: '1', DIRECTORY_MAX_AGE_SECONDS: '1' } })
}, 120_000)

afterAll(async () => {
  await worker?.dispose()
  if (folder) rmSync(folder, { recursive: true, force: true })
})

const startPage = async () => {
  const response = await fetch(`${worker.url}/`, { headers: { 'accept-language': 'en' } })
  return { status: response.status, html: await response.text() }
}
const initiativesInD1 = async () => Count.parse(await worker.d1.prepare('SELECT count(*) AS n FROM initiatives').first()).n

describe('a D1 migrated after the isolate started', () => {
  it('is seeded and served once it answers, and the built-in-copy notice goes away', async () => {
    // The first request, on a D1 without tables: the built-in copy, with its notice.
    const first = await startPage()
    expect(first.status).toBe(200)
    expect(first.html).toContain(builtInNotice)
    const tables = await worker.d1.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'initiatives'").all()
    expect(tables.results).toEqual([])

    // The operator applies the migrations now (`wrangler d1 migrations apply` runs these statements).
    await worker.d1.batch(migrationStatements().map((statement) => worker.d1.prepare(statement)))

    // Past the retry interval, a request starts the next load: it seeds the empty D1, then reads it.
    await vi.waitFor(
      async () => {
        const page = await startPage()
        expect(page.status).toBe(200)
        expect(page.html).not.toContain(builtInNotice)
      },
      { timeout: 20_000, interval: 500 },
    )
    expect(await initiativesInD1()).toBe(initiativesInData)
    const results = (await answerAll(worker.url, SELF_DE)).at(-1)?.html ?? ''
    expect(servicesOf(results)).toContain('kein-taeter-werden')
    expect(results).not.toContain(builtInNotice)
  })

  it('then serves what D1 holds: a row changed in D1 shows', async () => {
    await worker.d1.prepare("UPDATE initiatives SET name = ? WHERE id = 'kein-taeter-werden'").bind(EDITED_NAME).run()
    await vi.waitFor(
      async () => {
        const results = (await answerAll(worker.url, SELF_DE)).at(-1)?.html ?? ''
        expect(results).toContain(EDITED_NAME)
      },
      { timeout: 20_000, interval: 500 },
    )
    // Seeded once: the change was not overwritten, and nothing was doubled.
    expect(await initiativesInD1()).toBe(initiativesInData)
  })

  it('told the operator about the missing tables once, in one line each', () => {
    const warnings = worker.logs.filter((line) => line.includes('directory storage failed'))
    expect(warnings.length).toBeGreaterThan(0)
    expect(new Set(warnings).size).toBe(warnings.length)
    expect(worker.logs.filter((line) => /^\s+at /.test(line))).toEqual([])
  })
})
