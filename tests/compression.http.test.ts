import { request } from 'node:http'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loaderScript } from '../src/channels/widget/widgetAssets.generated'
import { SELF_IN_GERMANY, formAnswers } from './support/answerPaths'
import { answerAll } from './support/formConversation'
import { startNodeServer } from './support/startNodeServer'

// Compression as it leaves the real Node server, read off the socket with node:http (which, unlike
// fetch, decodes nothing): the encoding, a Content-Length that is the compressed length, and a
// body that decodes to the page. Prints each response's bytes raw, gzip and brotli.

let server: Awaited<ReturnType<typeof startNodeServer>>
beforeAll(async () => {
  server = await startNodeServer()
})
afterAll(async () => server?.stop())

interface Wire {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}

/** One request as a browser makes it, the body exactly as sent. */
function send(path: string, encoding: string | undefined, post?: { type: string; body: string }): Promise<Wire> {
  const url = new URL(path, server.base)
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: post ? 'POST' : 'GET',
        headers: { ...(encoding ? { 'accept-encoding': encoding } : {}), ...(post ? { 'content-type': post.type } : {}) },
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }))
      },
    )
    outgoing.on('error', reject)
    outgoing.end(post?.body)
  })
}

const decoded = (wire: Wire) => {
  const coding = wire.headers['content-encoding']
  return (coding === 'br' ? brotliDecompressSync(wire.body) : coding === 'gzip' ? gunzipSync(wire.body) : wire.body).toString('utf8')
}

describe('compression on the wire (Node)', () => {
  it('the landing page, a results page, widget.js and a JSON turn: br and gzip as asked, none when not asked', async () => {
    const pages = await answerAll(server.base, formAnswers(SELF_IN_GERMANY))
    const results = pages.at(-1)
    expect(results?.html).toContain('data-service')
    const resultsForm = new URLSearchParams({ state: pages.at(-2)?.state ?? '', action: 'answer', answer: SELF_IN_GERMANY.anonymity })
    const cases: [string, (encoding: string | undefined) => Promise<Wire>, string][] = [
      ['landing page', (encoding) => send('/?lang=en', encoding), 'text/html'],
      [
        'results page',
        (encoding) => send('/turn', encoding, { type: 'application/x-www-form-urlencoded', body: resultsForm.toString() }),
        'text/html',
      ],
      ['widget.js', (encoding) => send('/widget.js', encoding), 'text/javascript'],
      [
        'JSON turn',
        (encoding) => send('/api/v1/turn', encoding, { type: 'application/json', body: JSON.stringify({ action: 'urgent', ui: 'en' }) }),
        'application/json',
      ],
    ]
    const figures: string[] = []
    for (const [name, fetchIt, type] of cases) {
      const plain = await fetchIt(undefined)
      expect(plain.status, name).toBe(200)
      expect(plain.headers['content-type'], name).toContain(type)
      expect(plain.headers['content-encoding'], name).toBeUndefined()
      const sizes = [plain.body.length]
      for (const coding of ['gzip', 'br']) {
        const wire = await fetchIt(coding === 'br' ? 'gzip, deflate, br' : 'gzip, deflate')
        expect(wire.headers['content-encoding'], `${name} ${coding}`).toBe(coding)
        expect(wire.headers.vary, `${name} ${coding}`).toMatch(/accept-encoding/i)
        expect(Number(wire.headers['content-length']), `${name} ${coding}`).toBe(wire.body.length)
        const text = decoded(wire)
        if (name === 'widget.js') expect(text).toBe(loaderScript)
        else if (type === 'application/json') expect(JSON.parse(text)).toHaveProperty('urgent')
        else expect(text).toMatch(name === 'results page' ? /data-service/ : /id="question"/)
        expect(wire.body.length, `${name} ${coding}`).toBeLessThan(plain.body.length / 2)
        sizes.push(wire.body.length)
      }
      figures.push(`${name}: raw ${sizes[0]} B, gzip ${sizes[1]} B, br ${sizes[2]} B`)
    }
    process.stdout.write(`compressed sizes:\n  ${figures.join('\n  ')}\n`)
  }, 30_000)
})
