/**
 * What an operator reads when the directory storage fails: the error's own words and its cause's
 * ("Failed query: select …" ← "no such table: initiatives"), cut short. Storage errors never carry
 * anything a person typed: the directory is read-only and holds no conversation.
 * @example describeStorageFailure(new Error('D1_ERROR: no such table: initiatives'))
 */
export function describeStorageFailure(error: unknown): string {
  const parts: string[] = []
  for (let current: unknown = error, depth = 0; current !== undefined && depth < 3; depth++) {
    parts.push(current instanceof Error ? current.message.split('\n')[0] ?? '' : String(current))
    current = current instanceof Error ? current.cause : undefined
  }
  return `the directory storage failed (${parts.join(' ← ').slice(0, 300)}); serving the copy of data/ built into the app until it recovers`
}
