import type { FuzzContext } from './buildFuzzContext'
import { oddText } from './oddText'
import { oddToken } from './oddToken'
import type { SeededRandom } from './seededRandom'

const base64url = (text: string) => Buffer.from(text).toString('base64url')
// A token that claims to be from the Bot Framework and is signed with nothing (alg "none").
const UNSIGNED_JWT = `${base64url('{"alg":"none","typ":"JWT"}')}.${base64url('{"iss":"https://api.botframework.com","aud":"helpfinder","serviceurl":"http://127.0.0.1:9/"}')}.`

/**
 * A malformed Bot Framework activity for `POST /api/messages`, or a forged Authorization header.
 * Replies normally go back in the response (expectReplies); a few ask for normal delivery to a
 * closed loopback port, the case the bot documents as a 502. No serviceUrl leaves loopback.
 * @example const { label, body, headers } = fuzzBotBody(random, context)
 */
export function fuzzBotBody(random: SeededRandom, context: FuzzContext): { label: string; body: Buffer; headers: Record<string, string> } {
  const closed = `http://127.0.0.1:${context.closedPort}/`
  const activity: Record<string, unknown> = {
    type: 'message',
    id: 'fuzz',
    channelId: 'emulator',
    serviceUrl: closed,
    conversation: { id: 'c' },
    from: { id: 'p' },
    recipient: { id: 'bot' },
    deliveryMode: 'expectReplies',
    text: 'hello',
  }
  const odd = () => random.pick<unknown>([oddText(random), null, 0, [], {}, { id: oddText(random) }, [[[]]]])
  const json = (label: string, headers: Record<string, string> = {}) => ({ label, body: Buffer.from(JSON.stringify(activity)), headers })
  switch (random.int(8)) {
    case 0:
      activity.text = oddText(random)
      activity.locale = random.chance(0.5) ? oddText(random) : random.pick(['de-DE', 'xx-YY', '', 'ar'])
      return json('odd text and locale')
    case 1:
      activity.value = random.pick<unknown>([
        odd(),
        { hf: 2, state: oddToken(random, context), action: 'answer', reply: [oddText(random)] },
        { hf: 1, state: random.pick(context.validTokens), action: oddText(random) },
      ])
      return json('odd card value')
    case 2: {
      const field = random.pick([
        'type',
        'id',
        'channelId',
        'conversation',
        'from',
        'recipient',
        'deliveryMode',
        'channelData',
        'membersAdded',
        'attachments',
        'entities',
      ])
      activity[field] = odd()
      return json(`odd ${field}`)
    }
    case 3:
      for (const field of ['conversation', 'serviceUrl', 'channelId', 'type']) if (random.chance(0.5)) delete activity[field]
      return json('missing fields')
    case 4:
      activity.type = 'conversationUpdate'
      activity.membersAdded = random.pick<unknown>([[{ id: 'p' }], Array.from({ length: 500 }, (_, i) => ({ id: `m${i}` })), [null], 'all'])
      return json('conversationUpdate with odd members')
    case 5:
      // A serviceUrl that is no URL, or loopback with an odd path: never called beyond loopback.
      activity.serviceUrl = random.pick([
        '',
        'not a url',
        'javascript:alert(1)',
        'file:///etc/passwd',
        `${closed}exact/path?x=`,
        'http://127.0.0.1:99999/',
        `http://[::1]:${context.closedPort}/`,
      ])
      return json('odd serviceUrl')
    case 6:
      return json('forged Authorization', {
        authorization: random.pick([`Bearer ${UNSIGNED_JWT}`, 'Bearer garbage', 'Basic YTpi', `Bearer ${'a'.repeat(8000)}`, 'Bearer']),
      })
    default:
      // The bot's one documented 5xx: normal delivery to a channel that does not answer.
      if (random.chance(0.5)) activity.deliveryMode = 'normal'
      else delete activity.deliveryMode
      return json('normal delivery to a closed loopback port (502 expected)')
  }
}
