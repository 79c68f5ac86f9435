import { describe, expect, it } from 'vitest'
import { useInProcessApp } from '../support/useInProcessApp'
import { langOf, stepOf } from '../support/pageFacts'

// With JavaScript off, Back to a step the browser got by POST shows "Confirm Form Resubmission"
// (Chrome) or "Document Expired" (Firefox, Tor Browser); confirming sends exactly the same body
// again, with the same (older) token. That must show the same step again, 200, no error. With
// JavaScript on, the history script sends the same body again on Back and Forward, so the same holds.

const node = useInProcessApp('repost')

interface Page {
  status: number
  html: string
  state: string
}

const stateOf = (html: string) => /name="state" value="([^"]+)"/.exec(html)?.[1] ?? ''

async function post(fields: [string, string][]): Promise<Page> {
  const response = await node.app.request('/turn', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'en-GB' },
    body: new URLSearchParams(fields),
  })
  const html = await response.text()
  return { status: response.status, html, state: stateOf(html) }
}

/** What a person sees: the page without what differs per response (the fresh seal and the CSP nonce). */
const seen = (html: string) => html.replace(/name="state" value="[^"]+"/g, 'name="state" value="…"').replace(/nonce="[^"]+"/g, 'nonce="…"')
const headingOf = (html: string) => /<h1[^>]*>([^<]*)</.exec(html)?.[1]

/** The start page, then "self" and "adult": the country question, with the token it carries. */
async function atCountry(): Promise<Page> {
  const start = await node.app.request('/?lang=en')
  let page: Page = { status: start.status, html: await start.text(), state: '' }
  page.state = stateOf(page.html)
  for (const answer of ['self', 'adult']) {
    if (stepOf(page.html) === 'country') break
    page = await post([
      ['state', page.state],
      ['action', 'answer'],
      ['answer', answer],
    ])
  }
  expect(stepOf(page.html)).toBe('country')
  return page
}

describe('a form posted again, exactly as before (Back, then "resubmit")', () => {
  const cases: { name: string; fields: (state: string) => [string, string][]; expect: (page: Page) => void }[] = [
    {
      name: 'an answer (a country typed)',
      fields: (state) => [
        ['state', state],
        ['answer_text', 'Deutschland'],
        ['action', 'answer'],
      ],
      expect: (page) => expect(stepOf(page.html)).toBe('language'),
    },
    {
      name: 'Back',
      fields: (state) => [
        ['state', state],
        ['action', 'back'],
      ],
      expect: (page) => expect(stepOf(page.html)).not.toBe('country'),
    },
    {
      name: 'urgent help',
      fields: (state) => [
        ['state', state],
        ['action', 'urgent'],
      ],
      expect: (page) => expect(page.html).toContain('<h1 id="urgent-title"'),
    },
    {
      name: "urgent help's question answered",
      fields: (state) => [
        ['state', state],
        ['action', 'urgent'],
        ['urgent_reason', 'child_danger'],
      ],
      expect: (page) => expect(page.html).toContain('class="call-first"'),
    },
    {
      name: 'a language change',
      fields: (state) => [
        ['state', state],
        ['ui', 'de'],
        ['action', 'language'],
      ],
      expect: (page) => {
        expect(langOf(page.html)).toBe('de')
        expect(stepOf(page.html)).toBe('country')
      },
    },
  ]

  it.each(cases)('$name: the same step again, 200, no error', async ({ fields, expect: expectStep }) => {
    const from = await atCountry()
    const first = await post(fields(from.state))
    const again = await post(fields(from.state))
    for (const page of [first, again]) {
      expect(page.status).toBe(200)
      expectStep(page)
      expect(page.html).not.toContain('class="notice"')
      expect(page.html).not.toContain('id="answer-error"')
    }
    expect(headingOf(again.html)).toBe(headingOf(first.html))
    expect(seen(again.html)).toBe(seen(first.html))
    // A fresh seal each time: the token itself is never the same twice.
    expect(again.state).not.toBe(first.state)
  })

  it('posted again after the person carried on from it, still the same step', async () => {
    const from = await atCountry()
    const body: [string, string][] = [
      ['state', from.state],
      ['answer_text', 'Deutschland'],
      ['action', 'answer'],
    ]
    const first = await post(body)
    // The person carried on from there, then came back with Back and resubmitted.
    await post([
      ['state', first.state],
      ['answer_text', 'Deutsch'],
      ['action', 'answer'],
    ])
    for (let time = 0; time < 2; time += 1) expect(seen((await post(body)).html)).toBe(seen(first.html))
  })
})
