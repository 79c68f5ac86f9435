import type { FuzzRequest } from './fuzzRequest'
import type { RawAnswer } from './sendRaw'

/** What one surface got back. */
export interface SurfaceCounts {
  requests: number
  statuses: Map<number, number>
  other5xx: number
  documented502: number
  hangs: number
  noAnswer: number
  notSent: number
  stackTraces: number
  slowest: { ms: number; what: string }
}

const MAX_FAILURES = 20

/**
 * Counts the fuzz's answers per surface and keeps the first failures. Acceptable: any answer below
 * 500, and the bot's documented 502 (normal delivery to a channel that does not answer). Failures:
 * other 5xx, hangs, connections dropped without an answer, stack traces in a body.
 * @example const tally = new FuzzTally(FUZZ_SURFACES.map((s) => s.name)); tally.record(request, answer)
 */
export class FuzzTally {
  readonly surfaces: Map<string, SurfaceCounts>
  readonly failures: string[] = []

  constructor(names: readonly string[]) {
    this.surfaces = new Map(
      names.map((name) => [
        name,
        {
          requests: 0,
          statuses: new Map(),
          other5xx: 0,
          documented502: 0,
          hangs: 0,
          noAnswer: 0,
          notSent: 0,
          stackTraces: 0,
          slowest: { ms: 0, what: '' },
        },
      ]),
    )
  }

  record(request: FuzzRequest, answer: RawAnswer): void {
    const counts = this.surfaces.get(request.surface.name)
    if (!counts) return
    counts.requests += 1
    const what = `${request.method} ${request.path.length > 60 ? `${request.path.slice(0, 60)}…` : request.path} (${request.label})`
    if (answer.ms > counts.slowest.ms) counts.slowest = { ms: answer.ms, what: `${what} → ${answer.status ?? answer.failure}` }
    if (answer.status !== undefined) counts.statuses.set(answer.status, (counts.statuses.get(answer.status) ?? 0) + 1)
    const failure = this.classify(counts, request, answer)
    if (failure && this.failures.length < MAX_FAILURES) this.failures.push(`${request.surface.name}: ${what} → ${failure}`)
  }

  /** Totals over every surface. */
  total(pick: (counts: SurfaceCounts) => number): number {
    return [...this.surfaces.values()].reduce((sum, counts) => sum + pick(counts), 0)
  }

  /** Counts the answer in its place; returns what failed, if anything did. */
  private classify(counts: SurfaceCounts, request: FuzzRequest, answer: RawAnswer): string | undefined {
    let failure: string | undefined
    if (answer.failure === 'hang') {
      counts.hangs += 1
      failure = 'hang'
    } else if (answer.failure?.startsWith('not sent')) {
      counts.notSent += 1
    } else if (answer.failure) {
      counts.noAnswer += 1
      failure = `no answer (${answer.failure})`
    } else if (answer.status === 502 && request.surface.kind === 'bot') {
      counts.documented502 += 1
    } else if ((answer.status ?? 0) >= 500) {
      counts.other5xx += 1
      failure = String(answer.status)
    }
    if (answer.stackTrace) {
      counts.stackTraces += 1
      failure = `${failure ?? answer.status} with a stack trace`
    }
    return failure
  }
}
