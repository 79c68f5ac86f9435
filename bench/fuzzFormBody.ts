import type { FuzzContext } from './buildFuzzContext'
import { oddText } from './oddText'
import { oddToken } from './oddToken'
import type { SeededRandom } from './seededRandom'

const ACTIONS = ['start', 'answer', 'back', 'restart', 'show', 'urgent']
const ANSWERS = ['self', 'adult', 'DE', 'de', 'nothing_happened', 'phone', 'chat', 'matters']
const FIELDS = ['state', 'action', 'answer', 'answer_text', 'ui', 'urgent_country', 'urgent_reason']
const WIDGET_FIELDS = ['w_partner', 'w_country', 'w_lang', 'w_accent']

/**
 * A malformed body for the form endpoints (`POST /turn`, `POST /widget/turn`): odd values in each
 * field, repeated fields, bad state tokens, NUL bytes, invalid UTF-8 and broken percent-encoding.
 * @example const { label, body } = fuzzFormBody(random, context, true)
 */
export function fuzzFormBody(random: SeededRandom, context: FuzzContext, widget: boolean): { label: string; body: Buffer } {
  const form = new URLSearchParams()
  const value = () => (random.chance(0.5) ? oddText(random) : random.pick([...ACTIONS, ...ANSWERS]))
  switch (random.int(6)) {
    case 0: {
      for (const field of [...FIELDS, ...(widget ? WIDGET_FIELDS : [])]) if (random.chance(0.6)) form.append(field, value())
      return { label: 'odd field values', body: Buffer.from(form.toString()) }
    }
    case 1: {
      const field = random.pick([...FIELDS, ...(widget ? WIDGET_FIELDS : [])])
      const times = random.pick([2, 3, 50, 500])
      for (let i = 0; i < times; i++) form.append(field, field === 'state' ? random.pick(context.validTokens) : value())
      if (field !== 'state') form.append('state', random.pick(context.validTokens))
      return { label: `repeated field ${field} ×${times}`, body: Buffer.from(form.toString()) }
    }
    case 2: {
      form.append('state', oddToken(random, context))
      form.append('action', random.pick(ACTIONS))
      form.append('answer', random.pick(ANSWERS))
      return { label: 'bad state token', body: Buffer.from(form.toString()) }
    }
    case 3: {
      const raw = random.pick([
        'state=%00&action=answer&answer=%00self',
        'answer=%C0%AF&action=answer',
        'ui=%ED%A0%80&action=start',
        'state=%&action=%G1&answer=%%%',
        '&&&==&=&',
        'no-equals-sign-at-all',
        'a=1&'.repeat(5000),
        `state=${'%FF'.repeat(3000)}`,
      ])
      return { label: 'broken encoding', body: Buffer.from(raw, 'latin1') }
    }
    case 4: {
      // Raw bytes a form encoder would never send: NUL, invalid UTF-8, a UTF-8 surrogate.
      const bytes = random.pick([[0x00], [0xc0, 0xaf], [0xff, 0xfe], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80]])
      return {
        label: 'raw NUL / invalid UTF-8',
        body: Buffer.concat([
          Buffer.from('action=answer&answer_text='),
          Buffer.from(bytes),
          Buffer.from(`&state=${random.pick(context.validTokens)}`),
        ]),
      }
    }
    default: {
      form.append('state', random.pick(context.validTokens))
      form.append('action', 'answer')
      form.append(random.pick(['answer_text', 'urgent_country', 'ui']), oddText(random))
      return { label: 'odd Unicode in a free field', body: Buffer.from(form.toString()) }
    }
  }
}
