import * as z from 'zod'
import { CountryCode } from '../core/directory/isoCodes'

/** A curator account as `npm run curator:add` takes it. Editors need a scope; admins see everything. */
export const NewCuratorSchema = z
  .object({
    login: z.string().regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, { error: 'login: 3–64 characters: lower-case letters, digits, . _ -' }),
    displayName: z.string().trim().min(1, { error: 'name: required' }).max(100),
    role: z.enum(['editor', 'admin'], { error: 'role: editor or admin' }),
    organisation: z.string().trim().min(1).max(200).optional(),
    country: CountryCode.optional(),
    password: z.string().min(12, { error: 'password: at least 12 characters' }).max(256, { error: 'password: at most 256 characters' }),
  })
  .refine((curator) => curator.role === 'admin' || curator.organisation || curator.country, {
    error: 'an editor needs --organisation or --country (the records they may edit)',
  })
export type NewCurator = z.infer<typeof NewCuratorSchema>
