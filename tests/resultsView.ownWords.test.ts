import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as z from 'zod'
import { loadBundledData } from '../src/storage/bundledData'
import { ABOUT_ONLY, SWEDISH_WORDS, withOnlyFixtures } from './support/aboutPageFixtures'
import { answerAll } from './support/formConversation'
import { startNodeServer } from './support/startNodeServer'

// Issue 16: once a card quotes a service's own words in the person's language, the results page's
// note must no longer say that everything about the services is shown in English. Two real servers
// on real SQLite files: one seeded with a record that has Swedish own words, one without it.
const Notes = z.object({ results: z.object({ directory_in_english: z.string(), directory_in_english_own_words: z.string() }) })
const notesOf = (locale: string) =>
  Notes.parse(JSON.parse(readFileSync(new URL(`../locales/${locale}/translation.json`, import.meta.url), 'utf8'))).results
const sv = notesOf('sv')
const en = notesOf('en')

let withOwnWords: Awaited<ReturnType<typeof startNodeServer>>
let withoutOwnWords: Awaited<ReturnType<typeof startNodeServer>>
beforeAll(async () => {
  const seed = withOnlyFixtures(loadBundledData())
  withOwnWords = await startNodeServer({ seed })
  withoutOwnWords = await startNodeServer({ seed: { ...seed, initiatives: [ABOUT_ONLY] } })
})
afterAll(async () => {
  await withOwnWords.stop()
  await withoutOwnWords.stop()
})

const SWEDEN = ['self', 'adult', 'SE', 'sv', 'nothing_happened', ['phone'], 'not_needed']
const decode = (html: string) =>
  html
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

/** The decoded results page for a person in Sweden, with the interface in `language`. */
async function resultsPage(base: string, language: string): Promise<string> {
  const last = (await answerAll(base, SWEDEN, { 'accept-language': language })).at(-1)
  expect(last?.status).toBe(200)
  expect(last?.html).toContain('data-service=')
  return decode(last?.html ?? '')
}

describe("the results page's note on the directory's language", () => {
  it("in Swedish, with a card quoting the service's Swedish own words, says those are shown with their source", async () => {
    const page = await resultsPage(withOwnWords.base, 'sv')
    expect(page).toContain(SWEDISH_WORDS)
    expect(page).toContain(`<p class="muted">${sv.directory_in_english_own_words}</p>`)
    expect(page).not.toContain(sv.directory_in_english)
  })

  it('in Swedish, with no card quoting own words, keeps the plain "shown in English" note', async () => {
    const page = await resultsPage(withoutOwnWords.base, 'sv')
    expect(page).not.toContain(SWEDISH_WORDS)
    expect(page).toContain(`<p class="muted">${sv.directory_in_english}</p>`)
    expect(page).not.toContain(sv.directory_in_english_own_words)
  })

  it('in English, shows no note at all, with or without own words on file', async () => {
    for (const base of [withOwnWords.base, withoutOwnWords.base]) {
      const page = await resultsPage(base, 'en')
      expect(page).not.toContain(en.directory_in_english)
      expect(page).not.toContain(en.directory_in_english_own_words)
    }
  })
})
