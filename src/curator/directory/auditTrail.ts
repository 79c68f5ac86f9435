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
  curatorName: string
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
  return {
    record(actor: Actor, change: { subject: AuditSubject; subjectId: string; action: AuditAction; before: unknown; after: unknown }, at: Date): void {
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
      return db
        .select()
        .from(schema.auditEntries)
        .where(and(eq(schema.auditEntries.subject, subject), eq(schema.auditEntries.subjectId, subjectId)))
        .orderBy(desc(schema.auditEntries.id))
        .all()
        .map((row) => ({
          id: row.id,
          at: row.at,
          curatorName: row.curatorName,
          subject,
          subjectId,
          action: row.action,
          before: parseJson(row.before),
          after: parseJson(row.after),
        }))
    },

    /** The latest changes anywhere, newest first (the console's start page). */
    latest(limit: number): AuditEntry[] {
      return db
        .select()
        .from(schema.auditEntries)
        .orderBy(desc(schema.auditEntries.id))
        .limit(limit)
        .all()
        .map((row) => ({ ...row, subject: subjectOf(row.subject), before: parseJson(row.before), after: parseJson(row.after) }))
    },
  }
}
export type AuditTrail = ReturnType<typeof auditTrail>

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
