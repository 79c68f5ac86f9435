import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { PRODUCTION_ORIGINS, type EmbedOriginRules } from '../core/directory/embedOrigin'
import type { LogSink } from '../middleware/privacyLogger'
import type * as schema from '../storage/schema'
import { curatorEvents } from './auth/curatorEvents'
import { curatorSessions, SESSION_POLICY, type SessionPolicy } from './auth/curatorSessions'
import { loginThrottle, THROTTLE_POLICY, type ThrottlePolicy } from './auth/loginThrottle'
import { createAdminApp } from './createAdminApp'
import { curatorPasswords, type PasswordCheck } from './auth/curatorPasswords'
import { curatorDirectory } from './directory/curatorDirectory'

/** What tests (and operators, through createNodeApp) may tune: the clock, session timeouts, the login throttle. */
export interface ConsoleOptions {
  now?: () => Date
  sessions?: SessionPolicy
  throttle?: ThrottlePolicy
  /** The password check; tests wrap the real one (curatorPasswords.check) to count how many run. */
  checkPassword?: PasswordCheck
}

/**
 * The curator console wired to the SQLite file: sessions, account events and audit trail in the same database,
 * and `onChange` (the public directory cache's refresh) after every change.
 * @example const admin = curatorConsole({ db: sqlite.db, log, onChange: () => directory.refresh() })
 */
export function curatorConsole(
  options: ConsoleOptions & {
    db: BetterSQLite3Database<typeof schema>
    log: LogSink
    onChange: () => Promise<void>
    publicOrigin?: string
    embedOrigins?: EmbedOriginRules
  },
) {
  const now = options.now ?? (() => new Date())
  const nowMs = () => now().getTime()
  return createAdminApp({
    db: options.db,
    sessions: curatorSessions(options.db, options.sessions ?? SESSION_POLICY, nowMs),
    throttle: loginThrottle(options.throttle ?? THROTTLE_POLICY, nowMs),
    events: curatorEvents(options.db, now),
    checkPassword: options.checkPassword ?? curatorPasswords.check,
    directory: curatorDirectory({ db: options.db, onChange: options.onChange, now }),
    log: options.log,
    now,
    publicOrigin: options.publicOrigin,
    embedOrigins: options.embedOrigins ?? PRODUCTION_ORIGINS,
  })
}
