import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import * as z from 'zod'
import { InitiativesFileSchema, type Initiative } from '../src/core/directory/initiativeSchema'
import { isContactable } from '../src/core/directory/isContactable'
import { findBannedTerms, formatHit, loadTerminology, termsForLanguage } from './support/terminologyLint'

// Issue 16, items 1 and 5: a page about the service by its operator (or the public body that set it
// up) is a real way in, and a service's own words come from one of its own sources. These checks keep
// both honest: the page is one the record cites, and the words pass the same lint as every card.

const root = fileURLToPath(new URL('..', import.meta.url))
const readData = (name: string): unknown => JSON.parse(readFileSync(join(root, 'data', name), 'utf8'))
const initiatives: Initiative[] = InitiativesFileSchema.parse(readData('initiatives.json')).initiatives
const officialLanguages = z
  .object({ countries: z.record(z.string(), z.array(z.string())) })
  .parse(readData('official-languages.json')).countries
const record = (id: string): Initiative => {
  const found = initiatives.find((item) => item.id === id)
  if (!found) throw new Error(`${id} is not in data/initiatives.json`)
  return found
}

/** A way in: a website, a real address or number, or the operator's (or official) page about the service. */
const hasWayIn = (item: Initiative): boolean => isContactable(item) || item.aboutPage !== null
const activePrevention = initiatives.filter((item) => item.kind === 'prevention' && item.status === 'active')
const withAboutPage = initiatives.filter((item) => item.aboutPage !== null)
const withOwnWords = initiatives.filter((item) => item.ownWords.length > 0)

describe("aboutPage: the operator's page about this service", () => {
  it('is set on the records whose only way in it is, and on a few more', () => {
    expect(withAboutPage.length).toBeGreaterThanOrEqual(10)
  })

  it("is always one of the record's own sources, over https, with who wrote it", () => {
    for (const item of withAboutPage) {
      expect(
        item.sources.map((source) => source.url),
        item.id,
      ).toContain(item.aboutPage)
      expect(new URL(item.aboutPage!).protocol, item.id).toBe('https:')
      expect(['operator', 'official'], item.id).toContain(item.aboutPageBy)
    }
    for (const item of initiatives.filter((other) => other.aboutPage === null)) expect(item.aboutPageBy, item.id).toBeNull()
  })

  it("is never a staging host or a directory entry about somebody else's service", () => {
    for (const item of withAboutPage) {
      const host = new URL(item.aboutPage!).hostname
      expect(host.startsWith('staging.'), `${item.id}: ${host}`).toBe(false)
      // ECSA is the Lucy Faithfull Foundation's own database: an about page only for its own programmes.
      if (host === 'ecsa.lucyfaithfull.org') expect(item.organisation ?? '', item.id).toMatch(/Lucy Faithfull/)
    }
  })

  it('records the decisions the brief asked for', () => {
    expect([
      record('praeventionsstelle-paedosexualitaet-zh').aboutPageBy,
      new URL(record('praeventionsstelle-paedosexualitaet-zh').aboutPage!).hostname,
    ]).toEqual(['official', 'www.zh.ch'])
    expect(record('preventell').aboutPageBy).toBe('official')
    expect(new URL(record('preventell').aboutPage!).hostname).toMatch(/^www\.(?:gov|regeringen)\.se$/)
    expect([record('help-wanted').aboutPageBy, new URL(record('help-wanted').aboutPage!).hostname]).toEqual([
      'operator',
      'publichealth.jhu.edu',
    ])
    expect(new URL(record('stop-it-now-wales').aboutPage!).hostname).toBe('www.stopitnow.org.uk')
    // FDDS's page sits on a staging host: cited for the address it gives, never shown as the way in.
    expect(record('redirection-poland-fdds').aboutPage).toBeNull()
    expect(record('redirection-poland-fdds').website).toBe('https://www.redirectionprogram.com/')
  })
})

describe("ownWords: the service's short description in its own language", () => {
  const terminology = loadTerminology()

  it('exists for the records whose sources are in their own language', () => {
    expect(withOwnWords.length).toBeGreaterThanOrEqual(20)
    expect(record('ktw-muenchen-lmu').ownWords.map((words) => words.language)).toContain('de')
    expect(record('praeventionsstelle-paedosexualitaet-zh').ownWords.map((words) => words.language)).toContain('de')
    expect(record('uusi-suunta').ownWords.map((words) => words.language)).toContain('fi')
    expect(record('preventell').ownWords.map((words) => words.language)).toContain('sv')
  })

  it("comes from one of the record's own sources", () => {
    for (const item of withOwnWords) {
      const cited = item.sources.map((source) => source.url)
      for (const words of item.ownWords) expect(cited, `${item.id} (${words.language})`).toContain(words.source)
    }
  })

  it("is in one of the record's languages or a language of its countries", () => {
    const outside = withOwnWords.flatMap((item) => {
      const languages = new Set([...item.languages, ...item.countries.flatMap((country) => officialLanguages[country] ?? [])])
      return item.ownWords.filter((words) => !languages.has(words.language)).map((words) => `${item.id}: ${words.language}`)
    })
    expect(outside).toEqual([])
  })

  it('is not English (the English summary is the fallback) and stays short', () => {
    for (const item of withOwnWords) {
      for (const words of item.ownWords) {
        expect(words.language, item.id).not.toBe('en')
        expect(words.text.length, item.id).toBeLessThanOrEqual(600)
        expect(words.text, item.id).not.toBe(item.summary)
      }
    }
  })

  it('uses no banned or stigmatising term of its language (nor an English one)', () => {
    const hits = withOwnWords.flatMap((item) =>
      item.ownWords.flatMap((words) =>
        findBannedTerms({ text: words.text }, termsForLanguage(terminology, words.language)).map(
          (hit) => `${item.id} (${words.language}): ${formatHit(hit)}`,
        ),
      ),
    )
    expect(hits).toEqual([])
  })
})

describe('records on file without a way in', () => {
  const folder = mkdtempSync(join(tmpdir(), 'helpfinder-'))
  afterAll(() => rmSync(folder, { recursive: true, force: true }))
  const withoutWayIn = activePrevention.filter((item) => !hasWayIn(item))

  it('are at most five (issue 16)', () => {
    expect(withoutWayIn.length).toBeLessThanOrEqual(5)
  })

  it('are each named in `npm run data:coverage`', () => {
    const stdout = execFileSync(join(root, 'node_modules/.bin/tsx'), ['scripts/dataCoverage.ts', '--out', join(folder, 'coverage.html')], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    expect(stdout).toMatch(/On file, contact not confirmed/)
    // Every one, also those outside the report's countries (Don't Offend India): the summary names them all.
    const unnamed = withoutWayIn.filter((item) => !stdout.includes(item.name)).map((item) => item.id)
    expect(unnamed).toEqual([])
    expect(withoutWayIn.map((item) => item.id)).toContain('dont-offend-india')
  })
})
