import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NONCE_SLOT, TOKEN_SLOT } from '../src/channels/shared/renderedParts'
import { jsonConversation } from './support/jsonConversation'
import { startNodeServer } from './support/startNodeServer'
import { jsonReplies, SELF_IN_GERMANY } from './support/answerPaths'

// Issue 18 over HTTP: a remembered turn is served with a fresh seal and the response's own nonce,
// the same bytes otherwise; the stand-ins never reach a person.

let server: Awaited<ReturnType<typeof startNodeServer>>
beforeAll(async () => {
  server = await startNodeServer()
})
afterAll(() => server.stop())

/** Up to the last question (anonymity). */
const REPLIES = jsonReplies(SELF_IN_GERMANY).slice(0, -1)

async function postHtml(body: Record<string, string>) {
  const response = await fetch(`${server.base}/turn`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(body).toString(),
  })
  return { response, html: await response.text() }
}

const nonceInPolicy = (response: Response) => /script-src 'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1]

describe('remembered turns over HTTP (issue 18)', () => {
  it('the JSON turn: the same view each time, a new token each time, no stand-in', async () => {
    const { last } = await jsonConversation(server.base, REPLIES)
    const bodies: string[] = []
    for (let i = 0; i < 3; i += 1) {
      const response = await fetch(`${server.base}/api/v1/turn`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ state: last.state, action: 'answer', reply: ['matters'] }),
      })
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toMatch(/^application\/json/)
      bodies.push(await response.text())
    }
    const views = bodies.map((body) => JSON.parse(body) as { state: string; step: { outcome: string } })
    expect(new Set(views.map((view) => view.state)).size).toBe(3)
    expect(views.every((view) => view.step.outcome === 'results')).toBe(true)
    const withoutState = views.map((view) => JSON.stringify({ ...view, state: '' }))
    expect(new Set(withoutState).size).toBe(1)
    for (const body of bodies) {
      expect(body).not.toContain(TOKEN_SLOT)
      expect(body).not.toContain(NONCE_SLOT)
    }
  })

  it('the HTML page: each response carries its own nonce, in the page and in its policy, and its own token', async () => {
    const { last } = await jsonConversation(server.base, REPLIES)
    const pages = [
      await postHtml({ state: last.state, action: 'answer', answer: 'matters' }),
      await postHtml({ state: last.state, action: 'answer', answer: 'matters' }),
    ]
    const nonces = pages.map(({ response }) => nonceInPolicy(response))
    expect(nonces[0]).toBeTruthy()
    expect(nonces[0]).not.toBe(nonces[1])
    pages.forEach(({ response, html }, i) => {
      expect(response.status).toBe(200)
      expect(html).not.toContain(TOKEN_SLOT)
      expect(html).not.toContain(NONCE_SLOT)
      const inPage = [...html.matchAll(/nonce="([^"]+)"/g)].map((match) => match[1])
      expect(inPage.length).toBeGreaterThan(1)
      expect(new Set(inPage)).toEqual(new Set([nonces[i]]))
    })
    const tokens = pages.map(({ html }) => new Set([...html.matchAll(/name="state" value="([^"]+)"/g)].map((match) => match[1])))
    expect(tokens[0]?.size).toBe(1)
    expect([...(tokens[0] ?? [])]).not.toEqual([...(tokens[1] ?? [])])
  })

  it('the information pages are rendered once, each response with its own nonce', async () => {
    const [a, b] = [await fetch(`${server.base}/privacy?lang=sv`), await fetch(`${server.base}/privacy?lang=sv`)]
    const [pageA, pageB] = [await a.text(), await b.text()]
    expect(nonceInPolicy(a)).not.toBe(nonceInPolicy(b))
    expect(pageA).toContain(`nonce="${nonceInPolicy(a)}"`)
    expect(pageB).toContain(`nonce="${nonceInPolicy(b)}"`)
    expect(pageA.replaceAll(nonceInPolicy(a) ?? '-', '')).toBe(pageB.replaceAll(nonceInPolicy(b) ?? '-', ''))
    expect(pageA).toContain('lang="sv"')
  })
})
