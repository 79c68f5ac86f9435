import autocannon from 'autocannon'

/**
 * The load generator, run as a child process of turn.bench.ts (forked, so it inherits tsx) so that it
 * does not share the server's event loop. It still shares the machine's cores with the server.
 * Protocol: the parent sends a LoadJob, the child answers with a LoadSummary (or an error), and exits on 'exit'.
 */
export interface LoadJob {
  id: number
  url: string
  method: 'GET' | 'POST'
  headers: Record<string, string>
  body: string | undefined
  connections: number
  /** seconds */
  duration: number
}

export interface LoadSummary {
  id: number
  requestsPerSecond: number
  latencyP50: number
  latencyP99: number
  latencyMean: number
  total2xx: number
  non2xx: number
  errors: number
  timeouts: number
}

async function run(job: LoadJob): Promise<LoadSummary> {
  const result = await autocannon({
    url: job.url,
    method: job.method,
    headers: job.headers,
    body: job.body,
    connections: job.connections,
    duration: job.duration,
  })
  return {
    id: job.id,
    requestsPerSecond: result.requests.mean,
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
    latencyMean: result.latency.mean,
    total2xx: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  }
}

process.on('message', (message: LoadJob | 'exit') => {
  if (message === 'exit') process.exit(0)
  run(message).then(
    (summary) => process.send?.(summary),
    (error: unknown) => process.send?.({ id: message.id, error: String(error) }),
  )
})
process.send?.('ready')
