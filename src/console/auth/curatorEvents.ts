import { desc, eq, lt, lte, max } from 'drizzle-orm'
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import * as schema from '../../storage/schema'

/** What can happen to an account. Nothing else is kept about it: no address, no user agent, no typed name. */
export const CURATOR_EVENT_KINDS = [
  'login_ok',
  'login_failed',
  'login_locked',
  'logout',
  'sessions_ended',
  'account_created',
  'account_disabled',
  'account_enabled',
  'password_reset',
] as const
export type CuratorEventKind = (typeof CURATOR_EVENT_KINDS)[number]

/** How long events are kept, and how many at most (a flood of failed logins must not fill the disk). */
export const EVENT_RETENTION = { days: 90, maxRows: 100_000 }
/** Writes between two prunes: pruning is one indexed delete, not worth doing on every write. */
const PRUNE_EVERY = 500

/** One event as the console lists it: the account as it is now (null for a name that matches none). */
export interface CuratorEvent {
  at: string
  kind: string
  curator: { id: number; login: string; displayName: string } | null
}

/**
 * The account event log (table curator_events): logins, logouts and account changes with the time
 * and the account's id only. A login name that matches no account is never stored, not even as
 * text: people type passwords into the name field. Old events are pruned (EVENT_RETENTION) when
 * the log is opened and every few hundred writes.
 * @example const events = curatorEvents(db); events.record('login_ok', curator.id)
 */
export function curatorEvents(db: BetterSQLite3Database<typeof schema>, now: () => Date = () => new Date()) {
  const table = schema.curatorEvents
  let writes = 0
  const prune = () => {
    const cutoff = new Date(now().getTime() - EVENT_RETENTION.days * 24 * 60 * 60_000).toISOString()
    db.delete(table).where(lt(table.at, cutoff)).run()
    const newest =
      db
        .select({ id: max(table.id) })
        .from(table)
        .get()?.id ?? 0
    if (newest > EVENT_RETENTION.maxRows)
      db.delete(table)
        .where(lte(table.id, newest - EVENT_RETENTION.maxRows))
        .run()
  }
  prune()

  return {
    record(kind: CuratorEventKind, curatorId: number | null): void {
      db.insert(table).values({ at: now().toISOString(), curatorId, kind }).run()
      writes += 1
      if (writes % PRUNE_EVERY === 0) prune()
    },

    /** The latest events, newest first. */
    latest(limit: number): CuratorEvent[] {
      return db
        .select({
          at: table.at,
          kind: table.kind,
          id: schema.curators.id,
          login: schema.curators.login,
          displayName: schema.curators.displayName,
        })
        .from(table)
        .leftJoin(schema.curators, eq(schema.curators.id, table.curatorId))
        .orderBy(desc(table.id))
        .limit(limit)
        .all()
        .map(({ at, kind, id, login, displayName }) => ({
          at,
          kind,
          curator: id !== null && login !== null && displayName !== null ? { id, login, displayName } : null,
        }))
    },

    prune,
  }
}
export type CuratorEvents = ReturnType<typeof curatorEvents>
