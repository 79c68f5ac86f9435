import { describe, expect, it } from 'vitest'
import * as z from 'zod'
import ar from '../../locales/ar/translation.json'
import de from '../../locales/de/translation.json'
import en from '../../locales/en/translation.json'
import { webTurnRequest } from '../../src/channels/web/webTurnForm'
import { useInProcessApp } from '../support/useInProcessApp'
import { stepOf } from '../support/pageFacts'

// The country and language questions as one text box with a <datalist>, in-process (app.request):
// a pick from the list posts the name, which maps back to its code in the page's language; a code
// posted beside typed text wins; a near miss gets "did you mean" buttons that post the code.
const node = useInProcessApp('country', { console: false })

const WORDS = { en, de, ar }
type Ui = keyof typeof WORDS

async function post(fields: [string, string][]) {
  const response = await node.app.request('/turn', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  })
  const html = await response.text()
  return { status: response.status, html, state: /name="state" value="([^"]+)"/.exec(html)?.[1] ?? '' }
}

/** The country question in `ui`, reached as someone asking about another person (no age question). */
async function countryQuestion(ui: Ui) {
  const start = await post([
    ['action', 'start'],
    ['ui', ui],
  ])
  const page = await post([
    ['state', start.state],
    ['action', 'answer'],
    ['answer', 'someone'],
  ])
  expect(stepOf(page.html)).toBe('country')
  return page
}

const answer = (state: string, fields: [string, string][]) => post([['state', state], ['action', 'answer'], ...fields])
const back = (state: string) =>
  post([
    ['state', state],
    ['action', 'back'],
  ])
/** The text box's value as the browser shows it (entities decoded). */
const shownValue = (html: string) => decode(/<input id="answer-text"[^>]*value="([^"]*)"/.exec(html)?.[1])
const decode = (text: string | undefined) =>
  text
    ?.replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
const datalistNames = (html: string) =>
  [...(/<datalist id="answer-names">([\s\S]*?)<\/datalist>/.exec(html)?.[1] ?? '').matchAll(/<option value="([^"]*)"/g)].map((match) =>
    decode(match[1]),
  )
const suggestionButtons = (html: string) =>
  [...html.matchAll(/<button name="answer" value="([^"]+)">([^<]+)<\/button>/g)].map((match) => ({ id: match[1], label: decode(match[2]) }))

describe('the reply order of the web form', () => {
  const reply = (body: Record<string, string | string[]>) => webTurnRequest(body, undefined).request.reply

  it('a picked code wins over typed text; typed text counts only when nothing was picked', () => {
    expect(reply({ state: 's', action: 'answer', answer: 'DE', answer_text: 'France' })[0]).toBe('DE')
    expect(reply({ state: 's', action: 'answer', answer_text: 'France' })).toEqual(['France'])
    // An old page's empty list entry is no choice.
    expect(reply({ state: 's', action: 'answer', answer: '', answer_text: 'France' })).toEqual(['France'])
  })

  it('keeps typed text after the choice, so urgent words in it are still read', () => {
    expect(reply({ state: 's', action: 'answer', answer: 'DE', answer_text: 'France' })).toEqual(['DE', 'France'])
  })
})

describe.each<[Ui, string, string]>([
  ['en', 'Germany', 'English'],
  ['de', 'Deutschland', 'Deutsch'],
  ['ar', 'ألمانيا', 'العربية'],
])('in %s: one text box with a list of names', (ui, germany, ownLanguage) => {
  const words = WORDS[ui]

  it('the country question has one labelled text box with a datalist of names in the page’s language, and no <select>', async () => {
    const { html } = await countryQuestion(ui)
    expect(html).not.toContain('<select id="answer-select"')
    expect(html.match(/name="answer_text"/g)).toHaveLength(1)
    const input = /<input id="answer-text"[^>]*>/.exec(html)?.[0] ?? ''
    expect(input).toContain('list="answer-names"')
    expect(input).toContain('autocomplete="off"')
    expect(input).toContain('aria-describedby="hint"')
    expect(html).toContain(`<label class="field" for="answer-text">${words.flow.country.choose}</label>`)
    expect(datalistNames(html)).toContain(germany)
    expect(datalistNames(html).length).toBeGreaterThan(20)
  })

  it('a name picked from the list maps back to its code: the next question, and Back shows it', async () => {
    const country = await countryQuestion(ui)
    const language = await answer(country.state, [['answer_text', germany]])
    expect(stepOf(language.html)).toBe('language')
    // The language question starts at the interface language, written out in the box.
    expect(shownValue(language.html)).toBe(ownLanguage)
    expect(datalistNames(language.html)).toContain(ownLanguage)
    const again = await back(language.state)
    expect(stepOf(again.html)).toBe('country')
    expect(shownValue(again.html)).toBe(germany)
  })

  it('every name in the country list maps back to the country it names', async () => {
    const { html } = await countryQuestion(ui)
    const names = datalistNames(html)
    const codes = await Promise.all(
      names.map(async (name) => {
        const country = await countryQuestion(ui)
        const next = await answer(country.state, [['answer_text', name ?? '']])
        const kept = await back(next.state)
        return [name, stepOf(next.html), shownValue(kept.html)]
      }),
    )
    for (const [name, step, shown] of codes) expect([step, shown], name).toEqual(['language', name])
  })
})

describe('a code picked beside typed text', () => {
  it('picked DE + typed "France" → Germany; nothing picked + typed "France" → France', async () => {
    const country = await countryQuestion('en')
    const picked = await back(
      (
        await answer(country.state, [
          ['answer', 'DE'],
          ['answer_text', 'France'],
        ])
      ).state,
    )
    expect(shownValue(picked.html)).toBe('Germany')
    const typed = await back((await answer(country.state, [['answer_text', 'France']])).state)
    expect(shownValue(typed.html)).toBe('France')
  })
})

describe('"did you mean"', () => {
  it.each<[Ui, string, string, string]>([
    ['en', 'Germnay', 'DE', 'Germany'],
    ['de', 'Frankriech', 'FR', 'Frankreich'],
    ['ar', 'أمانيا', 'DE', 'ألمانيا'],
    ['en', 'Deutsch', 'DE', 'Germany'],
  ])('%s: "%s" keeps the text and offers %s as a button in the page’s language; one tap answers', async (ui, typed, code, label) => {
    const country = await countryQuestion(ui)
    const missed = await answer(country.state, [['answer_text', typed]])
    expect(missed.status).toBe(200)
    expect(stepOf(missed.html)).toBe('country')
    expect(missed.html).toContain(WORDS[ui].error.unknown_country)
    expect(shownValue(missed.html)).toBe(typed)
    expect(suggestionButtons(missed.html)[0]).toEqual({ id: code, label })
    expect(missed.html).toContain(`<legend id="suggestions-label">${WORDS[ui].error.did_you_mean}</legend>`)
    expect(/<input id="answer-text"[^>]*>/.exec(missed.html)?.[0]).toContain('aria-describedby="hint answer-error suggestions-label"')
    // Enter in the text box presses the form's first button: a hidden Continue, before the suggestions.
    const form = /<form[^>]*id="turn"[\s\S]*?<\/form>/.exec(missed.html)?.[0] ?? ''
    expect(/<button[^>]*>/.exec(form)?.[0]).toBe('<button class="visually-hidden" name="action" value="answer" tabindex="-1">')
    // A tap on the suggestion posts its code beside the typed text, with no action field.
    const next = await post([
      ['state', missed.state],
      ['answer_text', typed],
      ['answer', code],
    ])
    expect(stepOf(next.html)).toBe('language')
    expect(shownValue((await back(next.state)).html)).toBe(label)
  })

  it('"Polen" typed on an English page is Poland outright', async () => {
    const country = await countryQuestion('en')
    const next = await answer(country.state, [['answer_text', 'Polen']])
    expect(stepOf(next.html)).toBe('language')
    expect(shownValue((await back(next.state)).html)).toBe('Poland')
  })

  it.each<Ui>(['en', 'de', 'ar'])('%s: nonsense gets the usual error and no suggestions', async (ui) => {
    const country = await countryQuestion(ui)
    const missed = await answer(country.state, [['answer_text', 'xyzzy']])
    expect(stepOf(missed.html)).toBe('country')
    expect(missed.html).toContain(WORDS[ui].error.unknown_country)
    expect(missed.html).not.toContain('class="suggestions"')
    expect(suggestionButtons(missed.html)).toEqual([])
    expect(shownValue(missed.html)).toBe('xyzzy')
  })

  it('the language question: "Deutch" offers German (and Dutch) in the page’s language', async () => {
    const country = await countryQuestion('en')
    const language = await answer(country.state, [['answer', 'DE']])
    const missed = await answer(language.state, [['answer_text', 'Deutch']])
    expect(stepOf(missed.html)).toBe('language')
    expect(missed.html).toContain(en.error.unknown_language)
    expect(suggestionButtons(missed.html)).toContainEqual({ id: 'de', label: 'German' })
    expect(suggestionButtons(missed.html)[0]).toEqual({ id: 'de', label: 'German' })
    const next = await post([
      ['state', missed.state],
      ['answer_text', 'Deutch'],
      ['answer', 'de'],
    ])
    expect(stepOf(next.html)).not.toBe('language')
    expect(shownValue((await back(next.state)).html)).toBe('German')
  })

  it('what was typed is escaped when shown again', async () => {
    const country = await countryQuestion('en')
    const missed = await answer(country.state, [['answer_text', '"><script>x</script>']])
    expect(missed.html).not.toContain('<script>x</script>')
    expect(shownValue(missed.html)).toBe('"><script>x</script>')
  })
})

const ApiView = z.object({
  state: z.string(),
  error: z.string().nullish(),
  step: z.object({ nodeId: z.string(), suggestions: z.array(z.object({ id: z.string(), label: z.string() })) }),
})

async function api(body: Record<string, unknown>) {
  const response = await node.app.request('/api/v1/turn', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: response.status, view: ApiView.parse(await response.json()) }
}

describe('the JSON API', () => {
  it('returns step.suggestions for a near miss, in the interface language, and takes the id back as the reply', async () => {
    const start = await api({ action: 'start', ui: 'de' })
    expect(start.view.step.suggestions).toEqual([])
    const country = await api({ state: start.view.state, action: 'answer', reply: ['someone'] })
    expect(country.view.step.nodeId).toBe('country')
    const missed = await api({ state: country.view.state, action: 'answer', reply: ['Germnay'] })
    expect(missed.view.step.nodeId).toBe('country')
    expect(missed.view.error).toBe(de.error.unknown_country)
    expect(missed.view.step.suggestions).toEqual([{ id: 'DE', label: 'Deutschland' }])
    const nonsense = await api({ state: country.view.state, action: 'answer', reply: ['xyzzy'] })
    expect(nonsense.view.step.suggestions).toEqual([])
    const next = await api({ state: missed.view.state, action: 'answer', reply: [missed.view.step.suggestions[0]?.id] })
    expect(next.view.step.nodeId).toBe('language')
    expect(next.view.step.suggestions).toEqual([])
  })

  it('describes step.suggestions in its OpenAPI document', async () => {
    const document = await (await node.app.request('/api/v1/openapi.json')).json()
    const Doc = z.object({
      components: z.object({
        schemas: z.object({
          Step: z.object({
            properties: z.object({
              suggestions: z.object({
                type: z.literal('array'),
                description: z.string(),
                items: z.object({ $ref: z.literal('#/components/schemas/Suggestion') }),
              }),
            }),
          }),
          Suggestion: z.object({ properties: z.object({ id: z.unknown(), label: z.unknown() }) }),
        }),
      }),
    })
    expect(Doc.parse(document).components.schemas.Step.properties.suggestions.description).toContain('did you mean')
  })
})
