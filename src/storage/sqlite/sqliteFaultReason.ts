import { SqliteFault } from './SqliteFault'

/** SQLite's result codes (better-sqlite3 names them, e.g. SQLITE_BUSY_RECOVERY) by prefix, in plain words. */
const SQLITE_REASONS: readonly (readonly [string, string])[] = [
  ['SQLITE_NOTADB', 'is not a SQLite database'],
  ['SQLITE_CORRUPT', 'is damaged (SQLite reports it as malformed)'],
  ['SQLITE_BUSY', 'is locked by another process'],
  ['SQLITE_LOCKED', 'is locked by another process'],
  ['SQLITE_CANTOPEN', 'cannot be opened'],
  ['SQLITE_IOERR', 'cannot be read (a disk input/output error)'],
  ['SQLITE_READONLY', 'cannot be written to (read-only)'],
  ['SQLITE_FULL', 'cannot be written to (the disk is full)'],
  ['SQLITE_PERM', 'cannot be read (permission denied)'],
  ['SQLITE_AUTH', 'cannot be read (permission denied)'],
]

/** The file system's error codes (Node's `code`) met while looking at or opening the path. */
const FILE_REASONS: Readonly<Record<string, string>> = {
  EACCES: 'cannot be read (permission denied)',
  EPERM: 'cannot be read (permission denied)',
  ENOTDIR: 'cannot be reached: a part of its path is a file, not a folder',
  EEXIST: 'cannot be reached: a part of its path is a file, not a folder',
  ELOOP: 'cannot be reached: its path loops through symbolic links',
  EROFS: 'cannot be written to (a read-only file system)',
  ENOSPC: 'cannot be written to (the disk is full)',
  EIO: 'cannot be read (a disk input/output error)',
}

/**
 * Completes "the database file X …" for any error met opening, migrating or checking it: the
 * operator reads what is wrong, never a stack trace. Unknown errors keep their first line.
 * @example sqliteFaultReason(error) // 'is not a SQLite database' for SQLite's SQLITE_NOTADB
 */
export function sqliteFaultReason(error: unknown): string {
  if (error instanceof SqliteFault) return error.reason
  // drizzle wraps the driver's error ("Failed query: …"); its cause holds SQLite's code and words.
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error
  const code = cause instanceof Error && 'code' in cause && typeof cause.code === 'string' ? cause.code : ''
  const message = cause instanceof Error ? (cause.message.split('\n')[0] ?? '') : String(cause)
  const missing = /no such table: (\S+)/.exec(message)
  if (missing) return `is missing the table ${missing[1]}`
  const known = SQLITE_REASONS.find(([prefix]) => code.startsWith(prefix))?.[1] ?? FILE_REASONS[code]
  return known ?? `cannot be used (${message.slice(0, 200)})`
}
