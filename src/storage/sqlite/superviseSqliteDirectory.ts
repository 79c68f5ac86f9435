import type { DirectoryData } from '../../core/directory/directoryData'
import type { DirectorySource } from '../directorySource'
import { openSqliteDirectory, type SqliteDirectory } from './openSqliteDirectory'
import { SqliteFault } from './SqliteFault'
import { sqliteFaultReason } from './sqliteFaultReason'

/**
 * A change of the file's state, said once: `fault` when it goes bad (`reason` completes "the
 * database file X …"; `during` 'start' if it was never read, 'run' if a directory was loaded from
 * it before), or a fault's reason changes; `healthy` when it reads cleanly again, or `replaced`
 * when another file (or a new one, `seeded`) at the path was opened instead of the one that left.
 */
export type DatabaseChange =
  | { kind: 'fault'; reason: string; during: 'start' | 'run' }
  | { kind: 'healthy'; seeded: boolean; replaced: boolean }

/** How often the file is checked while healthy and tried again while not, and how long a lock may stall either. */
export interface SupervisionTiming {
  checkMs?: number
  retryMs?: number
  busyTimeoutMs?: number
}

/** The supervised file: `source` reads it while healthy; `healthy()` hands out the open file only then. */
export interface SupervisedSqliteDirectory {
  source: DirectorySource
  healthy(): SqliteDirectory | undefined
  close(): void
}

const CHECK_MS = 60_000
const RETRY_MS = 30_000
/** A lock held by another process must not stall the server's start (or a check) for long. */
const BUSY_TIMEOUT_MS = 250

/**
 * Opens the SQLite directory without ever letting it stop the server: a file that cannot be
 * opened, read or migrated is reported through `onChange` and tried again every `retryMs`; an open
 * file is checked every `checkMs` (checkSqliteFile, about a millisecond) and a fault found is
 * reported once. At most one connection is open, and a damaged file is only ever read: it is the
 * operator's to repair. The timers never keep the process alive; `close` stops them.
 * @example const database = superviseSqliteDirectory({ file, seed, migrationsFolder, onChange: (change) => warn(String(change.kind)) })
 */
export function superviseSqliteDirectory(
  options: SupervisionTiming & { file: string; seed: DirectoryData; migrationsFolder: string; onChange: (change: DatabaseChange) => void },
): SupervisedSqliteDirectory {
  const checkMs = options.checkMs ?? CHECK_MS
  const retryMs = options.retryMs ?? RETRY_MS
  const busyTimeoutMs = options.busyTimeoutMs ?? BUSY_TIMEOUT_MS
  let open: SqliteDirectory | undefined
  /** The reason last reported while the file is not healthy; undefined while it is. */
  let fault: string | undefined
  let everOpened = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let closed = false

  const report = (error: unknown) => {
    const reason = sqliteFaultReason(error)
    if (reason === fault) return
    fault = reason
    options.onChange({ kind: 'fault', reason, during: everOpened ? 'run' : 'start' })
  }
  const recover = (replaced: boolean) => {
    if ((fault === undefined && !replaced) || !open) return
    fault = undefined
    options.onChange({ kind: 'healthy', seeded: open.seeded, replaced })
  }
  const tryOpen = (replaced = false) => {
    try {
      open = openSqliteDirectory(options.file, options.seed, options.migrationsFolder, { busyTimeoutMs })
      everOpened = true
      recover(replaced)
    } catch (error) {
      report(error)
    }
  }
  const check = (current: SqliteDirectory) => {
    try {
      current.check(busyTimeoutMs)
      recover(false)
    } catch (error) {
      if (!(error instanceof SqliteFault && error.moved)) return report(error)
      // Another file now at the path (or none): the connection still reads the old one. Let go
      // of it and open what is there, as a restart would; what that finds is the one line said.
      current.close()
      open = undefined
      tryOpen(true)
    }
  }
  const schedule = () => {
    timer = setTimeout(tick, fault === undefined ? checkMs : retryMs)
    timer.unref()
  }
  const tick = () => {
    if (closed) return
    try {
      if (open) check(open)
      else tryOpen()
    } finally {
      // Whatever a listener throws, the checks go on.
      schedule()
    }
  }

  // The first open reports only a fault: a healthy start says nothing.
  tryOpen()
  schedule()

  return {
    source: {
      load: () => (open && fault === undefined ? open.source.load() : Promise.reject(new SqliteFault(fault ?? 'is not open'))),
    },
    healthy: () => (fault === undefined ? open : undefined),
    close() {
      closed = true
      clearTimeout(timer)
      open?.close()
      open = undefined
    },
  }
}
