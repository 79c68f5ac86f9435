import type { StepProblem } from './postStep'
import { walkHtmlConversation } from './walkHtmlConversation'
import { walkJsonConversation } from './walkJsonConversation'

/**
 * A soak load generator, forked by soak.bench.ts so that it has its own process and event loop:
 * it runs whole conversations of one kind back to back, `concurrency` at a time, until the time
 * is up (a conversation under way then is finished). Protocol: the parent sends a SoakJob, the
 * child answers with a SoakSummary and exits.
 */
export interface SoakJob {
  kind: 'json' | 'html'
  base: string
  concurrency: number
  seconds: number
}

export interface SoakSummary {
  kind: SoakJob['kind']
  /** From the job's start to the last conversation's end. */
  seconds: number
  conversations: number
  requests: number
  errors: Record<StepProblem, number>
  /** The first few errors, to show what went wrong. */
  errorSamples: string[]
  latencyP50: number
  latencyP99: number
  latencyMax: number
}

const walks = { json: walkJsonConversation, html: walkHtmlConversation }

async function soak(job: SoakJob): Promise<SoakSummary> {
  const started = performance.now()
  const deadline = Date.now() + job.seconds * 1000
  const latencies: number[] = []
  const summary: SoakSummary = {
    kind: job.kind,
    seconds: 0,
    conversations: 0,
    requests: 0,
    errors: { non2xx: 0, network: 0, stackTrace: 0, flow: 0 },
    errorSamples: [],
    latencyP50: 0,
    latencyP99: 0,
    latencyMax: 0,
  }
  const walk = walks[job.kind]
  const lane = async () => {
    while (Date.now() < deadline) {
      const outcome = await walk(job.base, latencies)
      summary.requests += outcome.requests
      if (outcome.completed) summary.conversations += 1
      if (outcome.problem) {
        summary.errors[outcome.problem.kind] += 1
        if (summary.errorSamples.length < 5) summary.errorSamples.push(outcome.problem.detail)
      }
    }
  }
  await Promise.all(Array.from({ length: job.concurrency }, lane))
  latencies.sort((a, b) => a - b)
  const at = (share: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * share))] ?? 0
  return {
    ...summary,
    seconds: (performance.now() - started) / 1000,
    latencyP50: at(0.5),
    latencyP99: at(0.99),
    latencyMax: latencies.at(-1) ?? 0,
  }
}

process.once('message', (job: SoakJob) => {
  soak(job).then(
    (summary) => process.send?.(summary, () => process.exit(0)),
    (error: unknown) => process.send?.({ error: String(error) }, () => process.exit(1)),
  )
})
process.send?.('ready')
