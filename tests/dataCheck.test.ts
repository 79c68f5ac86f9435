import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { checkData, projectData, type DataFiles } from '../scripts/checkData'

const folder = mkdtempSync(join(tmpdir(), 'helpfinder-data-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

/** A copy of the project's data with one file rewritten by `edit`. */
function brokenCopy(name: keyof DataFiles, edit: (json: { initiatives: Record<string, unknown>[] } & Record<string, unknown>) => unknown): DataFiles {
  const path = join(folder, `${name}-${Math.random().toString(36).slice(2)}.json`)
  writeFileSync(path, JSON.stringify(edit(JSON.parse(readFileSync(projectData[name], 'utf8')))))
  return { ...projectData, [name]: path }
}

describe('npm run data:check', () => {
  it('passes on the project data', () => {
    expect(checkData(projectData, new Date())).toEqual([])
  })

  it('names the record for a URL that is not https', () => {
    const files = brokenCopy('initiatives', (json) => {
      json.initiatives[0] = { ...json.initiatives[0], website: 'http://example.org/' }
      return json
    })
    const problems = checkData(files, new Date())
    expect(problems.join('\n')).toMatch(/initiatives\[0\] \(id [^)]+\)\.website/)
  })

  it('finds duplicate ids, missing sources and dates in the future', () => {
    const files = brokenCopy('initiatives', (json) => {
      const [first, second] = json.initiatives
      json.initiatives[1] = { ...second, id: first?.id, lastChecked: '2999-01-01' }
      json.initiatives[2] = { ...json.initiatives[2], sources: [] }
      return json
    })
    const problems = checkData(files, new Date('2026-11-23')).join('\n')
    expect(problems).toContain('duplicate id')
    expect(problems).toContain('in the future')
    expect(problems).toMatch(/initiatives\[2\].*sources/)
  })

  it('reports a file that is not JSON instead of crashing', () => {
    const path = join(folder, 'not-json.json')
    writeFileSync(path, '{ nope')
    expect(checkData({ ...projectData, flow: path }, new Date())[0]).toMatch(/^flows\/help-seeker.json: not readable JSON/)
  })
})
