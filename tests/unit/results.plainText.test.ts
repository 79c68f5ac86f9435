import { describe, expect, it } from 'vitest'
import ar from '../../locales/ar/translation.json'
import de from '../../locales/de/translation.json'
import en from '../../locales/en/translation.json'
import { useInProcessApp } from '../support/useInProcessApp'
import { answerPath, formAnswers } from '../support/answerPaths'

// Issue 20: something to keep without JavaScript. The results form's "Plain text version" posts the
// state token to /results.txt and gets the results written out as text/plain: the same words as the
// copy button's, every number and address in full, the urgent numbers, and the private headers.
// A broken or missing token gets the localised page with a way on, never a 500.

const node = useInProcessApp('plaintext')

const GERMANY = formAnswers(answerPath({ channels: ['any'] }))
const stateOf = (html: string) => /name="state" value="([^"]+)"/.exec(html)?.[1] ?? ''
const decode = (html: string) =>
  html
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

const post = (path: string, fields: [string, string][], language = 'en') =>
  node.app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': language },
    body: new URLSearchParams(fields),
  })

/** The results page of a whole conversation, answered form by form as a browser would. */
async function resultsPage(language: string): Promise<string> {
  let html = await (await node.app.request('/', { headers: { 'accept-language': language } })).text()
  for (const answer of GERMANY) {
    const replies = Array.isArray(answer) ? answer : [answer]
    html = await (
      await post(
        '/turn',
        [['state', stateOf(html)], ['action', 'answer'], ...replies.map((reply): [string, string] => ['answer', reply])],
        language,
      )
    ).text()
  }
  expect(html).toContain('<article class="card"')
  return html
}

describe('POST /results.txt', () => {
  it('answers with the results as plain text, with the private headers', async () => {
    const page = await resultsPage('en')
    // The button is in the results form, posting the form's state token here.
    expect(page).toContain(`<button name="action" value="show" formaction="/results.txt">${en.results.plain_text}</button>`)
    const response = await post('/results.txt', [
      ['state', stateOf(page)],
      ['action', 'show'],
    ])
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(response.headers.get('content-disposition')).toBe('inline; filename="services.txt"')
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('referrer-policy')).toBe('no-referrer')
    expect(response.headers.has('set-cookie')).toBe(false)
    const text = await response.text()
    expect(text).not.toMatch(/<[a-z/!]|&[a-z#0-9]+;/i)
    expect(text.split('\n')[0]).toBe(en.flow.results.prompt)
    expect(text).toContain('\nTroubled Desire\n')
    expect(text).toContain(`Online self-help: ${en.results.channel_via_website} https://troubled-desire.com`)
    expect(text).toContain("Präventionsnetzwerk „Kein Täter werden“ (Don't Offend)")
    expect(text).toContain('https://www.kein-taeter-werden.de')
    // The urgent numbers, written out, after the services.
    expect(text).toMatch(/\nUrgent help · Germany\n[\s\S]*: 112\b/)
    expect(text).toContain(': 116 111')
    expect(text.indexOf('Troubled Desire')).toBeLessThan(text.indexOf('112'))
    // Left to right, the numbers are left as they are: no invisible characters beside them.
    expect(text).not.toMatch(/[\u2066-\u2069]/)
  })

  it('in Arabic, isolates every number left to right, in the copy too, and leaves addresses whole', async () => {
    const page = await resultsPage('ar')
    const text = await (await post('/results.txt', [['state', stateOf(page)]], 'ar')).text()
    expect(text.split('\n')[0]).toBe(ar.flow.results.prompt)
    expect(text).toContain(`${ar.urgent.title} · ألمانيا`)
    // The urgent numbers and the services' numbers, each between U+2066 and U+2069.
    expect(text).toContain(': \u2066112\u2069')
    expect(text).toContain(': \u2066116 111\u2069')
    const isolated = [...text.matchAll(/\u2066([^\u2069]*)\u2069/g)].map((match) => match[1] ?? '')
    expect(isolated.length).toBeGreaterThan(4)
    for (const number of isolated) expect(number).toMatch(/^\+?\d+(?:[ .:/\-–]\d+)*$/)
    // No digit left outside an isolate, except inside an address (kept whole, to paste).
    const outside = text.replace(/\u2066[^\u2069]*\u2069/g, '').replace(/\S*[A-Za-z@]\S*/g, '')
    expect(outside).not.toMatch(/\d/)
    expect(text).toContain('https://www.kein-taeter-werden.de')
    for (const address of text.match(/https:\/\/\S+/g) ?? []) expect(address).not.toMatch(/[\u2066-\u2069]/)
    // The copy button's words are the same.
    const template = /<template data-copy-text="">([\s\S]*?)<\/template>/.exec(page)?.[1]
    expect(decode(template ?? '')).toBe(text)
  })

  it("gives the same words as the page's copy button, in the person's language", async () => {
    const page = await resultsPage('de')
    const text = await (await post('/results.txt', [['state', stateOf(page)]], 'de')).text()
    const template = /<template data-copy-text="">([\s\S]*?)<\/template>/.exec(page)?.[1]
    expect(template).toBeDefined()
    expect(decode(template ?? '')).toBe(text)
    expect(text).toContain(de.results.channel_via_website)
    expect(text).toContain(`${de.urgent.title} · Deutschland`)
  })

  it('answers a broken or missing token with the localised page and a way on, never a 500', async () => {
    for (const fields of [[['state', 'k1.not-a-real-token']], [], [['state', '']]] as [string, string][][]) {
      const response = await post('/results.txt', fields, 'de')
      expect(response.status).toBe(400)
      expect(response.headers.get('content-type')).toMatch(/^text\/html/)
      const html = decode(await response.text())
      expect(html).toContain('<html lang="de"')
      expect(html).toMatch(new RegExp(`${de.error.invalid_state}|${de.error.bad_request}`))
      // A way on: the first question, with a fresh token to answer it.
      expect(html).toContain('id="turn"')
      expect(stateOf(html)).not.toBe('')
    }
  })

  it('answers a token that is not at the results with that step and a notice, not an empty text', async () => {
    const start = await (await node.app.request('/?lang=en')).text()
    const response = await post('/results.txt', [['state', stateOf(start)]])
    expect(response.status).toBe(400)
    const html = decode(await response.text())
    expect(html).toContain(en.error.bad_request)
    expect(html).toContain('data-step="asker"')
  })

  it('is offered in the widget panel in a new tab (the frame shows only panel pages), and answers its post with the widget fields', async () => {
    let html = await (await node.app.request('/widget/panel?lang=en')).text()
    for (const answer of GERMANY) {
      const hidden = [...html.matchAll(/<input type="hidden" name="(w_[a-z]+)" value="([^"]*)"/g)].map((match): [string, string] => [
        match[1] ?? '',
        match[2] ?? '',
      ])
      const replies = Array.isArray(answer) ? answer : [answer]
      const fields: [string, string][] = [
        ...hidden,
        ['state', stateOf(html)],
        ['action', 'answer'],
        ...replies.map((reply): [string, string] => ['answer', reply]),
      ]
      html = await (await post('/widget/turn', fields)).text()
    }
    expect(html).toContain('<article class="card"')
    expect(html).toContain('formaction="/results.txt" formtarget="_blank"')
    expect(html).toContain('data-copy=""')
    expect(html).toContain('data-copy-text')
    // What the button posts: the state and the widget's own fields.
    const hidden = [...html.matchAll(/<input type="hidden" name="(w_[a-z]+)" value="([^"]*)"/g)].map((match): [string, string] => [
      match[1] ?? '',
      match[2] ?? '',
    ])
    expect(hidden.length).toBeGreaterThan(0)
    const text = await post('/results.txt', [...hidden, ['state', stateOf(html)], ['action', 'show']])
    expect(text.status).toBe(200)
    expect(text.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(await text.text()).toContain('Troubled Desire')
  })

  it('sends a reload of its address (GET) to the start', async () => {
    const response = await node.app.request('/results.txt')
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/')
  })
})
