import type { Algorithm } from '@node-rs/argon2'

/** Algorithm.Argon2id (a const enum, which isolated modules cannot read at run time). */
const ARGON2ID: Algorithm = 2

/**
 * How curator passwords are hashed: argon2id with OWASP's minimum (19 MiB memory, 2 passes, 1 lane),
 * always passed explicitly so a library default can never weaken it. Raise these to strengthen:
 * stored hashes with lower parameters are re-hashed at the curator's next login.
 */
export const PASSWORD_POLICY = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const
