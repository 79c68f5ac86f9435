/**
 * `npm run keys:new`: prints a fresh STATE_KEYS value and nothing else on stdout, so that
 *   export STATE_KEYS="$(npm run -s keys:new)"
 * sets it. To rotate, put the new key first and keep the previous one after it for a few hours
 * (tokens expire after 4 h): STATE_KEYS="$(npm run -s keys:new),$STATE_KEYS". The new id differs
 * from every id already in STATE_KEYS.
 */
import { newKeySpec } from '../src/core/state/keyring'
import { newKeyId } from '../src/core/state/newKeyId'

// Only the ids (before each ":") are read; the secrets are never looked at.
const taken = new Set((process.env.STATE_KEYS ?? '').split(',').map((entry) => entry.split(':')[0]?.trim() ?? ''))
process.stdout.write(`${newKeySpec(newKeyId(new Date(), taken))}\n`)
if (process.stdout.isTTY) {
  process.stderr.write(
    'This is a new STATE_KEYS value. Set it with: export STATE_KEYS="$(npm run -s keys:new)"\n' +
      'To rotate, keep the old key after the new one for 4 hours: STATE_KEYS="$(npm run -s keys:new),$STATE_KEYS"\n',
  )
}
