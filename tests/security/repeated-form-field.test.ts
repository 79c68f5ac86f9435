import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as z from 'zod'
import { openStart, postForm, type FormPage } from '../support/formConversation'
import { stepOf, telLinksOf } from '../support/pageFacts'
import { startNodeServer } from '../support/startNodeServer'

// Fault run finding: posting `state=<token>&state=<token>&answer=…` to /turn gave 400 on question 1
// while the page said "You can carry on from here". A single-value field sent twice now counts as
// its first value, and the person stays where they were (the web form, the widget, the JSON API).

let server: Awaited<ReturnType<typeof startNodeServer>>
beforeAll(async () => {
  server = await startNodeServer()
})
afterAll(async () => server.stop())

const badRequest = (lang: string) =>
  z
    .object({ error: z.object({ bad_request: z.string() }) })
    .parse(JSON.parse(readFileSync(new URL(`../../locales/${lang}/translation.json`, import.meta.url), 'utf8'))).error.bad_request
const carryOn = badRequest('en')

/** Question 2 (the country), reached by posting forms like a browser without JavaScript. */
async function questionTwo(path = '/turn', start = '/'): Promise<FormPage> {
  const first = await openStart(server.base, {}, start)
  expect(stepOf(first.html)).toBe('asker')
  const hidden = Object.fromEntries(
    [...first.html.matchAll(/<input type="hidden" name="(w_[a-z]+)" value="([^"]*)"/g)].map((match) => [match[1] ?? '', match[2] ?? '']),
  )
  // "Someone I know" goes straight to the country ("Me" asks the age first).
  const second = await postForm(server.base, { ...hidden, state: first.state, action: 'answer', answer: 'someone' }, {}, path)
  expect(second.status).toBe(200)
  expect(stepOf(second.html)).toBe('country')
  return second
}

/** The page's fields as one repeated-field form body, exactly as the fault run sent it. */
async function postRaw(body: string, path = '/turn', headers: Record<string, string> = {}): Promise<FormPage> {
  const response = await fetch(`${server.base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body,
  })
  const html = await response.text()
  return { status: response.status, html, headers: response.headers, state: /name="state" value="([^"]+)"/.exec(html)?.[1] ?? '' }
}

const field = (name: string, value: string) => `${name}=${encodeURIComponent(value)}`

describe('a single-value form field sent twice (/turn)', () => {
  it('the state twice with the same answer: 200 and question 3, not 400 on question 1', async () => {
    const page = await questionTwo()
    const next = await postRaw([field('state', page.state), field('state', page.state), field('answer', 'DE')].join('&'))
    expect(next.status).toBe(200)
    expect(stepOf(next.html)).toBe('language')
    expect(next.html).not.toContain(carryOn)
  })

  it('two different states: the first one is the person’s place', async () => {
    const page = await questionTwo()
    const start = await openStart(server.base)
    const next = await postRaw(
      [field('state', page.state), field('state', start.state), field('action', 'answer'), field('answer', 'DE')].join('&'),
    )
    expect(next.status).toBe(200)
    expect(stepOf(next.html)).toBe('language')
  })

  it('the action twice', async () => {
    const page = await questionTwo()
    const next = await postRaw(
      [field('state', page.state), field('action', 'answer'), field('action', 'answer'), field('answer', 'DE')].join('&'),
    )
    expect(next.status).toBe(200)
    expect(stepOf(next.html)).toBe('language')
  })

  it('the interface language twice', async () => {
    const page = await questionTwo()
    const next = await postRaw([field('state', page.state), field('action', 'language'), field('ui', 'de'), field('ui', 'fr')].join('&'))
    expect(next.status).toBe(200)
    expect(stepOf(next.html)).toBe('country')
    expect(next.html).toMatch(/<html[^>]*lang="de"/)
  })

  it('the urgent country twice: the first country’s numbers', async () => {
    const page = await questionTwo()
    const next = await postRaw(
      [field('state', page.state), field('action', 'urgent'), field('urgent_country', 'AU'), field('urgent_country', 'DE')].join('&'),
    )
    expect(next.status).toBe(200)
    expect(next.html).not.toContain(carryOn)
    // 000 is Australia's emergency number: the first value chose the country.
    expect(telLinksOf(next.html)).toContain('000')
  })

  it('a malformed form with the state twice still keeps the place, in the conversation’s language, and says so', async () => {
    const page = await questionTwo()
    const next = await postRaw(
      [field('state', page.state), field('state', page.state), field('action', 'no-such-action')].join('&'),
      '/turn',
      { 'accept-language': 'fr' },
    )
    expect(next.status).toBe(400)
    expect(stepOf(next.html)).toBe('country')
    expect(next.html).toMatch(/<html[^>]*lang="en"/)
    expect(next.html).toContain(carryOn)
  })
})

describe('a single-value form field sent twice (/widget/turn)', () => {
  it('the state twice: 200 and question 3, with the widget’s settings kept', async () => {
    const page = await questionTwo('/widget/turn', '/widget/panel?partner=demo-helpline')
    const body = [
      field('w_partner', 'demo-helpline'),
      field('w_partner', 'demo-helpline'),
      field('state', page.state),
      field('state', page.state),
      field('answer', 'DE'),
    ]
    const next = await postRaw(body.join('&'), '/widget/turn')
    expect(next.status).toBe(200)
    expect(stepOf(next.html)).toBe('language')
    expect(next.html).toContain('name="w_partner" value="demo-helpline"')
  })

  it('the action and the urgent country twice', async () => {
    const page = await questionTwo('/widget/turn', '/widget/panel')
    const next = await postRaw(
      [
        field('state', page.state),
        field('action', 'urgent'),
        field('action', 'urgent'),
        field('urgent_country', 'AU'),
        field('urgent_country', 'DE'),
      ].join('&'),
      '/widget/turn',
    )
    expect(next.status).toBe(200)
    expect(telLinksOf(next.html)).toContain('000')
  })
})

describe('a malformed JSON body (/api/v1/turn)', () => {
  const ApiView = z.object({ state: z.string().min(1), step: z.object({ nodeId: z.string() }), notice: z.string().optional() })
  const api = async (body: string, lang = 'fr') => {
    const response = await fetch(`${server.base}/api/v1/turn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': lang },
      body,
    })
    return { status: response.status, view: ApiView.parse(await response.json()) }
  }

  it('keeps the state and answers with a localised 400', async () => {
    const started = await api(JSON.stringify({ action: 'start', ui: 'fr' }))
    const second = await api(JSON.stringify({ state: started.view.state, reply: 'someone' }))
    expect(second.view.step.nodeId).toBe('country')
    for (const bad of [
      { state: second.view.state, action: 'no-such-action' },
      { state: second.view.state, reply: 5 },
      { state: second.view.state, reply: ['DE'], ui: ['de', 'fr'] },
    ]) {
      const answer = await api(JSON.stringify(bad))
      expect(answer.status, JSON.stringify(bad)).toBe(400)
      expect(answer.view.step.nodeId).toBe('country')
      expect(answer.view.notice).toBe(badRequest('fr'))
    }
  })

  it('a body that is not JSON: a localised 400 from the start', async () => {
    const answer = await api('state=abc&state=abc', 'de')
    expect(answer.status).toBe(400)
    expect(answer.view.step.nodeId).toBe('asker')
    expect(answer.view.notice).toBe(badRequest('de'))
  })
})
