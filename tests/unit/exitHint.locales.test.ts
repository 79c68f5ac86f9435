import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'

// Issue 20: the "press Shift three times" hint is shown only once the exit script runs and a
// keyboard is likely (src/channels/web/QuickExit.tsx), so "with JavaScript on" is noise. Every
// language says only "Or press Shift three times", naming the key as the keyboard does.

const LOCALES = new URL('../../locales/', import.meta.url)
const languages = readdirSync(LOCALES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
const Hint = z.object({ nav: z.object({ exit_hint: z.string(), exit: z.string() }) })
const hintOf = (language: string) =>
  Hint.parse(JSON.parse(readFileSync(new URL(`${language}/translation.json`, LOCALES), 'utf8'))).nav.exit_hint

describe('nav.exit_hint', () => {
  it('is in all 30 languages', () => {
    expect(languages).toHaveLength(30)
  })

  it.each(languages)('%s: names the Shift key, says nothing of JavaScript, and is short', (language) => {
    const hint = hintOf(language)
    expect(hint).toContain('Shift')
    expect(hint).not.toMatch(/javascript/i)
    expect(hint.length).toBeLessThanOrEqual(55)
    expect(hint).toMatch(/\.$/)
  })

  it('is "Or press Shift three times." in English, and translated everywhere else', () => {
    expect(hintOf('en')).toBe('Or press Shift three times.')
    for (const language of languages.filter((code) => code !== 'en')) expect(hintOf(language), language).not.toBe(hintOf('en'))
  })
})
