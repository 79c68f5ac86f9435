import { AsyncLocalStorage } from 'node:async_hooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { jsonConversation } from './support/jsonConversation'
import { startNodeServer } from './support/startNodeServer'

// Issue 18: hono/jsx's toString() renders inside an AsyncLocalStorage, and on Node 20 its first run()
// switches on promise hooks for the rest of the process (about 10% of every turn's CPU). Every page
// is rendered with renderHtml and the special tags with rawElement, so no page, public or console,
// ever calls AsyncLocalStorage.run. Observed, not mocked: the real run() is called through.

const calls: string[] = []
const realRun = AsyncLocalStorage.prototype.run
let server: Awaited<ReturnType<typeof startNodeServer>>

beforeAll(async () => {
  AsyncLocalStorage.prototype.run = function observedRun<R>(
    this: AsyncLocalStorage<unknown>,
    store: unknown,
    callback: (...args: unknown[]) => R,
    ...args: unknown[]
  ): R {
    calls.push(new Error().stack?.split('\n').slice(2, 5).join(' < ') ?? '?')
    return realRun.call<AsyncLocalStorage<unknown>, [unknown, (...args: unknown[]) => R, ...unknown[]], R>(this, store, callback, ...args)
  }
  server = await startNodeServer()
})
afterAll(async () => {
  AsyncLocalStorage.prototype.run = realRun
  await server.stop()
})

const form = (body: Record<string, string>, path = '/turn') =>
  fetch(`${server.base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(body).toString(),
  })

describe('pages rendered without AsyncLocalStorage', () => {
  it('every public page, the widget panel, the demo, errors and the console login', async () => {
    const { last } = await jsonConversation(server.base, [['self'], ['adult'], ['DE'], ['de'], ['nothing_happened'], ['phone', 'chat']])
    const responses = [
      await fetch(`${server.base}/?lang=ar`),
      await fetch(`${server.base}/urgent?country=DE`),
      await fetch(`${server.base}/privacy?lang=de`),
      await fetch(`${server.base}/safety`),
      await fetch(`${server.base}/demo`),
      await fetch(`${server.base}/widget/panel?partner=demo-helpline`),
      await fetch(`${server.base}/no-such-page`),
      await fetch(`${server.base}/admin/login`),
      await form({ state: last.state, action: 'answer', answer: 'matters' }),
      await form({ state: last.state, action: 'answer', answer: 'matters', w_partner: 'demo-helpline' }, '/widget/turn'),
      await form({ state: 'broken', action: 'answer', answer: 'typed words' }),
    ]
    const pages = await Promise.all(responses.map((response) => response.text()))
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200, 200, 404, 200, 200, 200, 200])
    for (const page of pages) expect(page).toMatch(/^<!DOCTYPE html><html[^>]*><head><meta charset="utf-8"\/>/)
    // The widget's forms still post to the widget, with its settings (FormTargetScope).
    expect(pages[9]).toContain('action="/widget/turn"')
    expect(pages[9]).toContain('name="w_partner" value="demo-helpline"')
    expect(pages[8]).not.toContain('action="/widget/turn"')
    // The demo's own widget script is in its head, as hono/jsx placed it.
    expect(pages[4]).toMatch(
      /<script nonce="[^"]+" src="\/widget.js\?v=[0-9a-f]{16}" data-partner="demo-helpline" data-color="#2e4a3f" async=""><\/script><\/head>/,
    )
    expect(calls).toEqual([])
  })
})
