import { drizzle } from 'drizzle-orm/d1'
import { Miniflare } from 'miniflare'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { counterKeys } from '../src/core/figures/counterKeys'
import { d1FigureCounter } from '../src/storage/d1/d1FigureCounter'
import { createFiguresRepository } from '../src/storage/figuresRepository'
import * as schema from '../src/storage/schema'
import { figuresContract } from './contract/figuresContract'
import { migrationStatements } from './support/startWorker'

// A real D1 (workerd's, through Miniflare): one empty database per store, migrated with the
// drizzle-kit SQL as `wrangler d1 migrations apply` would, or left without tables.
const DATABASES = Array.from({ length: 12 }, (_, index) => `FIGURES_${index}`)
let mf: Miniflare
let used = 0

beforeAll(() => {
  mf = new Miniflare({
    modules: true,
    script: 'export default { fetch() { return new Response("") } }',
    d1Databases: Object.fromEntries(DATABASES.map((name) => [name, name.toLowerCase()])),
    d1Persist: false,
  })
})
afterAll(async () => {
  await mf?.dispose()
})

type D1 = Awaited<ReturnType<Miniflare['getD1Database']>>

async function freshD1(migrated: boolean): Promise<{ d1: D1; migrate: () => Promise<unknown> }> {
  const name = DATABASES[used++]
  if (!name) throw new Error('add databases to DATABASES')
  const d1 = await mf.getD1Database(name)
  const migrate = () => d1.batch(migrationStatements().map((statement) => d1.prepare(statement)))
  if (migrated) await migrate()
  return { d1, migrate }
}

figuresContract('d1 in workerd', async (store) => {
  const { d1, migrate } = await freshD1(store === 'migrated')
  const warnings: string[] = []
  const counter = d1FigureCounter(d1, { warn: (line) => warnings.push(line) })
  return {
    counter,
    flush: () => counter.flush(),
    db: drizzle(d1, { schema }),
    migrate,
    warnings,
    keeps: true,
    close: () => counter.flush(),
  }
})

/** The binding with its batch held until `release()`, and failing once when `failNext` is set: D1 slow or refusing. */
function gated(d1: D1) {
  let failNext = false
  let opened: Promise<void> = Promise.resolve()
  let release = () => {}
  const binding = new Proxy(d1, {
    get(target, key) {
      const value = Reflect.get(target, key)
      if (key !== 'batch' || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value
      return async (...args: unknown[]) => {
        await opened
        if (failNext) {
          failNext = false
          throw new Error('D1_ERROR: the network connection was lost')
        }
        return value.apply(target, args)
      }
    },
  })
  return {
    binding,
    hold: () => {
      opened = new Promise((resolve) => {
        release = resolve
      })
    },
    release: () => release(),
    failOnce: () => {
      failNext = true
    },
  }
}

const DEC_3 = Date.UTC(2026, 11, 3, 15, 42)
const started = counterKeys({ kind: 'started' }, { partner: 'partner-one', country: 'LU' }, DEC_3)

describe('the D1 counter after each request', () => {
  const startedCount = async (d1: D1) =>
    (await createFiguresRepository(drizzle(d1, { schema })).read('partner_week')).find((row) => row.event === 'started')?.count ?? 0

  it('writes in the background once flushAfterMs have passed since it began counting, then since its last write', async () => {
    const { d1 } = await freshD1(true)
    const counter = d1FigureCounter(d1, { flushAfterMs: 60_000 })
    const handed: Promise<unknown>[] = []
    const waitUntil = (promise: Promise<unknown>) => handed.push(promise)
    counter.flushIfDue(waitUntil, 0)
    counter.add(started)
    counter.flushIfDue(waitUntil, 1_000)
    counter.add(started)
    counter.flushIfDue(waitUntil, 60_999)
    expect(handed).toHaveLength(0)
    counter.flushIfDue(waitUntil, 61_000)
    expect(handed).toHaveLength(1)
    await Promise.all(handed)
    expect(await startedCount(d1)).toBe(2)

    counter.add(started)
    counter.flushIfDue(waitUntil, 120_999)
    expect(handed).toHaveLength(1)
    counter.flushIfDue(waitUntil, 121_000)
    expect(handed).toHaveLength(2)
    await Promise.all(handed)
    expect(await startedCount(d1)).toBe(3)
    // Nothing counted since: nothing to write, however long it has been.
    counter.flushIfDue(waitUntil, 10 * 60_000)
    expect(handed).toHaveLength(2)
  })

  it('has one write in flight at a time; counts that come meanwhile go in the next', async () => {
    const { d1 } = await freshD1(true)
    const gate = gated(d1)
    const counter = d1FigureCounter(gate.binding, { flushAfterMs: 0 })
    const handed: Promise<unknown>[] = []
    const waitUntil = (promise: Promise<unknown>) => handed.push(promise)
    gate.hold()
    counter.add(started)
    counter.flushIfDue(waitUntil, 0)
    counter.add(started)
    counter.flushIfDue(waitUntil, 1)
    counter.flushIfDue(waitUntil, 2)
    expect(handed).toHaveLength(1)
    gate.release()
    await Promise.all(handed)
    expect(await startedCount(d1)).toBe(1)
    counter.flushIfDue(waitUntil, 3)
    expect(handed).toHaveLength(2)
    await Promise.all(handed)
    expect(await startedCount(d1)).toBe(2)
  })

  it('puts back the counts of a batch D1 refuses, says why once, and writes them with the next', async () => {
    const { d1 } = await freshD1(true)
    const gate = gated(d1)
    const warnings: string[] = []
    const counter = d1FigureCounter(gate.binding, { flushAfterMs: 0, warn: (line) => warnings.push(line) })
    const handed: Promise<unknown>[] = []
    const waitUntil = (promise: Promise<unknown>) => handed.push(promise)
    counter.add(started)
    gate.failOnce()
    counter.flushIfDue(waitUntil, 0)
    await Promise.all(handed)
    expect(await startedCount(d1)).toBe(0)
    expect(warnings).toEqual([
      'figures: D1 refused the counts (D1_ERROR: the network connection was lost); they are kept in memory and written at the next try',
    ])
    counter.add(started)
    counter.flushIfDue(waitUntil, 1)
    await Promise.all(handed)
    expect(await startedCount(d1)).toBe(2)
    expect(warnings).toHaveLength(1)
  })

  it('writes a batch of many counters in statements D1 takes (each binds at most 100 values)', async () => {
    const { d1 } = await freshD1(true)
    const counter = d1FigureCounter(d1)
    const partners = Array.from({ length: 120 }, (_, index) => `partner-${index}`)
    for (const partner of partners)
      counter.add(counterKeys({ kind: 'results', tier: 'online' }, { partner, country: 'LU', language: partner }, DEC_3))
    await counter.flush()
    const repository = createFiguresRepository(drizzle(d1, { schema }))
    expect(await repository.read('partner_week')).toHaveLength(partners.length)
    expect(await repository.read('country_language_month')).toHaveLength(partners.length)
    expect(await repository.read('country_month')).toEqual([
      { table: 'country_month', dims: ['LU', '2026-12'], event: 'results:online', count: 120 },
    ])
  })
})
