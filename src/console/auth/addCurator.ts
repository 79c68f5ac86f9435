import { eq } from 'drizzle-orm'
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import * as schema from '../../storage/schema'
import { curatorEvents } from './curatorEvents'
import { curatorPasswords } from './curatorPasswords'
import type { NewCurator } from './newCuratorSchema'

/**
 * Adds a curator (the password hashed, never stored as given) and records `account_created`.
 * A login that exists is refused.
 * @example await addCurator(db, { login: 'anna', displayName: 'Anna', role: 'admin', password })
 */
export async function addCurator(
  db: BetterSQLite3Database<typeof schema>,
  curator: NewCurator,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; error: string }> {
  if (db.select({ id: schema.curators.id }).from(schema.curators).where(eq(schema.curators.login, curator.login)).get()) {
    return { ok: false, error: `a curator with the login "${curator.login}" already exists` }
  }
  const passwordHash = await curatorPasswords.hash(curator.password)
  const events = curatorEvents(db, () => now)
  db.transaction((tx) => {
    const added = tx
      .insert(schema.curators)
      .values({
        login: curator.login,
        displayName: curator.displayName,
        passwordHash,
        role: curator.role,
        organisation: curator.organisation ?? null,
        country: curator.country ?? null,
        createdAt: now.toISOString(),
      })
      .returning({ id: schema.curators.id })
      .get()
    events.record('account_created', added.id)
  })
  return { ok: true }
}
