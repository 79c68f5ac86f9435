import { readFileSync } from 'node:fs'
import { fail, ok, type Result } from '../../src/core/result'

/**
 * A file's JSON, or why it could not be read, in the words a curator sees.
 * @example const json = readJsonFile('data/taxonomy.json'); if (!json.ok) problems.push(`data/taxonomy.json: ${json.error}`)
 */
export function readJsonFile(path: string): Result<unknown, string> {
  try {
    return ok(JSON.parse(readFileSync(path, 'utf8')))
  } catch (error) {
    return fail(`not readable JSON (${error instanceof Error ? error.message : String(error)})`)
  }
}
