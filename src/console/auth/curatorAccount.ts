import type * as schema from '../../storage/schema'

/** A logged-in curator as the console sees them: never the password hash. */
export interface CuratorAccount {
  id: number
  login: string
  displayName: string
  role: 'editor' | 'admin'
  organisation: string | null
  country: string | null
}

/** The account of a curators row (an unknown role reads as editor: the narrower of the two). */
export function curatorAccount(row: typeof schema.curators.$inferSelect): CuratorAccount {
  return {
    id: row.id,
    login: row.login,
    displayName: row.displayName,
    role: row.role === 'admin' ? 'admin' : 'editor',
    organisation: row.organisation,
    country: row.country,
  }
}
