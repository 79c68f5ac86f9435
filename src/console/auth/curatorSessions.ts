import { and, count, eq, gte, lt, or } from 'drizzle-orm'
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import * as schema from '../../storage/schema'
import { curatorAccount, type CuratorAccount } from './curatorAccount'
import { hashSessionToken, newSessionToken } from './sessionToken'

/** How long a session lives: idle (since the last request) and absolute (since login). */
export interface SessionPolicy {
  idleMs: number
  absoluteMs: number
}

/** OWASP's guidance for staff tools with write access: short idle, a working day at most. */
export const SESSION_POLICY: SessionPolicy = { idleMs: 30 * 60_000, absoluteMs: 8 * 60 * 60_000 }

/**
 * Server-side curator sessions, stored by token hash. `resume` enforces both timeouts and deletes a
 * session that has outlived either (or whose account is disabled); `end` deletes it, so a
 * logged-out cookie is worthless.
 * @example const token = sessions.start(curator.id); sessions.resume(token)?.curator.login
 */
export function curatorSessions(
  db: BetterSQLite3Database<typeof schema>,
  policy: SessionPolicy = SESSION_POLICY,
  now: () => number = Date.now,
) {
  const table = schema.curatorSessions
  const expired = (at: number) => or(lt(table.lastSeenAt, at - policy.idleMs), lt(table.createdAt, at - policy.absoluteMs))
  return {
    /** A new session with a new token (a token from before login is never reused). */
    start(curatorId: number): string {
      const token = newSessionToken()
      const at = now()
      db.delete(table).where(expired(at)).run()
      db.insert(table)
        .values({ tokenHash: hashSessionToken(token), curatorId, createdAt: at, lastSeenAt: at })
        .run()
      return token
    },

    /** The curator of a live session, its idle clock restarted; undefined when unknown, expired or ended. */
    resume(token: string): { curator: CuratorAccount } | undefined {
      const at = now()
      const tokenHash = hashSessionToken(token)
      const row = db
        .select()
        .from(table)
        .innerJoin(schema.curators, eq(schema.curators.id, table.curatorId))
        .where(eq(table.tokenHash, tokenHash))
        .get()
      if (!row) return undefined
      const session = row.curator_sessions
      // A disabled account's sessions end at once, even one that `disable` raced with.
      if (row.curators.disabledAt !== null || at - session.lastSeenAt > policy.idleMs || at - session.createdAt > policy.absoluteMs) {
        db.delete(table).where(eq(table.tokenHash, tokenHash)).run()
        return undefined
      }
      db.update(table).set({ lastSeenAt: at }).where(eq(table.tokenHash, tokenHash)).run()
      return { curator: curatorAccount(row.curators) }
    },

    end(token: string): void {
      db.delete(table)
        .where(eq(table.tokenHash, hashSessionToken(token)))
        .run()
    },

    /** Ends every session of one curator ("end all my sessions", a disabled account, a new password). */
    endAllOf(curatorId: number): void {
      db.delete(table).where(eq(table.curatorId, curatorId)).run()
    },

    /** How many live sessions a curator has (the account page shows it). */
    countOf(curatorId: number): number {
      const at = now()
      const live = and(
        eq(table.curatorId, curatorId),
        gte(table.lastSeenAt, at - policy.idleMs),
        gte(table.createdAt, at - policy.absoluteMs),
      )
      return db.select({ live: count() }).from(table).where(live).get()?.live ?? 0
    },
  }
}
export type CuratorSessions = ReturnType<typeof curatorSessions>
