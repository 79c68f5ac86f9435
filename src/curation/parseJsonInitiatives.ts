import * as z from 'zod'
import { validateCandidate, type ParsedFile } from './validateCandidate'

const FileShape = z.object({ initiatives: z.array(z.unknown()) })

/**
 * Parses an import file in the shape of data/initiatives.json (`{ "initiatives": [...] }`);
 * row N is the N-th record (array index + 1).
 * @example parseJsonInitiatives(readFileSync('export/initiatives.json', 'utf8')).rows[0]?.record
 */
export function parseJsonInitiatives(text: string): ParsedFile {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return { rows: [], problems: [`not readable JSON (${error instanceof Error ? error.message : String(error)})`] }
  }
  const file = FileShape.safeParse(json)
  if (!file.success) return { rows: [], problems: ['expected { "initiatives": [ … ] }, the shape of data/initiatives.json'] }
  return { rows: file.data.initiatives.map((candidate, index) => validateCandidate(index + 1, candidate)), problems: [] }
}
