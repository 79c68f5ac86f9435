import { describe, expect, it } from 'vitest'
import { urgentView, type UrgentView } from '../../src/channels/shared/urgentView'
import { UrgentPanel } from '../../src/channels/web/UrgentPanel'
import { UrgentReasonSchema } from '../../src/core/crisis/urgentReason'
import { indexDirectory } from '../../src/core/directory/indexDirectory'
import { URGENT_LINE_KINDS, type UrgentLine } from '../../src/core/directory/urgentHelpSchema'
import { createTranslator } from '../../src/i18n/createTranslator'
import { type UiLanguage, uiLanguages } from '../../src/i18n/resources'
import { loadBundledData } from '../../src/storage/bundledData'
import en from '../../locales/en/translation.json'

// Issue 24, in every language, for every country on file and for no country, before and after the
// one question: each kind of urgent line is headed by what it is for (112 is never introduced as
// "a child in danger" to a person at risk of self-harm); what is true about giving a name is said
// per kind; and every number in the panel's words is isolated left to right, so none is reversed.
const index = indexDirectory(loadBundledData())
const translator = await createTranslator()
const countries = [undefined, ...index.urgentByCountry.keys()]
const reasons = [undefined, ...UrgentReasonSchema.options]
const KINDS_WITH_A_NOTE: readonly UrgentLine['kind'][] = ['emergency', 'crisis', 'child_helpline']

const viewsIn = (language: UiLanguage): UrgentView[] => {
  const t = translator.t(language)
  return countries.flatMap((country) => reasons.map((reason) => urgentView(index, country, t, language, reason)))
}

/** The panel's words that are not inside a left-to-right isolate (numbers, the directory's English), tags removed. */
const unisolated = (html: string) =>
  html
    .replace(/<bdi[^>]*\bdir="ltr"[^>]*>[\s\S]*?<\/bdi>/g, ' ')
    .replace(/<span[^>]*\bdir="ltr"[^>]*>[\s\S]*?<\/span>/g, ' ')
    .replace(/<[^>]+>/g, ' ')

describe('in English, the source', () => {
  it('promises no anonymity above the emergency number: the intro names no name, the notes say it per kind', () => {
    expect(en.urgent.intro).not.toMatch(/name/i)
    expect(en.urgent.privacy_emergency).toMatch(/see the number you call from/)
    expect(en.urgent.emergency_heading).not.toMatch(/child/i)
  })
})

describe.each(uiLanguages)('urgent help in %s', (language) => {
  const views = viewsIn(language)
  const t = translator.t(language)

  it("heads each kind of line with its own words, never another kind's", () => {
    const byKind = new Map<string, Set<string>>()
    for (const line of views.flatMap((view) => view.lines)) byKind.set(line.kind, (byKind.get(line.kind) ?? new Set()).add(line.heading))
    expect([...byKind.keys()].sort()).toEqual([...URGENT_LINE_KINDS].sort())
    for (const [kind, headings] of byKind) expect([...headings], kind).toHaveLength(1)
    const headings = [...byKind.values()].flatMap((set) => [...set])
    expect(new Set(headings).size, headings.join(' | ')).toBe(headings.length)
    // The emergency number's heading is not the answer "a child is in danger", nor any kind's label of another kind.
    expect(byKind.get('emergency')).not.toContain(t('urgent.child_danger'))
  })

  it('says what is true about giving a name once per kind, on the first line of that kind', () => {
    const notes = new Map<string, string>()
    for (const view of views) {
      const seen = new Set<string>()
      for (const line of view.lines) {
        const first = !seen.has(line.kind)
        seen.add(line.kind)
        if (first && KINDS_WITH_A_NOTE.includes(line.kind)) {
          expect(line.privacy, `${line.kind} in ${view.country}`).toBeTruthy()
          notes.set(line.kind, line.privacy ?? '')
        } else expect(line.privacy, `${line.kind} in ${view.country}`).toBeUndefined()
      }
      expect(view.privacyNotes).toEqual(view.lines.flatMap((line) => (line.privacy ? [line.privacy] : [])))
    }
    expect(notes.size).toBe(KINDS_WITH_A_NOTE.length)
    expect(notes.get('emergency')).not.toBe(notes.get('crisis'))
    expect(notes.get('emergency')).not.toBe(notes.get('child_helpline'))
    expect(notes.get('emergency')).not.toBe(t('urgent.intro'))
  })

  it('isolates every number in the urgent panel left to right (sentences with {{number}} included)', async () => {
    const t = translator.t(language)
    const problems: string[] = []
    for (const view of views) {
      const html = String(await UrgentPanel({ urgent: view, state: undefined, t, headingLevel: 2, returnAction: undefined }).toString())
      const words = unisolated(html)
      const grouped = words.match(/\d+(?:[ \u00a0.\-/]\d+)+/g) ?? []
      const numbers = view.lines
        .map((line) => line.number)
        .filter((number) => new RegExp(`(?<!\\d)${number.replace(/[.+]/g, '\\$&')}(?!\\d)`).test(words))
      if (grouped.length + numbers.length > 0)
        problems.push(`${view.country ?? '(none)'} ${view.reason ?? '-'}: ${[...grouped, ...numbers].join(', ')}`)
    }
    expect(problems).toEqual([])
  })
})
