import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadCrisisPhrases } from '../../src/app/loadCrisisPhrases'
import { CrisisPhrasesSchema } from '../../src/core/crisis/crisisPhrasesSchema'
import { detectUrgentWords } from '../../src/core/crisis/detectUrgentWords'
import { normaliseText } from '../../src/core/flow/normaliseText'
import { resources, uiLanguages } from '../../src/i18n/resources'
import { jsonStrings } from '../support/jsonStrings'

// Urgent phrases in every interface language: each one, typed, adds urgent help; none of them is
// found in the ordinary text a person reads or answers with (that would raise a false alarm).
const data = CrisisPhrasesSchema.parse(JSON.parse(readFileSync(new URL('../../data/crisis-phrases.json', import.meta.url), 'utf8')))
const matcher = loadCrisisPhrases()
/** Texts that are about urgent help themselves (choosing them shows it anyway). */
const URGENT_TEXT = /^(urgent|safety)\.|^flow\.urgent\.|^flow\.stage\.child_in_danger$/

describe.each(uiLanguages)('urgent phrases in %s', (language) => {
  const phrases = data.languages[language]

  it('exist for a child in danger and for self-harm, and each one is recognised', () => {
    expect(phrases?.child_danger?.length ?? 0).toBeGreaterThan(0)
    expect(phrases?.self_harm?.length ?? 0).toBeGreaterThan(0)
    for (const phrase of phrases?.child_danger ?? []) expect(detectUrgentWords(matcher, [`… ${phrase} …`]), phrase).toBe('child_danger')
    for (const phrase of phrases?.self_harm ?? []) expect(detectUrgentWords(matcher, [`… ${phrase} …`]), phrase).toBe('self_harm')
  })

  it('none appears in the ordinary text of any language (only the texts about urgent help use such words)', () => {
    const hits: string[] = []
    const wanted = [...(phrases?.child_danger ?? []), ...(phrases?.self_harm ?? [])].map((phrase) => ({
      phrase,
      padded: ` ${normaliseText(phrase)} `,
    }))
    for (const { where, padded } of ordinaryTexts()) {
      for (const { phrase, padded: needle } of wanted) if (padded.includes(needle)) hits.push(`"${phrase}" in ${where}`)
    }
    expect(hits).toEqual([])
  })
})

/** Every ordinary text of every language, normalised once (the check runs for each language's phrases). */
let normalisedTexts: { where: string; padded: string }[] | undefined
const ordinaryTexts = () =>
  (normalisedTexts ??= uiLanguages.flatMap((other) =>
    jsonStrings(resources[other].translation)
      .filter(([path]) => !URGENT_TEXT.test(path))
      .map(([path, text]) => ({ where: `${other}:${path}`, padded: ` ${normaliseText(text)} ` })),
  ))

describe('typed without the marks a keyboard may not have', () => {
  it.each([
    ['أريد أن أموت', 'self_harm'],
    ['اريد ان اموت', 'self_harm'],
    ['innehhi hajti', 'self_harm'],
    ['INNEĦĦI ĦAJTI', 'self_harm'],
    ['kendimi oldurmek', 'self_harm'],
    // The Ukrainian apostrophe typed three ways: ', ’ and ʼ (U+02BC, a letter to Unicode).
    ["вб'ю себе", 'self_harm'],
    ['вб’ю себе', 'self_harm'],
    ['вбʼю себе', 'self_harm'],
  ])('"%s" → %s', (typed, expected) => {
    expect(detectUrgentWords(matcher, [typed])).toBe(expected)
  })
})
