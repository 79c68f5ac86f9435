import { generateKeyring, importKeyring, type Keyring } from '../core/state/keyring'

/**
 * The state keys from configuration (`STATE_KEYS`), or a temporary development key with a warning.
 * @example const { keyring, warning } = await stateKeyring(process.env.STATE_KEYS)
 */
export async function stateKeyring(spec: string | undefined): Promise<{ keyring: Keyring; warning: string | undefined }> {
  if (!spec) {
    return {
      keyring: await generateKeyring(),
      warning:
        'STATE_KEYS is not set: using a temporary development key. Conversations will not survive a restart, and several instances cannot share them. Run `npm run keys:new` and set STATE_KEYS for production.',
    }
  }
  const imported = await importKeyring(spec)
  if (!imported.ok) throw new Error(`STATE_KEYS is invalid: ${imported.error}`)
  return { keyring: imported.value, warning: undefined }
}
