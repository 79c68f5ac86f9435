import { generateKeyring, importKeyring, type Keyring } from '../core/state/keyring'
import type { StateCipherFactory } from '../core/state/stateCipher'
import { webCryptoCipher } from '../core/state/webCryptoCipher'
import { fail, ok, type Result } from '../core/result'

/**
 * The state keys from configuration (`STATE_KEYS`), or a temporary development key with a warning.
 * An invalid value is a one-line reason for the operator ("STATE_KEYS is invalid: …"), never a throw.
 * `makeCipher` is the runtime's AES-GCM: WebCrypto on Workers, node:crypto on Node.
 * @example const keys = await stateKeyring(process.env.STATE_KEYS, nodeStateCipher); if (!keys.ok) exitWith(keys.error)
 */
export async function stateKeyring(
  spec: string | undefined,
  makeCipher: StateCipherFactory = webCryptoCipher,
): Promise<Result<{ keyring: Keyring; warning: string | undefined }, string>> {
  if (!spec) {
    return ok({
      keyring: await generateKeyring(makeCipher),
      warning:
        'STATE_KEYS is not set: using a temporary development key. Conversations will not survive a restart, and several instances cannot share them. Run `npm run keys:new` and set STATE_KEYS for production.',
    })
  }
  const imported = await importKeyring(spec, makeCipher)
  return imported.ok ? ok({ keyring: imported.value, warning: undefined }) : fail(`STATE_KEYS is invalid: ${imported.error}`)
}
