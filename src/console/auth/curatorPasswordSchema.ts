import * as z from 'zod'

/**
 * A curator's password as curator:add and curator:password take it: long rather than complicated.
 * @example CuratorPasswordSchema.safeParse('short').success // false
 */
export const CuratorPasswordSchema = z
  .string()
  .min(12, { error: 'password: at least 12 characters' })
  .max(256, { error: 'password: at most 256 characters' })
