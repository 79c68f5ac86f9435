import * as z from 'zod'
import { CountryCode } from '../../core/directory/isoCodes'
import { CuratorLoginSchema } from './curatorLoginSchema'
import { CuratorPasswordSchema } from './curatorPasswordSchema'

/** A curator account as `npm run curator:add` takes it. Editors need a scope; admins see everything. */
export const NewCuratorSchema = z
  .object({
    login: CuratorLoginSchema,
    displayName: z.string().trim().min(1, { error: 'name: required' }).max(100),
    role: z.enum(['editor', 'admin'], { error: 'role: editor or admin' }),
    organisation: z.string().trim().min(1).max(200).optional(),
    country: CountryCode.optional(),
    password: CuratorPasswordSchema,
  })
  .refine((curator) => curator.role === 'admin' || curator.organisation || curator.country, {
    error: 'an editor needs --organisation or --country (the records they may edit)',
  })
export type NewCurator = z.infer<typeof NewCuratorSchema>
