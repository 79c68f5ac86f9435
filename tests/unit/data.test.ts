import { describe, it, expect } from 'vitest'
import { readFileSync, existsSync } from 'node:fs'
import { InitiativesFileSchema, type Initiative } from '../../src/core/directory/initiativeSchema'
import { TaxonomySchema } from '../../src/core/directory/taxonomySchema'

const readJson = (relative: string): unknown => JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8'))

const initiativesRaw = readJson('../../data/initiatives.json')
const taxonomyRaw = readJson('../../data/taxonomy.json')
const initiatives: Initiative[] = InitiativesFileSchema.parse(initiativesRaw).initiatives
const taxonomy = TaxonomySchema.parse(taxonomyRaw)

const BANNED = /child porn|paedophile|pedophile|predator|monster/i

const activePrevention = initiatives.filter((item) => item.kind === 'prevention' && item.status === 'active')

describe('data/initiatives.json and data/taxonomy.json', () => {
  it('parse with their zod schemas', () => {
    expect(InitiativesFileSchema.safeParse(initiativesRaw).success).toBe(true)
    expect(TaxonomySchema.safeParse(taxonomyRaw).success).toBe(true)
    expect(initiatives.length).toBeGreaterThan(0)
  })

  it('have unique ids and records sorted by id', () => {
    const ids = initiatives.map((item) => item.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toEqual([...ids].sort())
    const criterionIds = taxonomy.criteria.map((criterion) => criterion.id)
    expect(new Set(criterionIds).size).toBe(criterionIds.length)
  })

  it('use only tags that the taxonomy defines for that criterion', () => {
    const tagsByCriterion = new Map(
      taxonomy.criteria
        .filter((criterion) => criterion.valueSet === 'tags')
        .map((criterion) => [criterion.id, new Set(criterion.tags.map((tag) => tag.id))]),
    )
    const unknown: string[] = []
    for (const item of initiatives) {
      for (const [criterion, tags] of Object.entries(item.tags)) {
        const known = tagsByCriterion.get(criterion)
        if (!known) {
          unknown.push(`${item.id}: criterion ${criterion}`)
          continue
        }
        for (const tag of tags) if (!known.has(tag)) unknown.push(`${item.id}: ${criterion}.${tag}`)
      }
    }
    expect(unknown).toEqual([])
  })

  it('mark only known criteria as inferred', () => {
    const allowed = new Set([...taxonomy.criteria.map((criterion) => criterion.id)])
    const bad = initiatives.flatMap((item) => item.inferred.filter((key) => !allowed.has(key)).map((key) => `${item.id}: ${key}`))
    expect(bad).toEqual([])
  })

  it('contain no stigmatising wording in name, summary or confidentiality', () => {
    const hits = initiatives.flatMap((item) =>
      (['name', 'summary', 'confidentiality'] as const)
        .filter((field) => BANNED.test(item[field] ?? ''))
        .map((field) => `${item.id}.${field}`),
    )
    expect(hits).toEqual([])
  })

  it.each(['DE', 'GB', 'NL'])('have at least one active prevention service in %s', (country) => {
    expect(activePrevention.some((item) => item.countries.includes(country))).toBe(true)
  })

  it('have at least one active online prevention service in English', () => {
    expect(activePrevention.some((item) => item.online && item.languages.includes('en'))).toBe(true)
  })

  it('keep online-only services without countries and child helplines out of prevention categories', () => {
    for (const item of initiatives) {
      if (item.countries.length === 0) expect(item.online, item.id).toBe(true)
      if (item.kind !== 'prevention') expect(item.tags.jrc_category, item.id).toBeUndefined()
    }
  })

  it('never show a record with a status caveat as active', () => {
    for (const item of initiatives) {
      if (item.status === 'active') expect(item.statusNote, item.id).toBeNull()
      else expect(item.statusNote, item.id).not.toBeNull()
    }
    const byId = new Map(initiatives.map((item) => [item.id, item]))
    // PrevenSI's phone line closed in 2022; other channels unknown.
    expect(byId.get('prevensi')?.status).toBe('doubtful')
    // Reported paused / closed in 2025 (secondary source), ended pilot, research trial.
    for (const id of ['aurora-project', 'safer-living-centre', 'acse-italy', 'skalbes-anonymous-line-pilot', 'prevent-it-sweden']) {
      expect(byId.get(id)?.status, id).not.toBe('active')
    }
  })

  const referenceUrl = new URL('../../../shared/reference/initiatives.json', import.meta.url)
  it.skipIf(!existsSync(referenceUrl))('never promote: only records "active as of latest source" in the reference may be active', () => {
    const reference = JSON.parse(readFileSync(referenceUrl, 'utf8')) as Array<{ id: string; status: string }>
    const referenceStatus = new Map(reference.map((record) => [record.id, record.status]))
    for (const item of initiatives) {
      const status = referenceStatus.get(item.id)
      expect(status, item.id).toBeDefined()
      const activeInReference = status === 'active as of latest source (not live-verified)'
      // A curator may demote a record the reference calls active (with a note), never the reverse.
      if (item.status === 'active') expect(activeInReference, item.id).toBe(true)
      if (!activeInReference) expect(item.statusNote, item.id).toContain(status)
    }
  })
})
