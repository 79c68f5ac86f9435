import { hasStackTrace } from './hasStackTrace'

/** Why a request of a conversation failed. */
export type StepProblem = 'non2xx' | 'network' | 'stackTrace' | 'flow'

/** A conversation's end: how many requests it took, and whether it reached results. */
export interface ConversationOutcome {
  requests: number
  completed: boolean
  problem?: { kind: StepProblem; detail: string }
}

const TIMEOUT_MS = 30_000

/**
 * POSTs one step of a conversation and reads the whole body; a non-2xx status, a network error (a
 * timeout included) or a stack trace in the body is a problem. The time taken goes to `latencies`.
 * @example const step = await postStep(`${base}/api/v1/turn`, 'application/json', body, latencies)
 */
export async function postStep(
  url: string,
  contentType: string,
  body: string,
  latencies: number[],
): Promise<{ ok: true; body: string } | { ok: false; kind: StepProblem; detail: string }> {
  const started = performance.now()
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
    const text = await response.text()
    latencies.push(performance.now() - started)
    if (hasStackTrace(text)) return { ok: false, kind: 'stackTrace', detail: `${url} → a stack trace in the body` }
    if (response.status < 200 || response.status > 299) return { ok: false, kind: 'non2xx', detail: `${url} → ${response.status}` }
    return { ok: true, body: text }
  } catch (error) {
    latencies.push(performance.now() - started)
    const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)
    return { ok: false, kind: 'network', detail: `${url} → ${reason}` }
  }
}
