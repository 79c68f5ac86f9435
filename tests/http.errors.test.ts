import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStart } from './support/formConversation'
import { stepOf, telLinksOf } from './support/pageFacts'
import { startNodeServer } from './support/startNodeServer'

// The edge: oversized bodies, unknown routes and broken JSON get a clear answer, never a 500.
let server: Awaited<ReturnType<typeof startNodeServer>>
beforeAll(async () => {
  server = await startNodeServer()
})
afterAll(async () => {
  await server.stop()
})

/** A POST whose body is streamed in chunks without a Content-Length. */
function postChunked(path: string, chunks: string[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, server.base)
    const request = httpRequest(
      url,
      { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked' } },
      (response) => {
        let body = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (body += chunk))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
      },
    )
    request.on('error', reject)
    for (const chunk of chunks) request.write(chunk)
    request.end()
  })
}

describe('request size limit', () => {
  it('a body declared over 64 KiB gets 413 with a page that still shows urgent help', async () => {
    const response = await fetch(`${server.base}/turn`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `state=&action=answer&answer_text=${'a'.repeat(70 * 1024)}`,
    })
    expect(response.status).toBe(413)
    const html = await response.text()
    expect(html).toContain('href="/"')
    expect(html).toContain('class="urgent-panel"')
  })

  it('a chunked body over the limit is refused too', async () => {
    const { status } = await postChunked('/turn', ['action=answer&answer_text=', ...Array.from({ length: 80 }, () => 'b'.repeat(1024))])
    expect(status).toBe(413)
  })

  it('a small chunked body is accepted', async () => {
    const start = await openStart(server.base)
    const { status, body } = await postChunked('/turn', [`state=${encodeURIComponent(start.state)}&`, 'action=answer&answer=self'])
    expect(status).toBe(200)
    expect(stepOf(body)).toBe('age')
  })

  it('the JSON API answers 413 as JSON', async () => {
    const response = await fetch(`${server.base}/api/v1/turn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reply: 'x'.repeat(70 * 1024) }),
    })
    expect(response.status).toBe(413)
    const body: unknown = await response.json()
    expect(body).toMatchObject({ error: { status: 413 } })
  })
})

describe('unknown routes and broken input', () => {
  it('an unknown page is a 404 with a way back and the EU emergency number', async () => {
    const response = await fetch(`${server.base}/no-such-page`, { headers: { 'accept-language': 'de' } })
    expect(response.status).toBe(404)
    const html = await response.text()
    expect(html).toContain('lang="de"')
    expect(html).toContain('href="/"')
    expect(html).toContain('112')
  })

  it('broken JSON gets 400, a localised notice and the first question, not a stack trace', async () => {
    const response = await fetch(`${server.base}/api/v1/turn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'nl' },
      body: '{"state": ',
    })
    expect(response.status).toBe(400)
    const view: unknown = await response.json()
    expect(view).toMatchObject({ ui: 'nl', step: { nodeId: 'asker' } })
    expect(JSON.stringify(view)).not.toMatch(/at \w+ \(|node_modules|SyntaxError/)
  })

  it('a wrong field type in the API keeps the person’s place', async () => {
    const first = await fetch(`${server.base}/api/v1/turn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'start' }),
    })
    const { state } = (await first.json()) as { state: string }
    const second = await fetch(`${server.base}/api/v1/turn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ state, action: 'answer', reply: ['someone'] }),
    })
    const afterAnswer = (await second.json()) as { state: string }
    const bad = await fetch(`${server.base}/api/v1/turn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ state: afterAnswer.state, action: 'answer', reply: 42 }),
    })
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ step: { nodeId: 'country' } })
  })

  it('the urgent page works on its own, without a conversation', async () => {
    const response = await fetch(`${server.base}/urgent?country=DE`)
    expect(response.status).toBe(200)
    expect(telLinksOf(await response.text())).toContain('112')
  })
})
