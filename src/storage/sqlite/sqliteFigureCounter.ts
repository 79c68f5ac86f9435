import { counterBatch } from '../../core/figures/counterBatch'
import type { FigureCounter } from '../../core/figures/figureCounter'
import { createFiguresRepository } from '../figuresRepository'
import { openSqliteFile, type SqliteFile } from './openSqliteFile'
import { sqliteFaultReason } from './sqliteFaultReason'

/** Once an hour (docs/figures.md): a crash loses at most that much. */
const FLUSH_EVERY_MS = 3_600_000
/** A curator's import holds the write lock for a moment; longer than that, the write waits for the next tick. */
const BUSY_TIMEOUT_MS = 1_000

/** The SQLite counter: `flush` writes now and says how many counter rows it wrote; `close` stops the schedule and flushes once. */
export interface SqliteFigureCounter extends FigureCounter {
  flush(): number
  close(): void
}

/**
 * The figures on Node: counts are added up in memory and written to the server's SQLite file on a
 * fixed schedule, in one transaction, so the moment the file changes does not tell when a
 * conversation happened. The file is the one the directory's supervisor made and migrated; while
 * it cannot be written (missing tables, damaged, locked) the counts stay in memory, one line says
 * why, and the next tick tries again. The timer never keeps the process alive.
 * @example const figures = sqliteFigureCounter({ file: '.data/helpfinder.sqlite', warn }); figures.add(keys); figures.close()
 */
export function sqliteFigureCounter(options: {
  file: string
  flushEveryMs?: number
  busyTimeoutMs?: number
  warn?: (message: string) => void
}): SqliteFigureCounter {
  const batch = counterBatch()
  const busyTimeoutMs = options.busyTimeoutMs ?? BUSY_TIMEOUT_MS
  const flushEveryMs = options.flushEveryMs ?? FLUSH_EVERY_MS
  /** The reason last said while writes fail; undefined while they work. */
  let fault: string | undefined

  const flush = (): number => {
    if (batch.size === 0) return 0
    const rows = batch.take()
    let file: SqliteFile | undefined
    try {
      file = openSqliteFile(options.file, { mustExist: true, busyTimeoutMs })
      const statements = createFiguresRepository(file.db).addStatements(rows)
      file.sqlite.transaction(() => {
        for (const statement of statements) statement.run()
      })()
      fault = undefined
      return rows.length
    } catch (error) {
      batch.restore(rows)
      const reason = sqliteFaultReason(error)
      if (reason !== fault) {
        fault = reason
        const minutes = Math.round(flushEveryMs / 60_000)
        options.warn?.(
          `figures: the database file ${options.file} ${reason}; the counts are kept in memory and written at the next try (every ${minutes} min)`,
        )
      }
      return 0
    } finally {
      closeQuietly(file)
    }
  }

  const timer = setInterval(flush, flushEveryMs)
  timer.unref()

  return {
    add(keys) {
      batch.add(keys)
    },
    flush,
    close() {
      clearInterval(timer)
      flush()
    },
  }
}

/** The transaction has committed or rolled back by now: a failing close loses no count. */
function closeQuietly(file: SqliteFile | undefined): void {
  try {
    file?.sqlite.close()
  } catch {
    // Nothing to keep: better-sqlite3 releases the handle either way.
  }
}
