import type { FuzzContext } from './buildFuzzContext'
import { fuzzBotBody } from './fuzzBotBody'
import { fuzzFormBody } from './fuzzFormBody'
import { fuzzJsonBody } from './fuzzJsonBody'
import type { FuzzSurface } from './fuzzSurfaces'
import { oddHeaders } from './oddHeaders'
import { oddText } from './oddText'
import type { SeededRandom } from './seededRandom'

/** One malformed request, ready to send. */
export interface FuzzRequest {
  surface: FuzzSurface
  /** What was done to it, for the report. */
  label: string
  method: string
  path: string
  headers: Record<string, string>
  /** The body; several parts are sent chunked, without a Content-Length. */
  body?: Buffer | Buffer[]
}

const KIB = 1024
const FORM = 'application/x-www-form-urlencoded'
const JSON_TYPE = 'application/json'
const UNKNOWN_PATHS = [
  '/wp-login.php',
  '/.env',
  '/.git/config',
  '/api',
  '/api/v1',
  '/api/v2/turn',
  '/api/v1/turn/',
  '/api/messages/x',
  '/turn/x',
  '/urgent/',
  '/URGENT',
  '//urgent',
  '/urgent;x=1',
  '/urgent%2F',
  '/widget/',
  '/widget.js.map',
  '/favicon.ico',
  '/robots.txt',
  '/index.html',
  '/%2e%2e/%2e%2e/etc/passwd',
  '/..%2f..%2fpackage.json',
  '/static/../../package.json',
  '/src/runtime/node.ts',
  '/node_modules/.bin/tsx',
  '/%00',
  '/%ff%fe',
  '/%',
  '/a%zz',
  `/${'a'.repeat(4000)}`,
  `/${'x/'.repeat(2000)}`,
]

/** Percent-encodes every byte of the text's UTF-8 (lone surrogates become U+FFFD) outside a safe set. */
const encodeBytes = (text: string) =>
  [...Buffer.from(text, 'utf8')]
    .map((byte) =>
      /[A-Za-z0-9._~-]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('')

/** The request the surface expects: the base the header and size attacks start from. */
function wellFormed(surface: FuzzSurface, random: SeededRandom, context: FuzzContext): Omit<FuzzRequest, 'label'> {
  const state = random.pick(context.validTokens)
  const base = { surface, method: surface.method, path: surface.path }
  if (surface.kind === 'form')
    return {
      ...base,
      headers: { 'content-type': FORM },
      body: Buffer.from(new URLSearchParams({ state, action: 'answer', answer: 'self' }).toString()),
    }
  if (surface.kind === 'json')
    return {
      ...base,
      headers: { 'content-type': JSON_TYPE },
      body: Buffer.from(JSON.stringify({ state, action: 'answer', reply: ['self'] })),
    }
  if (surface.kind === 'bot') {
    // Replies in the response (expectReplies): the bot calls no channel, so only the attack is timed.
    const activity = {
      type: 'message',
      id: 'fuzz',
      channelId: 'emulator',
      serviceUrl: `http://127.0.0.1:${context.closedPort}/`,
      conversation: { id: 'c' },
      from: { id: 'p' },
      recipient: { id: 'bot' },
      deliveryMode: 'expectReplies',
      text: 'hello',
    }
    return { ...base, headers: { 'content-type': JSON_TYPE }, body: Buffer.from(JSON.stringify(activity)) }
  }
  if (surface.kind === 'unknown') return { ...base, path: random.pick(UNKNOWN_PATHS), headers: {} }
  return { ...base, headers: {} }
}

/** A body of `size` bytes shaped for the surface, sent whole or in chunks. */
function hugeBody(surface: FuzzSurface, size: number, chunked: boolean): Buffer | Buffer[] {
  const prefix = surface.kind === 'json' || surface.kind === 'bot' ? '{"state":"' : 'state='
  const whole = Buffer.alloc(size, 'A')
  whole.write(prefix)
  if (!chunked) return whole
  const parts: Buffer[] = []
  for (let offset = 0; offset < size; offset += 16 * KIB) parts.push(whole.subarray(offset, offset + 16 * KIB))
  return parts
}

/**
 * A malformed request for the surface, chosen by the random source: a wrong method, content type
 * or body, a body over the 64 KiB limit, odd headers, odd or overlong query strings, odd paths.
 * @example const request = fuzzRequest(FUZZ_SURFACES[0], random, context)
 */
export function fuzzRequest(surface: FuzzSurface, random: SeededRandom, context: FuzzContext): FuzzRequest {
  const normal = wellFormed(surface, random, context)
  const families: (() => FuzzRequest)[] = [
    () => {
      const method = random.pick(
        surface.method === 'GET'
          ? ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'PROPFIND', 'FOO']
          : ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'],
      )
      return { ...normal, method, label: `wrong method ${method}` }
    },
    () => ({ ...normal, headers: { ...normal.headers, ...oddHeaders(random) }, label: 'odd headers' }),
    () => {
      const length = random.pick([2 * KIB, 8 * KIB, 15 * KIB, 20 * KIB, 70 * KIB])
      return {
        ...normal,
        path: `${normal.path}?${random.pick([...surface.params, 'q'])}=${'a'.repeat(length)}`,
        label: `query of ${length / KIB} KiB`,
      }
    },
    () => {
      const size = random.pick([64 * KIB + 1, 100 * KIB, 300 * KIB, 1024 * KIB])
      const chunked = random.chance(0.5)
      return {
        ...normal,
        headers: { ...normal.headers, 'content-type': normal.headers['content-type'] ?? FORM },
        body: hugeBody(surface, size, chunked),
        label: `body of ${Math.round(size / KIB)} KiB${chunked ? ', chunked' : ''}`,
      }
    },
  ]
  if (surface.kind === 'page') {
    const oddQuery = () => {
      const pairs = (surface.params.length > 0 ? surface.params : ['q']).filter(() => random.chance(0.7))
      const value = () =>
        random.chance(0.8) ? encodeBytes(oddText(random)) : random.pick(['%', '%G0', '%C0%AF', '%FF%FE', '%00', '%ED%A0%80', '%E0%A4%A'])
      const repeated = random.chance(0.2) ? `&${pairs[0] ?? 'q'}=de`.repeat(random.pick([2, 100, 1000])) : ''
      return {
        ...normal,
        path: `${normal.path}?${pairs.map((name) => `${name}=${value()}`).join('&')}${repeated}`,
        label: repeated ? 'odd, repeated query' : 'odd query',
      }
    }
    families.push(oddQuery, oddQuery, oddQuery, () => ({ ...normal, body: Buffer.from(oddText(random)), label: 'GET with a body' }))
  }
  if (surface.kind === 'form' || surface.kind === 'json' || surface.kind === 'bot') {
    const bodies = () => {
      if (surface.kind === 'form') return { ...fuzzFormBody(random, context, surface.path.startsWith('/widget')), headers: {} }
      if (surface.kind === 'json') return { ...fuzzJsonBody(random, context), headers: {} }
      return fuzzBotBody(random, context)
    }
    const body = () => {
      const made = bodies()
      return { ...normal, headers: { ...normal.headers, ...made.headers }, body: made.body, label: made.label }
    }
    families.push(body, body, body, body, () => {
      const type = random.pick([
        '',
        'text/plain',
        'application/xml',
        'image/png',
        'multipart/form-data',
        'application/json; charset=utf-16',
        `${FORM}; charset=ISO-8859-1`,
        surface.kind === 'form' ? JSON_TYPE : FORM,
      ])
      const headers = { ...normal.headers }
      if (type) headers['content-type'] = type
      else delete headers['content-type']
      return { ...normal, headers, label: `content type "${type || 'none'}"` }
    })
    families.push(() => {
      const boundary = 'fuzzboundary'
      const parts = random.pick([
        `--${boundary}\r\nContent-Disposition: form-data; name="state"; filename="state.txt"\r\nContent-Type: text/plain\r\n\r\n${random.pick(context.validTokens)}\r\n--${boundary}--\r\n`,
        `--${boundary}\r\nContent-Disposition: form-data; name="action"\r\n\r\nanswer\r\n`,
        `--other\r\n\r\n--${boundary}`,
        `${`--${boundary}\r\nContent-Disposition: form-data; name="answer"\r\n\r\nself\r\n`.repeat(1000)}--${boundary}--\r\n`,
      ])
      return {
        ...normal,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        body: Buffer.from(parts),
        label: 'multipart (a file, broken, or many parts)',
      }
    })
  }
  if (surface.kind === 'unknown') {
    const unknownPath = () => {
      const method = random.pick(['GET', 'GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS'])
      return {
        ...normal,
        method,
        path: random.chance(0.2) ? `/${encodeBytes(oddText(random))}` : random.pick(UNKNOWN_PATHS),
        label: `${method} an unknown path`,
      }
    }
    families.push(unknownPath, unknownPath, unknownPath)
  }
  return random.pick(families)()
}
