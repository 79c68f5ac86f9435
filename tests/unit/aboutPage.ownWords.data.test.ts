import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { checkData, projectData } from '../../scripts/checkData'
import { isContactable } from '../../src/core/directory/isContactable'
import type { Initiative } from '../../src/core/directory/initiativeSchema'
import { aboutPageView } from '../../src/channels/shared/aboutPageView'
import { descriptionView } from '../../src/channels/shared/descriptionView'
import { checkPartners } from '../../src/curation/checkPartners'
import { comparableInitiative } from '../../src/curation/comparableInitiative'
import { initiativesToCsv } from '../../src/curation/initiativesToCsv'
import { initiativesToJson } from '../../src/curation/initiativesToJson'
import { parseCsvInitiatives } from '../../src/curation/parseCsvInitiatives'
import { parseJsonInitiatives } from '../../src/curation/parseJsonInitiatives'
import { createTranslator } from '../../src/i18n/createTranslator'
import { loadBundledData } from '../../src/storage/bundledData'
import { ABOUT_ONLY, OWN_WORDS, SWEDISH_WORDS } from '../support/aboutPageFixtures'

// The rules and formats of a page about the service and the service's own words: data:check,
// the CSV and JSON import/export, partners' featured services, and which words a person is shown.
const folder = mkdtempSync(join(tmpdir(), 'helpfinder-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))
const { taxonomy } = loadBundledData()

/** data/ with data/initiatives.json's records followed by `extra`, as data:check reads it. */
function withRecords(...extra: unknown[]) {
  const json = JSON.parse(readFileSync(projectData.initiatives, 'utf8'))
  json.initiatives.push(...extra)
  const path = join(folder, `initiatives-${Math.random().toString(36).slice(2)}.json`)
  writeFileSync(path, JSON.stringify(json))
  return { files: { ...projectData, initiatives: path }, at: json.initiatives.length - extra.length }
}

describe('npm run data:check', () => {
  it("accepts the fixtures: a page about the service and own words taken from the record's sources", () => {
    const { files } = withRecords(ABOUT_ONLY, OWN_WORDS)
    expect(checkData(files, new Date()).filter((line) => line.includes('test-'))).toEqual([])
  })

  it("refuses own words whose source is not among the record's sources, naming the record and the field", () => {
    const { files, at } = withRecords({ ...OWN_WORDS, ownWords: [{ ...OWN_WORDS.ownWords[0], source: 'https://elsewhere.example/quote' }] })
    expect(checkData(files, new Date())).toContain(
      `data/initiatives.json: initiatives[${at}] (id test-own-words).ownWords[0].source: must be one of the record's sources`,
    )
  })

  it('refuses a page about the service that is not a source, a page without its publisher, and two texts in one language', () => {
    const { files, at } = withRecords(
      { ...ABOUT_ONLY, aboutPage: 'https://elsewhere.example/about' },
      { ...ABOUT_ONLY, id: 'test-no-publisher', aboutPageBy: null },
      { ...OWN_WORDS, id: 'test-twice', ownWords: [OWN_WORDS.ownWords[0], { ...OWN_WORDS.ownWords[0], text: 'En annan text.' }] },
    )
    const problems = checkData(files, new Date())
    expect(problems).toContain(
      `data/initiatives.json: initiatives[${at}] (id test-about-page-only).aboutPage: must be one of the record's sources`,
    )
    expect(problems).toContain(
      `data/initiatives.json: initiatives[${at + 1}] (id test-no-publisher).aboutPageBy: aboutPage and aboutPageBy go together`,
    )
    expect(problems).toContain(
      `data/initiatives.json: initiatives[${at + 2}] (id test-twice).ownWords[1].language: one description per language`,
    )
  })

  it('lets a partner feature a service whose only way in is its page about it', () => {
    const [first] = loadBundledData().partners
    if (!first) throw new Error('no partner in data/partners.json')
    const partner = { ...first, featured: [ABOUT_ONLY.id] }
    const { problems } = checkPartners([partner], [ABOUT_ONLY], [])
    expect(problems.filter((line) => line.includes(ABOUT_ONLY.id))).toEqual([])
    expect(checkPartners([partner], [{ ...ABOUT_ONLY, aboutPage: null, aboutPageBy: null }], []).problems.join('\n')).toContain(
      `featured ${ABOUT_ONLY.id}`,
    )
  })
})

describe('a page about the service is a way in', () => {
  it('isContactable: yes with only the page, no without it', () => {
    expect(isContactable(ABOUT_ONLY)).toBe(true)
    expect(isContactable({ ...ABOUT_ONLY, aboutPage: null, aboutPageBy: null })).toBe(false)
  })

  it('is labelled by who published it, and not repeated when it is the website itself', async () => {
    const t = (await createTranslator()).t('en')
    expect(aboutPageView(ABOUT_ONLY, t)).toEqual({ href: ABOUT_ONLY.aboutPage, label: "The operator's page about this service" })
    expect(aboutPageView(OWN_WORDS, t)?.label).toBe('An official page about this service')
    expect(aboutPageView({ ...ABOUT_ONLY, website: ABOUT_ONLY.aboutPage }, t)).toBeUndefined()
  })
})

describe('CSV and JSON', () => {
  it('round-trip aboutPage, aboutPageBy and ownWords exactly', () => {
    const csv = initiativesToCsv([ABOUT_ONLY, OWN_WORDS], taxonomy)
    const header = csv.split('\r\n')[0]?.split(',') ?? []
    expect(header).toEqual(expect.arrayContaining(['aboutPage', 'aboutPageBy', 'ownWords']))
    const fromCsv = parseCsvInitiatives(csv)
    expect(fromCsv.problems).toEqual([])
    expect(fromCsv.rows.flatMap((row) => row.problems)).toEqual([])
    const records = fromCsv.rows.map((row) => row.record).filter((record): record is Initiative => record !== undefined)
    expect(records.map((record) => comparableInitiative(record, taxonomy))).toEqual(
      [ABOUT_ONLY, OWN_WORDS].map((record) => comparableInitiative(record, taxonomy)),
    )
    expect(records[1]?.ownWords[0]?.text).toBe(SWEDISH_WORDS)
    expect(initiativesToCsv(records, taxonomy)).toBe(csv)

    const json = initiativesToJson([ABOUT_ONLY, OWN_WORDS], taxonomy)
    const fromJson = parseJsonInitiatives(json)
    expect(fromJson.rows.map((row) => row.record)).toEqual(fromCsv.rows.map((row) => row.record))
  })

  it('an empty ownWords cell is no own words; a CSV without the new columns is refused rather than emptying them', () => {
    const csv = initiativesToCsv([ABOUT_ONLY], taxonomy)
    const [header = '', row = ''] = csv.split('\r\n')
    const columns = header.split(',')
    expect(columns.at(-1)).toBe('ownWords')
    expect(row.endsWith(',[]')).toBe(true)
    expect(parseCsvInitiatives(`${header}\r\n${row.slice(0, -2)}\r\n`).rows[0]?.record?.ownWords).toEqual([])
    const withoutOwnWords = [columns.slice(0, -1).join(','), row.slice(0, -3)].join('\r\n')
    expect(parseCsvInitiatives(withoutOwnWords).problems).toEqual(['header: missing column(s) ownWords'])
  })

  it('refuses a row whose own words quote a page that is not one of its sources, or carry an unknown field', () => {
    const csv = initiativesToCsv([OWN_WORDS], taxonomy)
    // Only the ownWords cell changes: the record's sources stay as they are.
    const ownWordsCell = JSON.stringify(OWN_WORDS.ownWords).replace(/"/g, '""')
    const moved = csv.replace(
      ownWordsCell,
      JSON.stringify([{ ...OWN_WORDS.ownWords[0], source: 'https://elsewhere.example/quote' }]).replace(/"/g, '""'),
    )
    expect(moved).not.toBe(csv)
    expect(parseCsvInitiatives(moved).rows[0]?.problems).toEqual([
      'ownWords[0].source "https://elsewhere.example/quote": must be one of the record\'s sources',
    ])
    const stray = csv.replace(ownWordsCell, JSON.stringify([{ ...OWN_WORDS.ownWords[0], lang: 'sv' }]).replace(/"/g, '""'))
    expect(parseCsvInitiatives(stray).rows[0]?.problems).toEqual(['ownWords[0].lang: unknown field (not in the schema; it would be lost)'])
  })
})

describe('which words a person is shown', async () => {
  const translator = await createTranslator()
  it('own words in the interface language, else the English summary, else nothing', () => {
    expect(descriptionView(OWN_WORDS, translator.t('sv'), 'sv')).toEqual({
      text: SWEDISH_WORDS,
      lang: 'sv',
      dir: 'ltr',
      sourceUrl: 'https://own-words.example/om-oss',
      ownWords: true,
    })
    expect(descriptionView(OWN_WORDS, translator.t('de'), 'de')).toEqual({
      text: OWN_WORDS.summary,
      lang: 'en',
      dir: 'ltr',
      ownWords: false,
    })
    expect(descriptionView(OWN_WORDS, translator.t('ar'), 'ar')).toMatchObject({ lang: 'ar', dir: 'rtl', ownWords: true })
    expect(descriptionView({ ...OWN_WORDS, summary: null }, translator.t('de'), 'de')).toBeUndefined()
  })

  it('Norwegian ("no") reaches the Bokmål interface; a language the interface lacks (Catalan) never stands in for English', () => {
    const norwegian = {
      ...OWN_WORDS,
      ownWords: [{ language: 'no', text: 'Anonym hjelpetelefon.', source: 'https://own-words.example/om-oss' }],
    }
    expect(descriptionView(norwegian, translator.t('nb'), 'nb')).toMatchObject({
      text: 'Anonym hjelpetelefon.',
      lang: 'no',
      ownWords: true,
    })
    const catalan = { ...OWN_WORDS, ownWords: [{ language: 'ca', text: 'Servei anònim.', source: 'https://own-words.example/om-oss' }] }
    expect(descriptionView(catalan, translator.t('en'), 'en')).toMatchObject({ lang: 'en', ownWords: false })
    expect(descriptionView(catalan, translator.t('es'), 'es')).toMatchObject({ lang: 'en', ownWords: false })
  })
})
