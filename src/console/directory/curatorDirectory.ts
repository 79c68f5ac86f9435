import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import type { DirectoryData } from '../../core/directory/directoryData'
import type { Initiative } from '../../core/directory/initiativeSchema'
import type { Partner } from '../../core/directory/partnerSchema'
import { fail, ok, type Result } from '../../core/result'
import { createDirectoryRepository } from '../../storage/directoryRepository'
import type * as schema from '../../storage/schema'
import type { CuratorAccount } from '../auth/curatorAccount'
import { auditTrail, type AuditAction } from './auditTrail'
import { canEdit } from './canEdit'
import { newProblems } from './newProblems'
import { loadSqliteDirectory } from '../../storage/sqlite/loadSqliteDirectory'
import { recordVersion } from './recordVersion'
import { scopeProblems, type ScopeProblem } from './scopeProblems'
import { writeInitiatives, writePartner } from './writeInitiatives'

/** Why a change was not made. `invalid` carries data:check's words, one problem per line. */
export type ChangeRefused =
  | { kind: 'invalid'; problems: string[] }
  | { kind: 'conflict' }
  | { kind: 'forbidden'; ids: string[] }
  | { kind: 'widens'; id: string; problems: ScopeProblem[] }
  | { kind: 'missing' }
  | { kind: 'exists' }

/** What a whole-directory change (an import) did, by id. */
export interface ChangeSummary {
  added: string[]
  changed: string[]
  removed: string[]
}

/**
 * The curator side's view of the directory in the SQLite file: reads, and changes that are
 * validated with data:check's rules, written in one transaction together with their audit entries,
 * and then handed to `onChange` (the public directory cache reloads, so matching sees them at once).
 * Changes are serialised: each one validates against the directory as the one before it left it.
 * @example const result = await directory.saveInitiative(curator, record, { action: 'edit', baseVersion })
 */
export function curatorDirectory(options: { db: BetterSQLite3Database<typeof schema>; onChange: () => Promise<void>; now?: () => Date }) {
  const { db } = options
  const now = options.now ?? (() => new Date())
  const repository = createDirectoryRepository(db)
  const audit = auditTrail(db)
  let queue: Promise<unknown> = Promise.resolve()
  /** Runs changes one at a time, so no change validates against a state another is replacing. */
  const serially = <T>(change: () => Promise<T>): Promise<T> => {
    const run = queue.then(change, change)
    queue = run.catch(() => undefined)
    return run
  }
  // better-sqlite3 is synchronous: statements on `db` inside the callback belong to the transaction.
  const transaction = <T>(write: () => T): T => db.transaction(() => write())

  return {
    audit,
    load: (): Promise<DirectoryData> => repository.load(),

    /**
     * Creates or replaces one record. `baseVersion` (from the edit form) refuses a stale edit. Given
     * an id and an update instead (confirm, retire), the update is applied to the record as stored
     * at that moment, so it never undoes a change saved just before it.
     */
    saveInitiative(
      curator: CuratorAccount,
      change: Initiative | { id: string; update: (stored: Initiative) => Initiative },
      how: { action: AuditAction; baseVersion?: string },
    ): Promise<Result<Initiative, ChangeRefused>> {
      return serially(async () => {
        const data = await repository.load()
        const before = data.initiatives.find((initiative) => initiative.id === change.id)
        if (how.action === 'create' && before) return fail({ kind: 'exists' })
        if (!before && how.action !== 'create') return fail({ kind: 'missing' })
        const record = 'update' in change ? (before ? change.update(before) : undefined) : change
        if (!record) return fail({ kind: 'missing' })
        if (how.baseVersion !== undefined && before && recordVersion(before) !== how.baseVersion) return fail({ kind: 'conflict' })
        if (before && !canEdit(curator, before)) return fail({ kind: 'forbidden', ids: [record.id] })
        const widening = scopeProblems(curator, before, record)
        if (widening.length > 0) return fail({ kind: 'widens', id: record.id, problems: widening })
        if (!canEdit(curator, record)) return fail({ kind: 'forbidden', ids: [record.id] })
        const after = { ...data, initiatives: before ? replaceById(data.initiatives, record) : [...data.initiatives, record] }
        const problems = newProblems(data, after, now())
        if (problems.length > 0) return fail({ kind: 'invalid', problems })
        const saved = transaction(() => {
          writeInitiatives(db, after, [record], [])
          // The history shows what the database holds, read back: never a value it did not store.
          const stored = storedOne(byId(loadSqliteDirectory(db).initiatives), record.id)
          if (how.action !== 'edit' || JSON.stringify(stored) !== JSON.stringify(before)) {
            audit.record(curator, { subject: 'initiative', subjectId: record.id, action: how.action, before, after: stored }, now())
          }
          return stored
        })
        await options.onChange()
        return ok(saved)
      })
    },

    /** Makes `next` the whole list of records (an import), recording every added, changed and removed one. */
    replaceInitiatives(curator: CuratorAccount, next: readonly Initiative[]): Promise<Result<ChangeSummary, ChangeRefused>> {
      return serially(async () => {
        const data = await repository.load()
        const old = new Map(data.initiatives.map((initiative) => [initiative.id, initiative]))
        const fresh = new Map(next.map((initiative) => [initiative.id, initiative]))
        const written = next.filter((record) => JSON.stringify(old.get(record.id)) !== JSON.stringify(record))
        const removed = data.initiatives.filter((record) => !fresh.has(record.id))
        const outOfScope = [
          ...[...written, ...removed, ...written.flatMap((record) => old.get(record.id) ?? [])].filter(
            (record) => !canEdit(curator, record),
          ),
          ...written.filter((record) => scopeProblems(curator, old.get(record.id), record).length > 0),
        ]
        if (outOfScope.length > 0) return fail({ kind: 'forbidden', ids: [...new Set(outOfScope.map((record) => record.id))] })
        const after = { ...data, initiatives: [...next] }
        const problems = newProblems(data, after, now())
        if (problems.length > 0) return fail({ kind: 'invalid', problems })
        const at = now()
        transaction(() => {
          writeInitiatives(
            db,
            after,
            written,
            removed.map((record) => record.id),
          )
          const stored = byId(loadSqliteDirectory(db).initiatives)
          for (const record of written)
            audit.record(
              curator,
              {
                subject: 'initiative',
                subjectId: record.id,
                action: 'import',
                before: old.get(record.id),
                after: storedOne(stored, record.id),
              },
              at,
            )
          for (const record of removed)
            audit.record(curator, { subject: 'initiative', subjectId: record.id, action: 'remove', before: record, after: null }, at)
        })
        if (written.length + removed.length > 0) await options.onChange()
        return ok({
          added: written.filter((record) => !old.has(record.id)).map((record) => record.id),
          changed: written.filter((record) => old.has(record.id)).map((record) => record.id),
          removed: removed.map((record) => record.id),
        })
      })
    },

    /** Creates or replaces one embedding partner (admins only). */
    savePartner(
      curator: CuratorAccount,
      partner: Partner,
      change: { action: 'create' | 'edit'; baseVersion?: string },
    ): Promise<Result<Partner, ChangeRefused>> {
      return serially(async () => {
        if (curator.role !== 'admin') return fail({ kind: 'forbidden', ids: [partner.id] })
        const data = await repository.load()
        const before = data.partners.find((candidate) => candidate.id === partner.id)
        if (change.action === 'create' && before) return fail({ kind: 'exists' })
        if (change.action === 'edit' && !before) return fail({ kind: 'missing' })
        if (change.baseVersion !== undefined && before && recordVersion(before) !== change.baseVersion) return fail({ kind: 'conflict' })
        const after = { ...data, partners: before ? replaceById(data.partners, partner) : [...data.partners, partner] }
        const problems = newProblems(data, after, now())
        if (problems.length > 0) return fail({ kind: 'invalid', problems })
        const saved = transaction(() => {
          writePartner(db, after, partner.id)
          const stored = storedOne(byId(loadSqliteDirectory(db).partners), partner.id)
          audit.record(curator, { subject: 'partner', subjectId: partner.id, action: change.action, before, after: stored }, now())
          return stored
        })
        await options.onChange()
        return ok(saved)
      })
    },
  }
}
export type CuratorDirectory = ReturnType<typeof curatorDirectory>

/** The one just written, read back; missing means the write did not hold, and the transaction is undone. */
function storedOne<T>(stored: ReadonlyMap<string, T>, id: string): T {
  const found = stored.get(id)
  if (!found) throw new Error(`${id} was not found after writing it`)
  return found
}

/** The list with `item` in the place of the one with its id. */
function replaceById<T extends { id: string }>(list: readonly T[], item: T): T[] {
  return list.map((old) => (old.id === item.id ? item : old))
}

function byId<T extends { id: string }>(list: readonly T[]): Map<string, T> {
  return new Map(list.map((item) => [item.id, item]))
}
