import * as z from 'zod'

/**
 * What an operator reads when the directory storage fails: the error's own words and its cause's
 * ("Failed query: select …" ← "no such table: initiatives"), cut short. Storage errors never carry
 * anything a person typed: the directory is read-only and holds no conversation.
 * @example describeStorageFailure(new Error('D1_ERROR: no such table: initiatives'))
 */
export function describeStorageFailure(error: unknown): string {
  const parts: string[] = []
  for (let current: unknown = error, depth = 0; current !== undefined && depth < 3; depth++) {
    parts.push(firstLine(current))
    current = current instanceof Error ? current.cause : undefined
  }
  return `the directory storage failed (${parts.join(' ← ').slice(0, 300)}); serving the copy of data/ built into the app until it recovers`
}

/** A zod error's message is a JSON list of issues; its first issue is the useful line. */
function firstLine(error: unknown): string {
  if (error instanceof z.ZodError) {
    const issue = error.issues[0]
    return issue ? `invalid data at ${issue.path.join('.')}: ${issue.message}` : 'invalid data'
  }
  return error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)
}
