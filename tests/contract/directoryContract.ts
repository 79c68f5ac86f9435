import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DirectoryData } from '../../src/core/directory/directoryData'
import { InitiativesFileSchema, type Initiative } from '../../src/core/directory/initiativeSchema'
import { PartnersFileSchema } from '../../src/core/directory/partnerSchema'
import { TaxonomySchema } from '../../src/core/directory/taxonomySchema'
import { UrgentHelpFileSchema } from '../../src/core/directory/urgentHelpSchema'
import type { DirectorySource } from '../../src/storage/directorySource'
import { ABOUT_PAGE_IDS, withOwnWordsRecords } from './withOwnWordsRecords'

/** An opened storage driver under test. */
export interface OpenedDirectory {
  source: DirectorySource
  close(): Promise<void> | void
}

/** data/ read from disk and parsed by the zod schemas, plus the records of withOwnWordsRecords: what every driver must hand back. */
function dataOnDisk(): DirectoryData {
  const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../data/${name}`, import.meta.url), 'utf8'))
  return withOwnWordsRecords({
    taxonomy: TaxonomySchema.parse(read('taxonomy.json')),
    initiatives: InitiativesFileSchema.parse(read('initiatives.json')).initiatives,
    urgent: UrgentHelpFileSchema.parse(read('urgent-help.json')).countries,
    partners: PartnersFileSchema.parse(read('partners.json')).partners,
  })
}

const byId = (initiatives: Initiative[]) => new Map(initiatives.map((initiative) => [initiative.id, initiative]))
const ids = (initiatives: Initiative[]) => initiatives.map((initiative) => initiative.id).sort()
/** `inferred` is a set of criterion ids; storage keeps it as a flag on tag rows, so its order is not kept. */
const canonical = (initiative: Initiative): Initiative => ({ ...initiative, inferred: [...initiative.inferred].sort() })
const lineCount = (data: DirectoryData) => data.urgent.reduce((sum, country) => sum + country.lines.length, 0)

/**
 * The storage contract every DirectorySource driver (SQLite, D1, static fallback) must keep; each
 * is opened on `withOwnWordsRecords(loadBundledData())`.
 * @example directoryContract('sqlite', async () => { const d = openSqliteDirectory(file, withOwnWordsRecords(seed), dir); return d })
 */
export function directoryContract(name: string, open: () => Promise<OpenedDirectory>): void {
  describe(`directory contract: ${name}`, () => {
    const expected = dataOnDisk()
    let opened: OpenedDirectory | undefined
    let loaded: DirectoryData

    beforeAll(async () => {
      opened = await open()
      loaded = await opened.source.load()
    })
    afterAll(async () => {
      await opened?.close()
    })

    it('hands back every initiative, criterion and urgent line of data/', () => {
      expect(expected.initiatives.length).toBeGreaterThan(0)
      expect(ids(loaded.initiatives)).toEqual(ids(expected.initiatives))
      expect(loaded.initiatives).toHaveLength(expected.initiatives.length)
      expect(loaded.taxonomy.criteria.map((criterion) => criterion.id)).toEqual(expected.taxonomy.criteria.map((criterion) => criterion.id))
      expect(loaded.urgent.map((country) => country.country).sort()).toEqual(expected.urgent.map((country) => country.country).sort())
      expect(lineCount(loaded)).toBe(lineCount(expected))
    })

    it('keeps each record field for field: sources, dates, status, inferred, contacts, tags', () => {
      const found = byId(loaded.initiatives)
      for (const record of expected.initiatives) {
        const got = found.get(record.id)
        expect(got, record.id).toBeDefined()
        expect(got?.sources, `${record.id} sources`).toEqual(record.sources)
        expect(got?.lastChecked, `${record.id} lastChecked`).toBe(record.lastChecked)
        expect(got?.status, `${record.id} status`).toBe(record.status)
        expect(got && canonical(got).inferred, `${record.id} inferred`).toEqual(canonical(record).inferred)
        expect(got?.contacts, `${record.id} contacts`).toEqual(record.contacts)
        expect(got?.tags, `${record.id} tags`).toEqual(record.tags)
        expect(got && canonical(got), record.id).toEqual(canonical(record))
      }
    })

    it('keeps the countries a contact works from, and leaves them absent where the record has none', () => {
      const found = byId(loaded.initiatives)
      const limited = expected.initiatives.filter((record) => record.contacts.some((contact) => contact.countries !== undefined))
      expect(limited.length).toBeGreaterThan(0)
      for (const record of expected.initiatives) {
        const got = found.get(record.id)?.contacts.map((contact) => (Object.hasOwn(contact, 'countries') ? contact.countries : 'absent'))
        expect(got, record.id).toEqual(record.contacts.map((contact) => contact.countries ?? 'absent'))
      }
    })

    it("keeps a page about the service, who published it, and the service's own words, exactly", () => {
      const found = byId(loaded.initiatives)
      const withThem = expected.initiatives.filter((record) => record.aboutPage !== null || record.ownWords.length > 0)
      expect(withThem.map((record) => record.id)).toEqual(expect.arrayContaining(ABOUT_PAGE_IDS))
      for (const record of withThem) {
        const got = found.get(record.id)
        expect(got?.aboutPage, `${record.id} aboutPage`).toBe(record.aboutPage)
        expect(got?.aboutPageBy, `${record.id} aboutPageBy`).toBe(record.aboutPageBy)
        expect(got?.ownWords, `${record.id} ownWords`).toEqual(record.ownWords)
      }
      // Both kinds of publisher, and own words in a right-to-left language, are among them.
      expect(withThem.map((record) => record.aboutPageBy)).toEqual(expect.arrayContaining(['operator', 'official']))
      expect(withThem.flatMap((record) => record.ownWords.map((words) => words.language))).toEqual(expect.arrayContaining(['sv', 'ar']))
      // A record without them reads back as null and [], never undefined.
      for (const record of loaded.initiatives.filter((entry) => entry.aboutPage === null)) {
        expect(record.aboutPageBy, record.id).toBeNull()
        expect(Array.isArray(record.ownWords), record.id).toBe(true)
      }
    })

    it('keeps the taxonomy and the urgent-help numbers exactly', () => {
      expect(loaded.taxonomy).toEqual(expected.taxonomy)
      const urgent = new Map(loaded.urgent.map((country) => [country.country, country.lines]))
      for (const country of expected.urgent) expect(urgent.get(country.country), country.country).toEqual(country.lines)
    })

    it('keeps the embedding partners exactly, in the order of data/partners.json', () => {
      expect(expected.partners.length).toBeGreaterThan(0)
      expect(loaded.partners).toEqual(expected.partners)
    })

    it('keeps doubtful records, marked doubtful', () => {
      const doubtful = expected.initiatives.filter((record) => record.status === 'doubtful').map((record) => record.id)
      expect(doubtful.length).toBeGreaterThan(0)
      const found = byId(loaded.initiatives)
      expect(doubtful.map((id) => found.get(id)?.status)).toEqual(doubtful.map(() => 'doubtful'))
    })

    it('loads the same data twice', async () => {
      const source = opened?.source
      if (!source) throw new Error('not opened')
      const [first, second] = [await source.load(), await source.load()]
      expect(second).toEqual(first)
      expect(first).toEqual(loaded)
    })
  })
}
