import { hash } from '@node-rs/argon2'
import { describe, expect, it } from 'vitest'
import { curatorPasswords } from '../../src/console/auth/curatorPasswords'
import { PASSWORD_POLICY } from '../../src/console/auth/passwordPolicy'
import { phcParameters } from '../../src/console/auth/phcParameters'

// Curator passwords: argon2id with OWASP's parameters, passed explicitly and read back from the
// stored hash; weaker hashes are flagged for re-hashing; an unknown curator costs a real verify.
describe('curator passwords', () => {
  it('are stored as argon2id PHC strings whose parameters equal the policy', async () => {
    const stored = await curatorPasswords.hash('a long and private pass phrase')
    expect(stored.startsWith('$argon2id$')).toBe(true)
    expect(phcParameters(stored)).toEqual({ algorithm: 'argon2id', memoryCost: 19_456, timeCost: 2, parallelism: 1 })
    expect(PASSWORD_POLICY).toMatchObject({ memoryCost: 19_456, timeCost: 2, parallelism: 1 })
  })

  it('accept the right password only, and never need re-hashing at the policy', async () => {
    const stored = await curatorPasswords.hash('right one')
    expect(await curatorPasswords.check(stored, 'right one')).toEqual({ ok: true, needsRehash: false })
    expect(await curatorPasswords.check(stored, 'wrong one')).toEqual({ ok: false, needsRehash: false })
  })

  it('flag a hash made with weaker parameters for re-hashing at the next login', async () => {
    const weaker = await hash('old password', { algorithm: PASSWORD_POLICY.algorithm, memoryCost: 4096, timeCost: 1, parallelism: 1 })
    expect(await curatorPasswords.check(weaker, 'old password')).toEqual({ ok: true, needsRehash: true })
  })

  it('say no for an unknown curator or a damaged hash, after a full verify all the same', async () => {
    expect(await curatorPasswords.check(undefined, 'anything')).toEqual({ ok: false, needsRehash: false })
    expect(await curatorPasswords.check('not a hash', 'anything')).toEqual({ ok: false, needsRehash: false })
    const started = performance.now()
    await curatorPasswords.check(undefined, 'anything')
    // A real argon2 verify at 19 MiB takes milliseconds, not microseconds.
    expect(performance.now() - started).toBeGreaterThan(2)
  })

  it('read no parameters from strings that are not argon2 PHC', () => {
    expect(phcParameters('$2b$10$abcdefghijklmnopqrstuv')).toBeUndefined()
    expect(phcParameters('$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$')).toBeUndefined()
  })
})
