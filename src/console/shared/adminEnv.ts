import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import type { EmbedOriginRules } from '../../core/directory/embedOrigin'
import type { LogSink } from '../../middleware/privacyLogger'
import type * as schema from '../../storage/schema'
import type { CuratorAccount } from '../auth/curatorAccount'
import type { CuratorEvents } from '../auth/curatorEvents'
import type { CuratorSessions } from '../auth/curatorSessions'
import type { LoginThrottle } from '../auth/loginThrottle'
import type { PasswordCheck } from '../auth/curatorPasswords'
import type { CuratorDirectory } from '../directory/curatorDirectory'

/** What the console's routes are built from (createAdminApp). */
export interface AdminDeps {
  db: BetterSQLite3Database<typeof schema>
  sessions: CuratorSessions
  throttle: LoginThrottle
  /** Logins, logouts and account changes (time, account id, kind; nothing else). */
  events: CuratorEvents
  /** The argon2id password check (curatorPasswords.check). */
  checkPassword: PasswordCheck
  directory: CuratorDirectory
  log: LogSink
  /** Today for "confirm checked today" and staleness; tests pin it. */
  now: () => Date
  /** The configured PUBLIC_ORIGIN for embed snippets (never the Host header); unset: a placeholder. */
  publicOrigin: string | undefined
  /** Which partner origins the partner form accepts (PARTNER_DEV_ORIGINS). */
  embedOrigins: EmbedOriginRules
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
/** Both console cookies: sent only over HTTPS, never to scripts, never on another site's requests. */
export const CONSOLE_COOKIE = { path: '/', secure: true, httpOnly: true, sameSite: 'Strict' } as const
