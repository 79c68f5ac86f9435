import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Result } from '../../src/core/result'
import { readDataDir } from '../import/readDataDir'
import { initiativesToCsv } from './initiativesToCsv'
import { initiativesToJson } from './initiativesToJson'

/**
 * Writes `initiatives.json` (the data/initiatives.json shape and bytes) and `initiatives.csv`
 * (docs/data-format.md) into `outDir`, from a validated data folder.
 * @example exportDirectory('data', 'export') // { ok: true, value: ['export/initiatives.json', 'export/initiatives.csv'] }
 */
export function exportDirectory(dataDir: string, outDir: string): Result<string[], string[]> {
  const data = readDataDir(dataDir)
  if (!data.ok) return data
  const { initiatives, taxonomy } = data.value
  const files = [
    [join(outDir, 'initiatives.json'), initiativesToJson(initiatives, taxonomy)],
    [join(outDir, 'initiatives.csv'), initiativesToCsv(initiatives, taxonomy)],
  ] as const
  mkdirSync(outDir, { recursive: true })
  for (const [path, text] of files) writeFileSync(path, text)
  return { ok: true, value: files.map(([path]) => path) }
}
