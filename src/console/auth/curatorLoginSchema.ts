import * as z from 'zod'

/**
 * A curator's login name: what they type at /admin/login, and how the commands name the account.
 * @example CuratorLoginSchema.parse('anna.k') // 'anna.k'
 */
export const CuratorLoginSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, { error: 'login: 3–64 characters: lower-case letters, digits, . _ -' })
