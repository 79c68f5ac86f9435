import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resources, uiLanguages } from '../src/i18n/resources'
import { openStart, postForm } from './support/formConversation'
import { langOf, stepOf } from './support/pageFacts'
import { startNodeServer } from './support/startNodeServer'

// Every interface language, as a person with JavaScript off would meet it: the page says its
// language and direction, no text falls back to a raw key, and the country is understood when
// typed in that language.
let server: Awaited<ReturnType<typeof startNodeServer>>
beforeAll(async () => {
  server = await startNodeServer()
})
afterAll(async () => server.stop())

/** Every key path of the English locale, as a missing translation would show it. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [prefix]
  return Object.entries(value).flatMap(([key, item]) => keyPaths(item, prefix ? `${prefix}.${key}` : key))
}
const KEYS = keyPaths(resources.en.translation).filter((key) => key.includes('.'))
const dirOf = (html: string) => /<html[^>]*dir="([^"]+)"/.exec(html)?.[1]

describe.each(uiLanguages)('the conversation in %s', (language) => {
  it('renders with its lang and dir, shows no raw keys, and understands the country typed in it', async () => {
    const start = await openStart(server.base, {}, `/?lang=${language}`)
    expect(start.status).toBe(200)
    expect(langOf(start.html)).toBe(language)
    expect(dirOf(start.html)).toBe(resources[language].translation.meta.dir)
    const age = await postForm(server.base, { state: start.state, action: 'answer', answer: ['self'] })
    expect(stepOf(age.html)).toBe('age')
    const asked = await postForm(server.base, { state: age.state, action: 'answer', answer: ['adult'] })
    expect(stepOf(asked.html)).toBe('country')
    const germany = new Intl.DisplayNames([language], { type: 'region' }).of('DE') ?? 'DE'
    const typed = await postForm(server.base, { state: asked.state, action: 'answer', answer_text: germany })
    expect(stepOf(typed.html), `typed "${germany}"`).toBe('language')
    for (const page of [start, age, asked, typed]) {
      const text = page.html.replace(/<[^>]+>/g, ' ')
      expect(KEYS.filter((key) => text.includes(key))).toEqual([])
    }
  })
})

describe('other names people type', () => {
  it.each([
    ['USA', 'language'],
    ['holland', 'language'],
    ['U.K.', 'language'],
    ['Czech Republic', 'language'],
    ['Türkei', 'language'],
    ['nowhere-land', 'country'],
  ])('"%s" moves on to the %s question', async (typed, next) => {
    const start = await openStart(server.base, {}, '/?lang=en')
    const asked = await postForm(server.base, { state: start.state, action: 'answer', answer: ['someone'] })
    const page = await postForm(server.base, { state: asked.state, action: 'answer', answer_text: typed })
    expect(stepOf(page.html)).toBe(next)
  })
})
