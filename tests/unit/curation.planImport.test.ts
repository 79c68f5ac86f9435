import { describe, expect, it } from 'vitest'
import type { DirectoryData } from '../../src/core/directory/directoryData'
import type { Initiative } from '../../src/core/directory/initiativeSchema'
import { isContactable } from '../../src/core/directory/isContactable'
import { csvHeader } from '../../src/curation/csvColumns'
import { initiativesToCsv } from '../../src/curation/initiativesToCsv'
import { initiativesToJson } from '../../src/curation/initiativesToJson'
import { planImport, type ImportPlanInput } from '../../src/curation/planImport'
import { loadBundledData } from '../../src/storage/bundledData'

// planImport is what `npm run data:import` and the curator console both run: tested here on the
// real directory, without files or a database.
const current = loadBundledData()
const today = new Date()
const plan = (input: Partial<ImportPlanInput> & Pick<ImportPlanInput, 'text'>) =>
  planImport({ format: 'csv', current, mode: 'upsert', today, ...input })
const csv = (records: Initiative[]) => initiativesToCsv(records, current.taxonomy)

function record(index: number): Initiative {
  const found = current.initiatives[index]
  if (!found) throw new Error(`data/initiatives.json has no record ${index}`)
  return found
}
/** A copy of a real record under a new id: valid, and new to the directory. */
const newRecord = (index: number, id: string): Initiative => ({ ...record(index), id, name: `New service ${id}` })

describe('planImport', () => {
  it('a good CSV with three new services: every row "add", ok, and the merged directory', () => {
    const result = plan({ text: csv([newRecord(0, 'zz-new-a'), newRecord(1, 'zz-new-b'), newRecord(2, 'zz-new-c')]) })
    expect(result.fileProblems).toEqual([])
    expect(result.otherProblems).toEqual([])
    expect(result.rows).toEqual([
      { row: 2, id: 'zz-new-a', name: 'New service zz-new-a', outcome: 'add', problems: [] },
      { row: 3, id: 'zz-new-b', name: 'New service zz-new-b', outcome: 'add', problems: [] },
      { row: 4, id: 'zz-new-c', name: 'New service zz-new-c', outcome: 'add', problems: [] },
    ])
    expect(result.ok).toBe(true)
    expect(result.merged?.added).toEqual(['zz-new-a', 'zz-new-b', 'zz-new-c'])
    expect(result.merged?.initiatives).toHaveLength(current.initiatives.length + 3)
    expect(result.merged?.removed).toEqual([])
  })

  it('an edited row is "change" and an untouched one "unchanged"', () => {
    const edited = { ...record(3), summary: 'A summary a curator rewrote.' }
    const result = plan({ text: csv([edited, record(4)]) })
    expect(result.rows.map((row) => [row.id, row.outcome, row.problems])).toEqual([
      [edited.id, 'change', []],
      [record(4).id, 'unchanged', []],
    ])
    expect(result.ok).toBe(true)
    expect(result.merged?.changed).toEqual([edited.id])
    expect(result.merged?.unchanged).toHaveLength(current.initiatives.length - 1)
    expect(result.merged?.initiatives.find((entry) => entry.id === edited.id)?.summary).toBe('A summary a curator rewrote.')
  })

  it('a record whose `inferred` list is only reordered (as the database returns it) is "unchanged" and keeps its written form', () => {
    const target = current.initiatives.find((entry) => entry.inferred.length > 1)
    if (!target) throw new Error('no record with two inferred criteria')
    const result = plan({ text: csv([{ ...target, inferred: [...target.inferred].reverse() }]) })
    expect(result.rows.map((row) => row.outcome)).toEqual(['unchanged'])
    expect(result.merged?.initiatives.find((entry) => entry.id === target.id)?.inferred).toEqual(target.inferred)
  })

  it('a broken file: every failing row with every reason, ok false, no merged directory', () => {
    const bad = { ...newRecord(5, 'zz-broken'), website: 'http://example.org/' }
    const copy = { ...newRecord(6, 'zz-broken'), name: 'Second row with the same id' }
    const good = newRecord(7, 'zz-fine')
    // initiativesToCsv sorts by id, stably: the rows come in this order.
    const result = plan({ text: csv([bad, copy, good]) })
    expect(result.rows).toEqual([
      {
        row: 2,
        id: 'zz-broken',
        name: 'New service zz-broken',
        outcome: 'fails',
        problems: ['website "http://example.org/": must be an https:// URL', 'duplicate id (rows 2, 3)'],
      },
      { row: 3, id: 'zz-broken', name: 'Second row with the same id', outcome: 'fails', problems: ['duplicate id (rows 2, 3)'] },
      { row: 4, id: 'zz-fine', name: 'New service zz-fine', outcome: 'add', problems: [] },
    ])
    expect(result.ok).toBe(false)
    expect(result.merged).toBeUndefined()
    expect(result.fileProblems).toEqual([])
    expect(result.otherProblems).toEqual([])
  })

  it('two valid copies of one id: both rows name each other, as data:import always printed it', () => {
    const result = plan({ text: csv([newRecord(0, 'zz-twice'), { ...newRecord(1, 'zz-twice'), name: 'Other' }]) })
    expect(result.rows.map((row) => [row.row, row.outcome, row.problems])).toEqual([
      [2, 'fails', ['duplicate id (rows 2, 3)']],
      [3, 'fails', ['duplicate id (rows 2, 3)']],
    ])
  })

  it('a JSON file: rows are positions in the array', () => {
    const text = initiativesToJson([newRecord(8, 'zz-json'), record(9)], current.taxonomy)
    const result = plan({ text, format: 'json' })
    expect(result.rows.map((row) => [row.row, row.id, row.outcome])).toEqual([
      [1, record(9).id, 'unchanged'],
      [2, 'zz-json', 'add'],
    ])
    expect(result.ok).toBe(true)
    expect(plan({ text: '{"initiatives": [{"id": "zz-half"}]}', format: 'json' }).rows[0]).toMatchObject({
      row: 1,
      id: 'zz-half',
      outcome: 'fails',
    })
  })

  it('replace mode removing a record a partner features: the partners problem, in otherProblems', () => {
    const featured = current.initiatives.find((entry) => entry.status === 'active' && isContactable(entry))
    const [partner] = current.partners
    if (!featured || !partner) throw new Error('no active, contactable record or no partner in data/')
    const withPartner: DirectoryData = { ...current, partners: [{ ...partner, featured: [featured.id] }] }
    const rest = current.initiatives.filter((entry) => entry.id !== featured.id)
    const result = planImport({
      text: initiativesToJson(rest, current.taxonomy),
      format: 'json',
      current: withPartner,
      mode: 'replace',
      today,
    })
    expect(result.otherProblems).toEqual([`the partners: ${partner.id}: featured ${featured.id} is not in data/initiatives.json`])
    expect(result.rows.every((row) => row.outcome === 'unchanged' && row.problems.length === 0)).toBe(true)
    expect(result.ok).toBe(false)
    expect(result.merged).toBeUndefined()
    // Without the partner's claim the same replace is fine, and says what it removes.
    expect(
      planImport({ text: initiativesToJson(rest, current.taxonomy), format: 'json', current, mode: 'replace', today }).merged?.removed,
    ).toEqual([featured.id])
  })

  it('names the places of problems outside the rows as the caller asks (the CLI passes file paths)', () => {
    const featured = current.initiatives.find((entry) => entry.status === 'active' && isContactable(entry))
    const [partner] = current.partners
    if (!featured || !partner) throw new Error('no active, contactable record or no partner in data/')
    const places = { initiatives: 'x/initiatives.json', urgent: 'x/urgent-help.json', partners: 'x/partners.json' }
    const withPartner: DirectoryData = { ...current, partners: [{ ...partner, featured: [featured.id] }] }
    const text = initiativesToJson([record(0)], current.taxonomy)
    const result = planImport({ text, format: 'json', current: withPartner, mode: 'replace', today, places })
    expect(result.otherProblems).toContain(`x/partners.json: ${partner.id}: featured ${featured.id} is not in data/initiatives.json`)
  })

  it('an empty file, a header without rows, and an empty JSON list are file problems', () => {
    const cases: Array<[Pick<ImportPlanInput, 'text' | 'format'>, string]> = [
      [{ text: '', format: 'csv' }, 'the file is empty (expected a header row)'],
      [{ text: `${csvHeader([]).join(',')}\r\n`, format: 'csv' }, 'holds no records'],
      [{ text: '{"initiatives": []}', format: 'json' }, 'holds no records'],
      [{ text: '', format: 'json' }, 'not readable JSON (Unexpected end of JSON input)'],
    ]
    for (const [input, problem] of cases) {
      expect(plan(input)).toEqual({ ok: false, fileProblems: [problem], rows: [], otherProblems: [] })
    }
  })
})
