import { hash, verify } from '@node-rs/argon2'
import { PASSWORD_POLICY } from './passwordPolicy'
import { phcParameters } from './phcParameters'

/** Checks a password against a stored hash (none: no such curator); see curatorPasswords.check. */
export type PasswordCheck = (stored: string | undefined, password: string) => Promise<{ ok: boolean; needsRehash: boolean }>

/** A well-formed hash of a password nobody has, so an unknown login name costs a real verify too. */
let dummy: Promise<string> | undefined

/**
 * Curator passwords (Node only: @node-rs/argon2 is native). Hashes are PHC strings made with
 * PASSWORD_POLICY; `check` says when a stored hash is weaker than the policy and should be replaced.
 * @example const stored = await curatorPasswords.hash('correct horse'); (await curatorPasswords.check(stored, 'correct horse')).ok // true
 */
export const curatorPasswords = {
  hash: (password: string): Promise<string> => hash(password, PASSWORD_POLICY),

  /**
   * Checks a password against a stored hash. With no stored hash (no such curator) it still runs a
   * full verify against a dummy, so the answer takes as long and says nothing about who exists.
   */
  async check(stored: string | undefined, password: string): Promise<{ ok: boolean; needsRehash: boolean }> {
    dummy ??= hash(crypto.randomUUID(), PASSWORD_POLICY)
    const target = stored && phcParameters(stored) ? stored : await dummy
    const ok = (await verify(target, password).catch(() => false)) && target === stored
    return { ok, needsRehash: ok && stored !== undefined && isWeakerThanPolicy(stored) }
  },
}

function isWeakerThanPolicy(stored: string): boolean {
  const used = phcParameters(stored)
  if (!used) return true
  return (
    used.algorithm !== 'argon2id' ||
    used.memoryCost < PASSWORD_POLICY.memoryCost ||
    used.timeCost < PASSWORD_POLICY.timeCost ||
    used.parallelism < PASSWORD_POLICY.parallelism
  )
}
