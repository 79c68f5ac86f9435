import { eq } from 'drizzle-orm'
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import * as schema from '../../storage/schema'
import { curatorEvents } from './curatorEvents'

/**
 * Disables an account (it can no longer log in, and every session of it ends at once) or enables
 * it again; records `account_disabled` or `account_enabled`. History entries keep pointing at it.
 * @example setCuratorDisabled(db, 'anna', true) // { ok: true, changed: true }
 */
export function setCuratorDisabled(
  db: BetterSQLite3Database<typeof schema>,
  login: string,
  disabled: boolean,
  now = new Date(),
): { ok: true; changed: boolean } | { ok: false; error: string } {
  const row = db.select().from(schema.curators).where(eq(schema.curators.login, login)).get()
  if (!row) return { ok: false, error: `there is no curator with the login "${login}"` }
  if ((row.disabledAt !== null) === disabled) return { ok: true, changed: false }
  const events = curatorEvents(db, () => now)
  db.transaction((tx) => {
    tx.update(schema.curators)
      .set({ disabledAt: disabled ? now.toISOString() : null })
      .where(eq(schema.curators.id, row.id))
      .run()
    if (disabled) tx.delete(schema.curatorSessions).where(eq(schema.curatorSessions.curatorId, row.id)).run()
    events.record(disabled ? 'account_disabled' : 'account_enabled', row.id)
  })
  return { ok: true, changed: true }
}
