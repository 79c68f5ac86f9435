import type { SeededRandom } from './seededRandom'

// Values people, browsers and attackers have been known to send: empty, padded, confusable,
// bidirectional, combining, emoji sequences, lone surrogates, NUL, markup, injection, too long.
const KNOWN: readonly string[] = [
  '',
  ' ',
  '\t\n',
  'null',
  'undefined',
  'true',
  '0',
  '-1',
  '1e309',
  'NaN',
  '__proto__',
  'constructor',
  'toString',
  'ＤＥ',
  'ı',
  'İstanbul',
  'ß',
  'Deutschland',
  'de',
  'DE',
  'self',
  'e\u0301'.repeat(40),
  '\u202eevil\u202c',
  '\u200b\u200c\u200d\u2060',
  '\ufeff',
  '\ufffe\uffff',
  '🧒🏽‍👩‍👧‍👦',
  '\ud800',
  '\udfff\ud800',
  '\u0000',
  'a\u0000b',
  '\u0085\u2028\u2029',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' OR 1=1 --",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, sent as it is
  '${7*7}{{7*7}}',
  '../../../../etc/passwd',
  '%00%2e%2e%2f',
  'de\r\nSet-Cookie: x=1',
  'javascript:alert(1)',
  'a'.repeat(65),
  'a'.repeat(201),
  'ü'.repeat(5000),
  'x'.repeat(8193),
]

// Code point ranges that tend to break things: controls, Latin-1, combining marks, right-to-left
// scripts, CJK, private use, specials, emoji, and surrogate halves (which UTF-8 cannot encode).
const RANGES: readonly (readonly [number, number])[] = [
  [0x00, 0x1f],
  [0x7f, 0xff],
  [0x300, 0x36f],
  [0x590, 0x6ff],
  [0x4e00, 0x4fff],
  [0xd800, 0xdfff],
  [0xe000, 0xe0ff],
  [0xfff0, 0xffff],
  [0x1f300, 0x1faff],
]

/**
 * An odd string: a known troublemaker, or random code points from awkward ranges.
 * @example const value = oddText(random)
 */
export function oddText(random: SeededRandom): string {
  if (random.chance(0.6)) return random.pick(KNOWN)
  const length = random.pick([1, 3, 12, 64, 300])
  let text = ''
  for (let i = 0; i < length; i++) {
    const [low, high] = random.pick(RANGES)
    text += String.fromCodePoint(low + random.int(high - low + 1))
  }
  return text
}
