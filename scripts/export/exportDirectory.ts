import type { Result } from '../../src/core/result'
import { readDataDir } from '../import/readDataDir'
import { writeExportFiles } from './writeExportFiles'

/**
 * Writes `initiatives.json` (the data/initiatives.json shape and bytes) and `initiatives.csv`
 * (docs/data-format.md) into `outDir`, from a validated data folder.
 * @example exportDirectory('data', 'export') // { ok: true, value: ['export/initiatives.json', 'export/initiatives.csv'] }
 */
export function exportDirectory(dataDir: string, outDir: string): Result<string[], string[]> {
  const data = readDataDir(dataDir)
  if (!data.ok) return data
  return { ok: true, value: writeExportFiles(data.value, outDir) }
}
