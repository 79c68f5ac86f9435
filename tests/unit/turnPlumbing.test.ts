import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { fillParts, NONCE_SLOT, TOKEN_SLOT, toParts } from '../../src/channels/shared/renderedParts'
import { readFormBody } from '../../src/channels/web/readFormBody'
import { fromBase64url, toBase64url } from '../../src/core/state/base64url'
import { randomBytes } from '../../src/core/state/randomBytes'
import type { LogLine } from '../../src/middleware/privacyLogger'
import { batchedStdoutSink } from '../../src/runtime/batchedStdoutSink'

// Issue 18's plumbing: pooled random bytes, the form read without formData(), the log written in
// batches, and renderings split at their stand-ins (`npm start` running the bundled server: tests/npmStart.test.ts).

describe('randomBytes', () => {
  it('hands out fresh bytes of the asked length, across pool refills, never the same twice', () => {
    const seen = new Set<string>()
    for (let i = 0; i < 3000; i += 1) {
      const bytes = randomBytes(i % 3 === 0 ? 16 : 12)
      expect(bytes.length).toBe(i % 3 === 0 ? 16 : 12)
      seen.add(Buffer.from(bytes).toString('hex'))
    }
    expect(seen.size).toBe(3000)
    expect(randomBytes(10_000).length).toBe(10_000)
  })
})

describe('base64url (a table, not btoa)', () => {
  it("writes and reads what Node's own base64url does, for every length", () => {
    for (let length = 0; length < 120; length += 1) {
      const bytes = randomBytes(length)
      const text = toBase64url(bytes)
      expect(text).toBe(Buffer.from(bytes).toString('base64url'))
      expect(Buffer.from(fromBase64url(text) ?? []).equals(Buffer.from(bytes))).toBe(true)
    }
  })

  it('refuses what is not unpadded base64url', () => {
    for (const text of ['a', 'abcde', 'YQ==', 'ab+c', 'ab/c', 'abc!', 'é', 'ab c']) expect(fromBase64url(text), text).toBeUndefined()
  })
})

describe('readFormBody', () => {
  const app = new Hono().post('/', async (c) => c.json((await readFormBody(c.req)) ?? 'unreadable'))
  const post = async (body: BodyInit, type?: string) =>
    (await app.request('/', { method: 'POST', body, headers: type ? { 'content-type': type } : {} })).json()

  it('reads a URL-encoded form as parseBody({ all: true }) would: repeated fields as lists, + as a space', async () => {
    expect(
      await post(
        'state=k1.abc&answer=phone&answer=chat&answer_text=Caf%C3%A9+Z%C3%BCrich&action=answer',
        'application/x-www-form-urlencoded; charset=UTF-8',
      ),
    ).toEqual({
      state: 'k1.abc',
      answer: ['phone', 'chat'],
      answer_text: 'Café Zürich',
      action: 'answer',
    })
  })

  it('still reads multipart forms', async () => {
    const form = new FormData()
    form.append('action', 'answer')
    form.append('answer', 'phone')
    form.append('answer', 'chat')
    expect(await post(form)).toEqual({ action: 'answer', answer: ['phone', 'chat'] })
  })
})

describe('batchedStdoutSink', () => {
  const line = (status: number): LogLine => ({ route: '/turn', method: 'POST', status, ms: 1.5 })

  it('writes the lines of one event-loop iteration in one write, in order, and nothing else', async () => {
    const writes: string[] = []
    const sink = batchedStdoutSink((text) => writes.push(text))
    for (const status of [200, 400, 404]) sink(line(status))
    expect(writes).toEqual([])
    await new Promise((resolve) => setImmediate(resolve))
    expect(writes).toEqual([`${[200, 400, 404].map((status) => JSON.stringify(line(status))).join('\n')}\n`])
  })

  it('a flood in one iteration is counted, not kept', async () => {
    const writes: string[] = []
    const sink = batchedStdoutSink((text) => writes.push(text))
    for (let i = 0; i < 5_010; i += 1) sink(line(200))
    await new Promise((resolve) => setImmediate(resolve))
    const lines = writes.join('').trim().split('\n')
    expect(lines).toHaveLength(5_001)
    expect(lines.at(-1)).toBe('{"dropped":10}')
  })
})

describe('renderedParts', () => {
  it('puts the token and the nonce wherever their stand-ins were, as often as they were', () => {
    const parts = toParts(`<p nonce="${NONCE_SLOT}"><input value="${TOKEN_SLOT}"><a href="/turn?s=${TOKEN_SLOT}">x</a></p>`)
    expect(fillParts(parts, { token: 'k1.AbC-_', nonce: 'n0nce' })).toBe(
      '<p nonce="n0nce"><input value="k1.AbC-_"><a href="/turn?s=k1.AbC-_">x</a></p>',
    )
    expect(fillParts(toParts('no stand-ins'), { token: 't' })).toBe('no stand-ins')
  })
})
