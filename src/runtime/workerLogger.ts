/**
 * Operator warnings on Workers, where console is the log. Said once per isolate, never per request.
 * Never pass anything about the person here: only configuration problems.
 * @example warnOnce('STATE_KEYS is not set')
 */
const said = new Set<string>()

export function warnOnce(message: string): void {
  if (said.has(message)) return
  said.add(message)
  console.warn(`warning: ${message}`)
}
