import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { DirectoryData } from '../../src/core/directory/directoryData'
import { initiativesToCsv } from '../../src/curation/initiativesToCsv'
import { initiativesToJson } from '../../src/curation/initiativesToJson'

/**
 * Writes `initiatives.json` (the data/initiatives.json shape and bytes) and `initiatives.csv`
 * (docs/data-format.md) into `outDir`; returns their paths.
 * @example writeExportFiles(data, 'export') // ['export/initiatives.json', 'export/initiatives.csv']
 */
export function writeExportFiles({ initiatives, taxonomy }: Pick<DirectoryData, 'initiatives' | 'taxonomy'>, outDir: string): string[] {
  const files = [
    [join(outDir, 'initiatives.json'), initiativesToJson(initiatives, taxonomy)],
    [join(outDir, 'initiatives.csv'), initiativesToCsv(initiatives, taxonomy)],
  ] as const
  mkdirSync(outDir, { recursive: true })
  for (const [path, text] of files) writeFileSync(path, text)
  return files.map(([path]) => path)
}
