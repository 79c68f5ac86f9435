import type { FuzzContext } from './buildFuzzContext'
import { oddText } from './oddText'
import type { SeededRandom } from './seededRandom'

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/**
 * A bad state token: a real one truncated, flipped, extended or re-keyed; one sealed with the
 * server's key around a payload no server would seal; random base64url; or odd text.
 * @example form.append('state', oddToken(random, context))
 */
export function oddToken(random: SeededRandom, context: FuzzContext): string {
  const valid = random.pick(context.validTokens)
  const dot = valid.indexOf('.')
  const randomBase64 = (length: number) => Array.from({ length }, () => random.pick([...BASE64URL])).join('')
  switch (random.int(12)) {
    case 0:
      return valid.slice(0, random.int(valid.length))
    case 1: {
      const at = dot + 1 + random.int(valid.length - dot - 1)
      const swapped = valid[at] === 'A' ? 'B' : 'A'
      return `${valid.slice(0, at)}${swapped}${valid.slice(at + 1)}`
    }
    case 2:
      return `${valid}${random.pick(['A', 'AAAA', '=', '==', '.', '.x', '%00', ' '])}`
    case 3:
      return `${random.pick(['', 'k', 'kother', 'k'.repeat(17), '../', 'kbench1 '])}${valid.slice(dot)}`
    case 4:
      return `kbench1.${randomBase64(random.pick([0, 1, 27, 28, 200, 8190]))}`
    case 5:
      return valid.replace(/-/g, '+').replace(/_/g, '/')
    case 6:
      return `${valid}.${valid}`
    case 7:
      return random.pick(['', '.', '..', 'kbench1.', '.AAAA', 'kbench1..AAAA', 'x'.repeat(8193), `kbench1.${'A'.repeat(8184)}`])
    case 8:
      return oddText(random)
    default:
      return random.pick(context.forgedTokens)
  }
}
