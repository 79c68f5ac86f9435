import { eq } from 'drizzle-orm'
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import * as schema from '../../storage/schema'
import { curatorEvents } from './curatorEvents'
import { curatorPasswords } from './curatorPasswords'

/**
 * Gives an account a new password (hashed with the current policy), ends every session of it, so
 * whoever knew the old one is logged out too, and records `password_reset`.
 * @example await resetCuratorPassword(db, 'anna', 'a new long pass phrase')
 */
export async function resetCuratorPassword(
  db: BetterSQLite3Database<typeof schema>,
  login: string,
  password: string,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; error: string }> {
  const row = db.select({ id: schema.curators.id }).from(schema.curators).where(eq(schema.curators.login, login)).get()
  if (!row) return { ok: false, error: `there is no curator with the login "${login}"` }
  const passwordHash = await curatorPasswords.hash(password)
  const events = curatorEvents(db, () => now)
  db.transaction((tx) => {
    tx.update(schema.curators).set({ passwordHash }).where(eq(schema.curators.id, row.id)).run()
    tx.delete(schema.curatorSessions).where(eq(schema.curatorSessions.curatorId, row.id)).run()
    events.record('password_reset', row.id)
  })
  return { ok: true }
}
