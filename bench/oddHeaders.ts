import { oddText } from './oddText'
import type { SeededRandom } from './seededRandom'

// Accept-Language as no browser sends it: bad weights, empty ranges, private tags, long lists.
const ACCEPT_LANGUAGES: readonly string[] = [
  '*',
  '*;q=abc',
  'de-DE;q=2',
  'de;q=-1, fr;q=NaN',
  ';;;,,,',
  ',',
  'q=1',
  '-',
  'de_DE',
  'i-klingon',
  'zz-ZZ',
  'x-private',
  'de-DE-u-ca-buddhist-x-foo',
  'AR-eg, FR-be;q=0.1',
  'en;q=0.9,'.repeat(600),
  'x'.repeat(6000),
  'de-'.repeat(200),
]

/** Header values travel as bytes: odd text goes out as its UTF-8 bytes, less the controls HTTP forbids. */
const asHeaderBytes = (text: string) =>
  Buffer.from(text, 'utf8')
    .toString('latin1')
    .replace(/[^\t\x20-\x7e\x80-\xff]/g, '')

/**
 * Odd request headers: garbage Accept-Language, Accept and Cookie, forged forwarding headers, a
 * method override, a content encoding the body does not have, an enormous User-Agent.
 * @example request.headers = { ...request.headers, ...oddHeaders(random) }
 */
export function oddHeaders(random: SeededRandom): Record<string, string> {
  switch (random.int(10)) {
    case 0:
    case 1:
    case 2:
      return { 'accept-language': random.chance(0.7) ? random.pick(ACCEPT_LANGUAGES) : asHeaderBytes(oddText(random)) }
    case 3:
      return { accept: random.pick(['application/json;q=abc', '*/*;q=2', 'text/html, */*;q=0', '', 'x'.repeat(4000)]) }
    case 4:
      return { cookie: random.pick(['a=b; '.repeat(1500), '__Host-helpfinder_session=forged', '=;=;=', asHeaderBytes(oddText(random))]) }
    case 5:
      return {
        'x-forwarded-for': random.pick(['127.0.0.1, 10.0.0.1', 'garbage', '::1'.repeat(300)]),
        'x-forwarded-proto': random.pick(['https', 'javascript', '']),
        forwarded: 'for="[::1]";proto=gopher',
      }
    case 6:
      return { 'x-http-method-override': random.pick(['DELETE', 'PUT', 'TRACE']), 'x-original-url': '/admin' }
    case 7:
      return { 'content-encoding': random.pick(['gzip', 'br', 'deflate', 'identity, gzip']) }
    case 8:
      return {
        origin: random.pick(['null', 'https://evil.example', 'file://', asHeaderBytes(oddText(random))]),
        referer: asHeaderBytes(oddText(random)),
      }
    default:
      return { 'user-agent': random.pick(['', 'x'.repeat(8000), asHeaderBytes(oddText(random))]), range: 'bytes=0-1,5-2,-9' }
  }
}
