import { describe, expect, it } from 'vitest'
import { createDirectoryCache } from '../../src/app/createDirectoryCache'
import type { DirectoryData } from '../../src/core/directory/directoryData'
import { loadBundledData } from '../../src/storage/bundledData'
import type { DirectorySource } from '../../src/storage/directorySource'

// Stale-while-revalidate on an injected clock: no timers, no sleeping.
const seed = loadBundledData()
const MAX_AGE_MS = 60_000

/** The bundled data under another taxonomy name, so each load can be told apart. */
const version = (name: string): DirectoryData => ({ ...seed, taxonomy: { ...seed.taxonomy, name } })

/** A source whose loads the test settles by hand, in any order. */
function manualSource() {
  const loads: { resolve: (data: DirectoryData) => void; reject: (error: unknown) => void }[] = []
  const source: DirectorySource = { load: () => new Promise((resolve, reject) => loads.push({ resolve, reject })) }
  return { source, loads }
}

function clock() {
  let time = 1_000_000
  return { now: () => time, advance: (ms: number) => (time += ms) }
}

/** Lets settled loads run their callbacks. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

async function loadedCache(options: { maxAgeMs?: number } = { maxAgeMs: MAX_AGE_MS }) {
  const { source, loads } = manualSource()
  const time = clock()
  const failures: { error: unknown; during: string }[] = []
  const cache = createDirectoryCache(source, seed, {
    now: time.now,
    onFailure: (error, during) => failures.push({ error, during }),
    ...options,
  })
  const first = cache.get()
  loads[0]?.resolve(version('v1'))
  expect((await first).data.taxonomy.name).toBe('v1')
  return { cache, loads, time, failures }
}

describe('createDirectoryCache without maxAgeMs (Node: the console refreshes it)', () => {
  it('never reloads on its own, however old the directory gets', async () => {
    const { cache, loads, time } = await loadedCache({})
    time.advance(365 * 24 * 3600 * 1000)
    expect((await cache.get()).data.taxonomy.name).toBe('v1')
    expect(loads).toHaveLength(1)
    expect(cache.reloading()).toBeUndefined()
  })

  it('refresh() reads storage again after a successful load', async () => {
    const { cache, loads } = await loadedCache({})
    const refreshed = cache.refresh()
    loads[1]?.resolve(version('v2'))
    await refreshed
    expect(loads).toHaveLength(2)
    expect((await cache.get()).data.taxonomy.name).toBe('v2')
  })
})

describe('createDirectoryCache with maxAgeMs', () => {
  it('does not reload before the max age', async () => {
    const { cache, loads, time } = await loadedCache()
    time.advance(MAX_AGE_MS - 1)
    expect((await cache.get()).data.taxonomy.name).toBe('v1')
    expect(loads).toHaveLength(1)
  })

  it('past the max age answers at once with the current index and reloads in the background', async () => {
    const { cache, loads, time } = await loadedCache()
    const current = await cache.get()
    time.advance(MAX_AGE_MS)
    // The reload never settles during this get(): the request still gets the index it had.
    expect(await cache.get()).toBe(current)
    expect(loads).toHaveLength(2)
    const reload = cache.reloading()
    expect(reload).toBeInstanceOf(Promise)
    // More requests while it runs start no second reload.
    expect(await cache.get()).toBe(current)
    expect(loads).toHaveLength(2)
    loads[1]?.resolve(version('v2'))
    await reload
    expect(cache.reloading()).toBeUndefined()
    expect((await cache.get()).data.taxonomy.name).toBe('v2')
    expect(loads).toHaveLength(2)
  })

  it('measures the next max age from the reload', async () => {
    const { cache, loads, time } = await loadedCache()
    time.advance(MAX_AGE_MS)
    await cache.get()
    loads[1]?.resolve(version('v2'))
    await cache.reloading()
    time.advance(MAX_AGE_MS - 1)
    await cache.get()
    expect(loads).toHaveLength(2)
    time.advance(1)
    await cache.get()
    expect(loads).toHaveLength(3)
  })

  it('a failed reload keeps the current index, reports once, and tries again after another max age', async () => {
    const { cache, loads, time, failures } = await loadedCache()
    const current = await cache.get()
    time.advance(MAX_AGE_MS)
    await cache.get()
    loads[1]?.reject(new Error('D1_ERROR: no such table: initiatives'))
    await cache.reloading()
    expect(await cache.get()).toBe(current)
    expect(current).not.toBe(cache.fallback)
    expect(failures.map(({ during }) => during)).toEqual(['reload'])
    expect(String(failures[0]?.error)).toContain('no such table')
    time.advance(MAX_AGE_MS - 1)
    await cache.get()
    expect(loads).toHaveLength(2)
    time.advance(1)
    await cache.get()
    expect(loads).toHaveLength(3)
    loads[2]?.resolve(version('v3'))
    await cache.reloading()
    expect((await cache.get()).data.taxonomy.name).toBe('v3')
  })

  it('gives up on a reload that never settles after 30 s and starts another', async () => {
    const { cache, loads, time } = await loadedCache()
    time.advance(MAX_AGE_MS)
    await cache.get()
    time.advance(29_999)
    await cache.get()
    expect(loads).toHaveLength(2)
    time.advance(1)
    await cache.get()
    expect(loads).toHaveLength(3)
    loads[2]?.resolve(version('v3'))
    await settle()
    expect((await cache.get()).data.taxonomy.name).toBe('v3')
    // The abandoned reload settling late with older rows does not replace newer ones.
    loads[1]?.resolve(version('v2-late'))
    await settle()
    expect((await cache.get()).data.taxonomy.name).toBe('v3')
  })

  it('a reload begun before refresh() never replaces what refresh() loaded', async () => {
    const { cache, loads, time } = await loadedCache()
    time.advance(MAX_AGE_MS)
    await cache.get()
    const refreshed = cache.refresh()
    loads[2]?.resolve(version('saved'))
    await refreshed
    loads[1]?.resolve(version('before-save'))
    await settle()
    expect((await cache.get()).data.taxonomy.name).toBe('saved')
  })

  it('the first load still falls back to the built-in copy when storage fails', async () => {
    const { source, loads } = manualSource()
    const time = clock()
    const failures: string[] = []
    const cache = createDirectoryCache(source, seed, {
      now: time.now,
      maxAgeMs: MAX_AGE_MS,
      onFailure: (_error, during) => failures.push(during),
    })
    const first = cache.get()
    loads[0]?.reject(new Error('SQLITE_CANTOPEN'))
    expect(await first).toBe(cache.fallback)
    expect(failures).toEqual(['load'])
    expect(cache.reloading()).toBeUndefined()
  })
})
