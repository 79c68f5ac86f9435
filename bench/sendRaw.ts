import { Agent, request, type ClientRequest } from 'node:http'
import { hasStackTrace } from './hasStackTrace'

/** What came back: a status and what the body showed, or why nothing did. */
export interface RawAnswer {
  status?: number
  ms: number
  stackTrace: boolean
  /** 'hang' when the timeout passed first, 'not sent: …' when Node refused the request, else the socket error's code. */
  failure?: string
}

/** A request exactly as the fuzz wants it on the wire. */
export interface RawRequest {
  method: string
  path: string
  headers: Record<string, string>
  /** Parts are sent chunked, without a Content-Length. */
  body?: Buffer | Buffer[]
}

const MAX_BODY = 2 * 1024 * 1024
/** One connection per request, closed after it: for the retry. */
const FRESH_CONNECTION = new Agent({ keepAlive: false })

/**
 * Sends a request as given (method, path and headers unchecked by fetch's rules) with node:http,
 * reads the answer, and looks for a stack trace in it. A request that is not answered within
 * `timeoutMs` is destroyed and reported as a hang.
 * @example const answer = await sendRaw(new URL(base), { method: 'FOO', path: '/', headers: {} }, agent, 15_000)
 */
export function sendRaw(base: URL, raw: RawRequest, agent: Agent, timeoutMs: number, retried = false): Promise<RawAnswer> {
  const started = performance.now()
  return new Promise((resolve) => {
    let settled = false
    let status: number | undefined
    let timer: NodeJS.Timeout | undefined
    const finish = (answer: Omit<RawAnswer, 'ms'>) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resolve({ ...answer, ms: performance.now() - started })
    }
    let outgoing: ClientRequest
    try {
      outgoing = request(
        { host: base.hostname, port: base.port, method: raw.method, path: raw.path, headers: raw.headers, agent },
        (response) => {
          status = response.statusCode
          const chunks: Buffer[] = []
          let size = 0
          const read = () => finish({ status, stackTrace: hasStackTrace(Buffer.concat(chunks).toString('utf8')) })
          response.on('data', (chunk: Buffer) => {
            size += chunk.length
            if (size <= MAX_BODY) chunks.push(chunk)
          })
          response.on('end', read)
          response.on('error', read)
        },
      )
    } catch (error) {
      // Node's client refused to send it (an invalid header or path): a fault of the fuzz, not the server.
      finish({ stackTrace: false, failure: `not sent: ${error instanceof Error ? error.message : String(error)}` })
      return
    }
    timer = setTimeout(() => {
      finish({ status, stackTrace: false, failure: 'hang' })
      outgoing.destroy()
    }, timeoutMs)
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      if (settled) return
      // A kept-alive socket the server had already given up (after an earlier request on it left a
      // body unread, or its keep-alive ran out) resets as it is reused. Try once more on a connection
      // of its own, so a reset there is the server's answer to this request and nothing else.
      if (!retried && status === undefined && (error.code === 'ECONNRESET' || error.code === 'EPIPE')) {
        settled = true
        clearTimeout(timer)
        sendRaw(base, raw, FRESH_CONNECTION, timeoutMs, true).then(resolve)
        return
      }
      // An answer came and then the socket closed (a refused upload still being sent): the answer counts.
      finish(status === undefined ? { stackTrace: false, failure: error.code ?? error.message } : { status, stackTrace: false })
    })
    if (Array.isArray(raw.body)) {
      for (const part of raw.body) outgoing.write(part)
      outgoing.end()
    } else {
      outgoing.end(raw.body)
    }
  })
}
