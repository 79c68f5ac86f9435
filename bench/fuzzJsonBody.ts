import type { FuzzContext } from './buildFuzzContext'
import { oddText } from './oddText'
import { oddToken } from './oddToken'
import type { SeededRandom } from './seededRandom'

/**
 * A malformed body for `POST /api/v1/turn`: broken syntax, wrong types, duplicate keys, deep
 * nesting, prototype keys, bad state tokens, odd Unicode, NUL and invalid UTF-8 bytes.
 * @example const { label, body } = fuzzJsonBody(random, context)
 */
export function fuzzJsonBody(random: SeededRandom, context: FuzzContext): { label: string; body: Buffer } {
  const state = random.pick(context.validTokens)
  const valid = JSON.stringify({ state, action: 'answer', reply: ['self'] })
  const odd = () =>
    random.pick<unknown>([oddText(random), 0, -1, 1e308, null, true, [], {}, [[]], { a: 1 }, Array.from({ length: 17 }, () => 'x')])
  switch (random.int(8)) {
    case 0:
      return { label: 'truncated JSON', body: Buffer.from(valid.slice(0, random.int(valid.length))) }
    case 1:
      return {
        label: 'broken JSON',
        body: Buffer.from(
          random.pick([
            '',
            '{',
            '[',
            '{"state":',
            '{"action":"answer",}',
            "{'action':'start'}",
            '{"reply":NaN}',
            '/* c */{}',
            'null',
            'true',
            '123',
            '"text"',
            `\ufeff${valid}`,
          ]),
        ),
      }
    case 2: {
      const field = random.pick(['state', 'action', 'reply', 'ui', 'urgentCountry', 'urgentReason'])
      return {
        label: `wrong type or value for ${field}`,
        body: Buffer.from(JSON.stringify({ state, action: 'answer', reply: ['self'], [field]: odd() })),
      }
    }
    case 3:
      return {
        label: 'duplicate keys',
        body: Buffer.from(
          random.pick([
            `{"state":${JSON.stringify(state)},"state":${JSON.stringify(oddToken(random, context))}}`,
            `{"action":"answer","action":"urgent","state":${JSON.stringify(state)}}`,
            `{"reply":["self"],"reply":{"x":1}}`,
          ]),
        ),
      }
    case 4: {
      const depth = random.pick([1000, 10_000, 30_000])
      return {
        label: `nesting ${depth} deep`,
        body: Buffer.from(
          random.chance(0.5)
            ? `${'['.repeat(depth)}${']'.repeat(depth)}`
            : `{"reply":${'{"a":'.repeat(depth / 10)}1${'}'.repeat(depth / 10)}}`,
        ),
      }
    }
    case 5:
      return {
        label: 'prototype keys',
        body: Buffer.from(
          random.pick([
            `{"__proto__":{"action":"urgent"},"state":${JSON.stringify(state)}}`,
            '{"constructor":{"prototype":{"polluted":true}}}',
            '{"__proto__":null}',
          ]),
        ),
      }
    case 6:
      return {
        label: 'bad state token',
        body: Buffer.from(
          JSON.stringify({
            state: oddToken(random, context),
            action: random.pick(['answer', 'back', 'show', 'urgent']),
            reply: [oddText(random)],
          }),
        ),
      }
    default: {
      const bytes = random.pick([[0x00], [0xc0, 0xaf], [0xff], [0xed, 0xa0, 0x80]])
      return {
        label: 'raw NUL / invalid UTF-8 in a string',
        body: Buffer.concat([Buffer.from('{"action":"start","ui":"'), Buffer.from(bytes), Buffer.from('"}')]),
      }
    }
  }
}
