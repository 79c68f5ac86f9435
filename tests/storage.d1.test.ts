import { Miniflare } from 'miniflare'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as z from 'zod'
import { loadBundledData } from '../src/storage/bundledData'
import { openD1Directory, seedD1IfEmpty } from '../src/storage/d1/openD1Directory'
import { directoryContract } from './contract/directoryContract'
import { withFullPartner } from './contract/withFullPartner'
import { withOwnWordsRecords } from './contract/withOwnWordsRecords'
import { migrationStatements } from './support/startWorker'

// A real D1 (workerd's, through Miniflare) migrated with the drizzle-kit SQL, as `wrangler d1 migrations apply` would.
const TABLES = ['meta', 'criteria', 'tags', 'initiatives', 'initiative_tags', 'contacts', 'sources', 'urgent_lines', 'partners']
const Count = z.object({ n: z.number() })

/** A workerd with empty, migrated D1 databases bound under the given names. */
async function startD1(...names: string[]) {
  const mf = new Miniflare({
    modules: true,
    script: 'export default { fetch() { return new Response("") } }',
    d1Databases: Object.fromEntries(names.map((name) => [name, name.toLowerCase()])),
    d1Persist: false,
  })
  const databases = await Promise.all(
    names.map(async (name) => {
      const d1 = await mf.getD1Database(name)
      await d1.batch(migrationStatements().map((statement) => d1.prepare(statement)))
      return d1
    }),
  )
  return { mf, databases }
}

type D1 = Awaited<ReturnType<typeof startD1>>['databases'][number]

async function rowCounts(d1: D1): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const table of TABLES) counts[table] = Count.parse(await d1.prepare(`SELECT count(*) AS n FROM ${table}`).first()).n
  return counts
}

directoryContract('d1 in workerd', async () => {
  const { mf, databases } = await startD1('DB')
  const [d1] = databases
  if (!d1) throw new Error('no D1')
  const { db, source } = openD1Directory(d1)
  expect(await seedD1IfEmpty(db, withOwnWordsRecords(loadBundledData()))).toBe(true)
  return { source, close: () => mf.dispose() }
})

describe('seeding D1', () => {
  let started: Awaited<ReturnType<typeof startD1>>
  beforeAll(async () => {
    started = await startD1('TWICE', 'RACE', 'BEFORE_PARTNERS', 'PARTNERS_RACE')
  })
  afterAll(async () => {
    await started?.mf.dispose()
  })

  it('seeds an empty database once; a second call changes nothing', async () => {
    const [d1] = started.databases
    if (!d1) throw new Error('no D1')
    const { db } = openD1Directory(d1)
    const seed = loadBundledData()
    expect(await seedD1IfEmpty(db, seed)).toBe(true)
    const seeded = await rowCounts(d1)
    expect(seeded.initiatives).toBe(seed.initiatives.length)
    expect(Object.values(seeded).every((n) => n > 0)).toBe(true)
    expect(await seedD1IfEmpty(db, seed)).toBe(false)
    expect(await rowCounts(d1)).toEqual(seeded)
  })

  it('two isolates seeding at the same moment: one wins, nothing is doubled', async () => {
    const [, d1] = started.databases
    if (!d1) throw new Error('no D1')
    const seed = loadBundledData()
    const outcomes = await Promise.all([seedD1IfEmpty(openD1Directory(d1).db, seed), seedD1IfEmpty(openD1Directory(d1).db, seed)])
    expect(outcomes.filter(Boolean)).toHaveLength(1)
    expect((await rowCounts(d1)).initiatives).toBe(seed.initiatives.length)
  })

  // `wrangler d1 migrations apply` adds the partners table empty to a database seeded before it existed.
  it('a database seeded before partners existed gets only the partners, exactly, once', async () => {
    const [, , d1] = started.databases
    if (!d1) throw new Error('no D1')
    const { db, source } = openD1Directory(d1)
    const seed = withFullPartner(loadBundledData())
    expect(await seedD1IfEmpty(db, { ...seed, partners: [] })).toBe(true)
    const before = await rowCounts(d1)
    expect(before.partners).toBe(0)
    expect(await seedD1IfEmpty(db, seed)).toBe(true)
    expect(await rowCounts(d1)).toEqual({ ...before, partners: 2 })
    expect((await source.load()).partners).toEqual(seed.partners)
    expect(await seedD1IfEmpty(db, { ...seed, partners: seed.partners.slice(1) })).toBe(false)
    expect(await rowCounts(d1)).toEqual({ ...before, partners: 2 })
  })

  it('two isolates adding the partners at the same moment: one wins, nothing is doubled', async () => {
    const [, , , d1] = started.databases
    if (!d1) throw new Error('no D1')
    const seed = loadBundledData()
    expect(await seedD1IfEmpty(openD1Directory(d1).db, { ...seed, partners: [] })).toBe(true)
    const outcomes = await Promise.all([seedD1IfEmpty(openD1Directory(d1).db, seed), seedD1IfEmpty(openD1Directory(d1).db, seed)])
    expect(outcomes.filter(Boolean)).toHaveLength(1)
    expect((await rowCounts(d1)).partners).toBe(seed.partners.length)
  })
})
