import { and, desc, eq } from 'drizzle-orm'
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import * as schema from '../../storage/schema'
import type { CuratorAccount } from '../auth/curatorAccount'

export type AuditSubject = 'initiative' | 'partner' | 'curator'
export type AuditAction = 'create' | 'edit' | 'confirm' | 'retire' | 'import' | 'remove'

/** One change as the history page shows it; `before`/`after` are the record's JSON (null when absent). */
export interface AuditEntry {
  id: number
  at: string
  /** The display name as it was when the change was made. */
  curatorName: string
  /** The account that made it, as it is now (renamed or disabled, it still resolves); null for a tool or an entry older than curator ids. */
  account: { id: number; login: string; displayName: string; disabled: boolean } | null
  subject: AuditSubject
  subjectId: string
  action: string
  before: unknown
  after: unknown
}

/** Who made a change: a curator, or a named tool (the command-line import). */
export type Actor = Pick<CuratorAccount, 'id' | 'displayName'> | { id: null; displayName: string }

/**
 * The audit trail: appended inside the same transaction as the change it describes, never edited.
 * @example auditTrail(db).record(actor, { subject: 'initiative', subjectId: id, action: 'edit', before, after }, now)
 */
export function auditTrail(db: BetterSQLite3Database<typeof schema>) {
  const withAccounts = () =>
    db
      // Only what the page shows of the account: never its password hash.
      .select({
        entry: schema.auditEntries,
        account: {
          id: schema.curators.id,
          login: schema.curators.login,
          displayName: schema.curators.displayName,
          disabledAt: schema.curators.disabledAt,
        },
      })
      .from(schema.auditEntries)
      .leftJoin(schema.curators, eq(schema.curators.id, schema.auditEntries.curatorId))
  return {
    record(
      actor: Actor,
      change: { subject: AuditSubject; subjectId: string; action: AuditAction; before: unknown; after: unknown },
      at: Date,
    ): void {
      db.insert(schema.auditEntries)
        .values({
          at: at.toISOString(),
          curatorId: actor.id,
          curatorName: actor.displayName,
          subject: change.subject,
          subjectId: change.subjectId,
          action: change.action,
          before: change.before === undefined || change.before === null ? null : JSON.stringify(change.before),
          after: change.after === undefined || change.after === null ? null : JSON.stringify(change.after),
        })
        .run()
    },

    /** Every change to one record, newest first. */
    of(subject: AuditSubject, subjectId: string): AuditEntry[] {
      return withAccounts()
        .where(and(eq(schema.auditEntries.subject, subject), eq(schema.auditEntries.subjectId, subjectId)))
        .orderBy(desc(schema.auditEntries.id))
        .all()
        .map(toEntry)
    },

    /** The latest changes anywhere, newest first (the console's start page). */
    latest(limit: number): AuditEntry[] {
      return withAccounts().orderBy(desc(schema.auditEntries.id)).limit(limit).all().map(toEntry)
    },
  }
}
export type AuditTrail = ReturnType<typeof auditTrail>

/** An entry's row with the account it names by id (none for a tool, or an entry from before curator ids). */
interface EntryRow {
  entry: typeof schema.auditEntries.$inferSelect
  account: Pick<typeof schema.curators.$inferSelect, 'id' | 'login' | 'displayName' | 'disabledAt'> | null
}

function toEntry({ entry, account }: EntryRow): AuditEntry {
  return {
    id: entry.id,
    at: entry.at,
    curatorName: entry.curatorName,
    account: account
      ? { id: account.id, login: account.login, displayName: account.displayName, disabled: account.disabledAt !== null }
      : null,
    subject: subjectOf(entry.subject),
    subjectId: entry.subjectId,
    action: entry.action,
    before: parseJson(entry.before),
    after: parseJson(entry.after),
  }
}

function subjectOf(text: string): AuditSubject {
  return text === 'partner' || text === 'curator' ? text : 'initiative'
}

/** Stored JSON written by `record`; a damaged value is shown as its text rather than failing the page. */
function parseJson(text: string | null): unknown {
  if (text === null) return null
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}
