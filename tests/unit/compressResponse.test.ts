import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from 'node:zlib'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { loaderScript } from '../../src/channels/widget/widgetAssets.generated'
import { acceptedEncoding } from '../../src/runtime/acceptedEncoding'
import { useInProcessApp } from '../support/useInProcessApp'
import { compressResponse, MIN_COMPRESSED_BYTES } from '../../src/runtime/compressResponse'

// The Node server compresses text above 1 KB with brotli or gzip, as the request allows, and
// leaves alone what must not be touched (HEAD, 304, small bodies, the curator console). The same
// app as `npm start` serves, through app.request (no socket).

const node = useInProcessApp('compress')

const request = (path: string, headers: Record<string, string> = {}, init: RequestInit = {}) =>
  node.app.request(path, { ...init, headers: { ...headers, ...(init.headers as Record<string, string> | undefined) } })
const bytes = async (response: Response) => Buffer.from(await response.arrayBuffer())
const decode = (coding: string | null, body: Buffer) =>
  (coding === 'br' ? brotliDecompressSync(body) : coding === 'gzip' ? gunzipSync(body) : body).toString('utf8')

describe('acceptedEncoding', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['identity', undefined],
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=1, br;q=0.5', 'gzip'],
    ['br;q=0.8, gzip;q=0.8', 'br'],
    ['*', 'br'],
    ['*;q=0', undefined],
    ['deflate', undefined],
    ['GZIP', 'gzip'],
  ])('%s → %s', (header, expected) => {
    expect(acceptedEncoding(header)).toBe(expected)
  })
})

describe('compression on the Node server', () => {
  it.each([
    ['br', 'gzip, deflate, br'],
    ['gzip', 'gzip, deflate'],
  ])('the landing page in %s: smaller, decodes to the page, Vary and no Content-Length', async (coding, accept) => {
    const response = await request('/?lang=en', { 'accept-encoding': accept })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-encoding')).toBe(coding)
    expect(response.headers.get('vary')).toMatch(/accept-encoding/i)
    expect(response.headers.get('content-length')).toBeNull()
    // Still every private header: compression changes the body, nothing else.
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    const body = await bytes(response)
    const html = decode(coding, body)
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
    expect(html).toContain('id="question"')
    const plain = await (await request('/?lang=en')).text()
    expect(body.length).toBeLessThan(Buffer.byteLength(plain) / 2)
    // The same page but for its per-response nonce and state token.
    expect(Math.abs(html.length - plain.length)).toBeLessThan(8)
  })

  it('a JSON turn, compressed, decodes to the same JSON', async () => {
    const turn = (accept?: string) =>
      request('/api/v1/turn', accept ? { 'accept-encoding': accept } : {}, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'urgent', ui: 'en', urgentCountry: 'DE' }),
      })
    const compressed = await turn('br')
    expect(compressed.headers.get('content-encoding')).toBe('br')
    expect(compressed.headers.get('content-type')).toMatch(/^application\/json/)
    const decoded = JSON.parse(decode('br', await bytes(compressed)))
    const plain = await (await turn()).json()
    expect({ ...decoded, state: '' }).toEqual({ ...plain, state: '' })
  })

  it('widget.js, compressed, decodes to the loader exactly; its validator becomes weak', async () => {
    for (const coding of ['br', 'gzip']) {
      const response = await request('/widget.js', { 'accept-encoding': coding })
      expect(response.headers.get('content-encoding')).toBe(coding)
      expect(response.headers.get('etag')).toMatch(/^W\/"/)
      expect(response.headers.get('cache-control')).toBe('public, max-age=300')
      expect(response.headers.get('vary')).toBe('Accept-Encoding')
      expect(decode(coding, await bytes(response))).toBe(loaderScript)
    }
  })

  it('nothing is compressed without Accept-Encoding, for HEAD, or for a 304', async () => {
    const plain = await request('/?lang=en')
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect((await plain.text()).startsWith('<!DOCTYPE html>')).toBe(true)
    const head = await request('/?lang=en', { 'accept-encoding': 'br' }, { method: 'HEAD' })
    expect(head.headers.get('content-encoding')).toBeNull()
    const etag = (await request('/widget.js')).headers.get('etag') ?? ''
    const notModified = await request('/widget.js', { 'accept-encoding': 'br', 'if-none-match': etag })
    expect(notModified.status).toBe(304)
    expect(notModified.headers.get('content-encoding')).toBeNull()
    expect((await bytes(notModified)).length).toBe(0)
  })

  it('the curator console is never compressed (its pages hold a CSRF token next to reflected text)', async () => {
    const login = await request('/admin/login', { 'accept-encoding': 'gzip, br' })
    expect(login.status).toBe(200)
    expect((await bytes(login)).length).toBeGreaterThan(MIN_COMPRESSED_BYTES)
    expect(login.headers.get('content-encoding')).toBeNull()
  })
})

describe('what compressResponse leaves alone', () => {
  const text = 'Helpfinder '.repeat(200)
  const app = new Hono()
  app.use(compressResponse({ skip: (path) => path.startsWith('/skipped') }))
  app.get('/small', (c) => c.text('x'.repeat(MIN_COMPRESSED_BYTES)))
  app.get('/large', (c) => c.text(text))
  app.get('/skipped', (c) => c.text(text))
  app.get('/image', (c) => c.body(text, 200, { 'content-type': 'image/svg+xml' }))
  app.get('/encoded', (c) => c.body(text, 200, { 'content-type': 'text/plain', 'content-encoding': 'identity' }))
  app.get('/no-transform', (c) => c.body(text, 200, { 'content-type': 'text/plain', 'cache-control': 'no-store, no-transform' }))
  app.get('/cookie', (c) => c.body(text, 200, { 'content-type': 'text/plain', 'set-cookie': 'a=b' }))
  app.get('/empty', (c) => c.body(null, 204))
  const get = (path: string) => app.request(path, { headers: { 'accept-encoding': 'br, gzip' } })

  it('compresses a large text body', async () => {
    const response = await get('/large')
    expect(response.headers.get('content-encoding')).toBe('br')
    expect(decode('br', await bytes(response))).toBe(text)
  })

  it.each([['/small'], ['/skipped'], ['/image'], ['/encoded'], ['/no-transform'], ['/cookie'], ['/empty']])(
    '%s is sent as it is',
    async (path) => {
      const response = await get(path)
      expect(response.headers.get('content-encoding') ?? 'none').not.toMatch(/br|gzip/)
      const body = await bytes(response)
      expect(body.toString('utf8')).toBe(path === '/small' ? 'x'.repeat(MIN_COMPRESSED_BYTES) : path === '/empty' ? '' : text)
    },
  )
})

describe('shared (cacheable) bodies', () => {
  // Varied JSON-like text, so the levels really differ in size.
  const text = (bytes: number) =>
    Array.from({ length: Math.ceil(bytes / 60) }, (_, n) => `{"id":"record-${n}","name":"Service ${(n * 7919) % 10007}"},`)
      .join('')
      .slice(0, bytes)
  const small = text(20_000)
  const large = text(250_000)
  const app = new Hono()
  app.use(compressResponse())
  const shared = { 'content-type': 'application/json', 'cache-control': 'public, max-age=300' }
  app.get('/small', (c) => c.body(small, 200, { ...shared, etag: '"s1"' }))
  app.get('/large', (c) => c.body(large, 200, { ...shared, etag: '"l1"' }))
  const brotliAt = (body: string, quality: number) =>
    brotliCompressSync(Buffer.from(body), {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: quality,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(body),
      },
    })
  const get = (path: string) => app.request(path, { headers: { 'accept-encoding': 'br' } })

  it('a small shared body gets the best level (compressed once, then kept)', async () => {
    const body = await bytes(await get('/small'))
    expect(body.equals(brotliAt(small, 11))).toBe(true)
    expect((await bytes(await get('/small'))).equals(body)).toBe(true)
  })

  it('a large shared body (the open-data directory) gets the fast level, never a long stall at level 11', async () => {
    const body = await bytes(await get('/large'))
    expect(body.equals(brotliAt(large, 5))).toBe(true)
    expect(decode('br', body)).toBe(large)
  })
})
