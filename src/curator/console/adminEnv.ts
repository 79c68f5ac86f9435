import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import type { LogSink } from '../../middleware/privacyLogger'
import type * as schema from '../../storage/schema'
import type { CuratorAccount } from '../auth/curatorAccount'
import type { CuratorSessions } from '../auth/curatorSessions'
import type { LoginThrottle } from '../auth/loginThrottle'
import type { CuratorDirectory } from '../directory/curatorDirectory'

/** What the console's routes are built from (createAdminApp). */
export interface AdminDeps {
  db: BetterSQLite3Database<typeof schema>
  sessions: CuratorSessions
  throttle: LoginThrottle
  directory: CuratorDirectory
  log: LogSink
  /** Today for "confirm checked today" and staleness; tests pin it. */
  now: () => Date
}

/** Hono's typing for the console: a logged-in curator and their CSRF token are set by the session middleware. */
export interface AdminEnv {
  Variables: {
    nonce: string
    curator: CuratorAccount
    /** The session's CSRF token: every form carries it as the hidden field `csrf`. */
    csrf: string
    sessionToken: string
  }
}

/** The session cookie. `__Host-` makes the browser insist on Secure, Path=/ and no Domain. */
export const SESSION_COOKIE = '__Host-hf-session'
/** The login form's double-submit cookie (login CSRF), only ever set on /admin/login. */
export const LOGIN_COOKIE = '__Host-hf-login'
