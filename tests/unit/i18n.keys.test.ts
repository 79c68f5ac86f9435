import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { loadFlow } from '../../src/app/loadFlow'
import { loadBundledData } from '../../src/storage/bundledData'
import { resources, uiLanguages } from '../../src/i18n/resources'

// i18next shows a missing key as the key itself ("results.helplines"), so every key the code,
// the flow and the data can ask for must exist, in every interface language.
const src = fileURLToPath(new URL('../../src', import.meta.url))
const files = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(folder, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(folder, entry.name)] : [],
  )

function has(language: string, key: string): boolean {
  let node: unknown = Reflect.get(resources, language)
  node = node && typeof node === 'object' ? Reflect.get(node, 'translation') : undefined
  for (const part of key.split('.')) node = node && typeof node === 'object' ? Reflect.get(node, part) : undefined
  return typeof node === 'string' || Array.isArray(node)
}

const literalKeys = [
  ...new Set(
    files(src).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-z_]+(?:\.[a-z_]+)+)'/g)].flatMap((match) => (match[1] ? [match[1]] : [])),
    ),
  ),
]
const stringKeys = [
  ...new Set(
    files(src).flatMap((file) =>
      [
        ...readFileSync(file, 'utf8').matchAll(
          /'((?:results|error|urgent|reason|nav|app|flow|channel|privacy|safety|meta|bot)\.[a-z_.]+)'/g,
        ),
      ].flatMap((match) => (match[1] ? [match[1]] : [])),
    ),
  ),
]
const flow = loadFlow()
const flowKeys = Object.values(flow.nodes).flatMap((node) => [
  node.prompt,
  ...(node.hint ? [node.hint] : []),
  ...(node.input?.options ?? []).map((option) => option.label),
])
const data = loadBundledData()
const dynamicKeys = [
  ...data.taxonomy.criteria.flatMap((criterion) =>
    criterion.id === 'target_group' ? criterion.tags.map((tag) => `reason.group.${tag.id}`) : [],
  ),
  ...data.initiatives.flatMap((initiative) => initiative.contacts.map((contact) => `channel.${contact.channel}`)),
  ...['privacy', 'safety'].flatMap((page) => [`${page}.title`, `${page}.body`]),
  ...['country', 'language'].flatMap((kind) => [`flow.${kind}.choose`, `flow.${kind}.type`]),
  ...['child_danger', 'self_harm', 'other'].map((reason) => `urgent.reason_${reason}`),
]

describe('every translation key that can be shown exists', () => {
  it('finds the keys it checks', () => {
    expect(literalKeys.length).toBeGreaterThan(30)
    expect(stringKeys).toContain('results.helplines_only')
  })

  it.each(uiLanguages)('in %s', (language) => {
    const missing = [...new Set([...literalKeys, ...stringKeys, ...flowKeys, ...dynamicKeys])].filter((key) => !has(language, key))
    expect(missing).toEqual([])
  })
})
