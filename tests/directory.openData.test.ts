import { readFileSync } from 'node:fs'
import { request } from 'node:http'
import { brotliCompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { directoryEntities } from '../src/channels/api/directoryEntities'
import { directoryOpenApi } from '../src/channels/api/directoryOpenApi'
import { indexDirectory } from '../src/core/directory/indexDirectory'
import { InitiativesFileSchema, type Initiative } from '../src/core/directory/initiativeSchema'
import { UrgentHelpFileSchema } from '../src/core/directory/urgentHelpSchema'
import { loadBundledData } from '../src/storage/bundledData'
import { startNodeServer } from './support/startNodeServer'

// The directory as open data, read off a real Node server on loopback (seeded from data/) with
// node:http, which decodes nothing: the exact bytes and headers a client gets.

let server: Awaited<ReturnType<typeof startNodeServer>>
beforeAll(async () => {
  server = await startNodeServer()
})
afterAll(async () => server?.stop())

const records = InitiativesFileSchema.parse(
  JSON.parse(readFileSync(new URL('../data/initiatives.json', import.meta.url), 'utf8')),
).initiatives
const urgent = UrgentHelpFileSchema.parse(JSON.parse(readFileSync(new URL('../data/urgent-help.json', import.meta.url), 'utf8'))).countries

interface Wire {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}

function get(path: string, headers: Record<string, string> = {}): Promise<Wire> {
  return new Promise((resolve, reject) => {
    const outgoing = request(new URL(path, server.base), { headers }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }))
    })
    outgoing.on('error', reject)
    outgoing.end()
  })
}

const json = (wire: Wire) => JSON.parse(wire.body.toString('utf8'))

/** Written out here, not imported: every active record (with or without a way in), or those that list the country. */
function shown(record: Initiative, country?: string): boolean {
  return record.status === 'active' && (country === undefined || record.countries.includes(country))
}

/** The export's record without the fields the open data leaves out; `inferred` is a set. */
function publicFields(record: Initiative) {
  const { statusNote: _note, checkedBy: _checker, ...rest } = record
  return { ...rest, inferred: [...rest.inferred].sort() }
}

/** Served records with `inferred` as a set, to compare with publicFields. */
const asSets = (served: Initiative[]) => served.map((record) => ({ ...record, inferred: [...record.inferred].sort() }))

const ajv = new Ajv2020({ strict: true, allErrors: true })
ajv.addFormat('uri', (text: string) => URL.canParse(text))
ajv.addFormat('date', (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text))
// The component schemas sit where the OpenAPI document puts them, so their own $refs resolve.
ajv.addKeyword('components')
ajv.addSchema({ $id: 'https://helpfinder.example/directory', components: { schemas: directoryOpenApi.schemas } })
const validResponse = ajv.getSchema('https://helpfinder.example/directory#/components/schemas/DirectoryResponse')
const validError = ajv.getSchema('https://helpfinder.example/directory#/components/schemas/DirectoryError')

describe('GET /api/v1/directory (open data)', () => {
  it('serves every record a person can be offered, none that is inactive or unconfirmed, each with its sources', async () => {
    const wire = await get('/api/v1/directory')
    expect(wire.status).toBe(200)
    expect(wire.headers['content-type']).toBe('application/json; charset=utf-8')
    const body = json(wire)
    const expected = records.filter((record) => shown(record))
    expect(expected.length).toBeGreaterThan(50)
    expect(body.initiatives.map((record: Initiative) => record.id)).toEqual(expected.map((record) => record.id))
    // Exactly the export's record, less the omitted fields; nothing else is added or changed.
    expect(asSets(body.initiatives)).toEqual(expected.map(publicFields))
    const served = new Set(body.initiatives.map((record: Initiative) => record.id))
    for (const record of records.filter((record) => record.status !== 'active')) expect(served.has(record.id)).toBe(false)
    for (const record of body.initiatives) {
      expect(record.status).toBe('active')
      expect(record.sources.length).toBeGreaterThanOrEqual(1)
      expect(record).not.toHaveProperty('statusNote')
      expect(record).not.toHaveProperty('checkedBy')
    }
    expect(body.urgentHelp.countries.map((entry: { country: string }) => entry.country)).toEqual(
      urgent.map((entry) => entry.country).sort(),
    )
    expect(JSON.stringify(body.urgentHelp)).not.toContain('checkedBy')
    expect(body.country).toBeNull()
    expect(body.omittedFields).toEqual(['initiatives[].statusNote', 'initiatives[].checkedBy', 'urgentHelp.countries[].lines[].checkedBy'])
    expect(body.licence).toMatchObject({ spdx: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/' })
    expect(body.licence.attribution).toContain('Helpfinder directory')
    const checks = [
      ...records.map((record) => record.lastChecked),
      ...urgent.flatMap((entry) => entry.lines.map((line) => line.lastChecked)),
    ]
    expect(body.newestCheck).toBe(
      checks
        .filter((day) => day !== null)
        .sort()
        .at(-1) ?? null,
    )
    expect(validResponse?.(body), JSON.stringify(validResponse?.errors)).toBe(true)
  })

  it("serves a country's records and urgent lines, whatever the code's case", async () => {
    const upper = await get('/api/v1/directory/DE')
    const lower = await get('/api/v1/directory/de')
    expect(upper.status).toBe(200)
    expect(lower.body.equals(upper.body)).toBe(true)
    expect(lower.headers.etag).toBe(upper.headers.etag)
    const body = json(upper)
    expect(body.country).toBe('DE')
    const expected = records.filter((record) => shown(record, 'DE'))
    expect(expected.length).toBeGreaterThan(3)
    expect(asSets(body.initiatives)).toEqual(expected.map(publicFields))
    for (const record of body.initiatives) expect(record.countries).toContain('DE')
    expect(body.urgentHelp.countries).toHaveLength(1)
    expect(body.urgentHelp.countries[0].country).toBe('DE')
    expect(body.scope).toContain('Online services based elsewhere')
    expect(validResponse?.(body), JSON.stringify(validResponse?.errors)).toBe(true)
  })

  it('may be cached by anyone and read by any site, and keeps the other private headers', async () => {
    for (const path of ['/api/v1/directory', '/api/v1/directory/DE']) {
      const wire = await get(path)
      expect(wire.headers.etag).toMatch(/^"[0-9a-f]+"$/)
      expect(wire.headers['cache-control']).toBe('public, max-age=300')
      expect(wire.headers['access-control-allow-origin']).toBe('*')
      // No honest change date exists in the directory (see README "Open data").
      expect(wire.headers['last-modified']).toBeUndefined()
      expect(wire.headers['x-content-type-options']).toBe('nosniff')
      expect(wire.headers['content-security-policy']).toContain("default-src 'none'")
      expect(wire.headers['set-cookie']).toBeUndefined()
    }
  })

  it('answers If-None-Match with 304 and no body, and a changed tag with the whole body', async () => {
    const first = await get('/api/v1/directory')
    const etag = String(first.headers.etag)
    const again = await get('/api/v1/directory', { 'if-none-match': etag })
    expect(again.status).toBe(304)
    expect(again.body.byteLength).toBe(0)
    expect(again.headers.etag).toBe(etag)
    expect(again.headers['cache-control']).toBe('public, max-age=300')
    // A compressed response's tag is weak (W/"…"); sent back, it still matches.
    const compressed = await get('/api/v1/directory', { 'accept-encoding': 'gzip' })
    expect(compressed.headers['content-encoding']).toBe('gzip')
    expect(compressed.headers.etag).toBe(`W/${etag}`)
    expect(gunzipSync(compressed.body).equals(first.body)).toBe(true)
    expect((await get('/api/v1/directory', { 'if-none-match': `W/${etag}` })).status).toBe(304)
    const stale = await get('/api/v1/directory', { 'if-none-match': '"0"' })
    expect(stale.status).toBe(200)
    expect(stale.body.equals(first.body)).toBe(true)
    expect((await get('/api/v1/directory/DE', { 'if-none-match': etag })).status).toBe(200)
  })

  it('refuses a malformed or unknown country code with a JSON message, never a 500', async () => {
    const cases: [string, number, string][] = [
      ['deu', 400, 'two letters'],
      ['d1', 400, 'two letters'],
      ['%C3%A4%C3%B6', 400, 'two letters'],
      ['xx', 404, 'XX is not an ISO 3166-1 alpha-2 country code'],
      ['AQ', 404, 'holds no services or urgent-help lines for AQ'],
    ]
    for (const [code, status, message] of cases) {
      const wire = await get(`/api/v1/directory/${code}`)
      expect(wire.status, code).toBe(status)
      expect(wire.headers['content-type']).toMatch(/^application\/json/)
      expect(wire.headers['cache-control']).toBe('no-store')
      expect(wire.headers['set-cookie']).toBeUndefined()
      const body = json(wire)
      expect(body.error.status).toBe(status)
      expect(body.error.message).toContain(message)
      expect(validError?.(body), JSON.stringify(validError?.errors)).toBe(true)
    }
  })

  it('gives the same bytes from storage (the SQLite file served here) as from the built-in copy, so the same ETag', async () => {
    const builtIn = directoryEntities()(indexDirectory(loadBundledData()), null)
    const wire = await get('/api/v1/directory')
    expect(wire.body.toString('utf8')).toBe(builtIn.body)
    expect(wire.headers.etag).toBe(builtIn.etag)
  })

  it('gives the same bytes to every request, and prints its size', async () => {
    const [a, b] = [await get('/api/v1/directory'), await get('/api/v1/directory')]
    expect(a.body.equals(b.body)).toBe(true)
    const sent = {
      gzip: (await get('/api/v1/directory', { 'accept-encoding': 'gzip' })).body.byteLength,
      br: (await get('/api/v1/directory', { 'accept-encoding': 'br' })).body.byteLength,
    }
    expect(sent.gzip).toBeLessThan(a.body.byteLength / 3)
    const de = await get('/api/v1/directory/DE')
    process.stdout.write(
      `open-data directory: ${json(a).initiatives.length} records, ${a.body.byteLength} bytes raw, ` +
        `gzip ${sent.gzip} (gzip -6 ${gzipSync(a.body).byteLength}), br ${sent.br} (br default ${brotliCompressSync(a.body).byteLength}) as sent; ` +
        `DE: ${json(de).initiatives.length} records, ${de.body.byteLength} bytes raw\n`,
    )
  })
})
