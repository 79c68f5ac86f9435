import { drizzle, type AnyD1Database } from 'drizzle-orm/d1'
import { counterBatch } from '../../core/figures/counterBatch'
import type { FigureCounter } from '../../core/figures/figureCounter'
import { createFiguresRepository } from '../figuresRepository'
import * as schema from '../schema'

/** An isolate writes its counts at most once a minute, in one batch. */
const FLUSH_AFTER_MS = 60_000

/** The D1 counter: `flushIfDue` after each request (the write in the background); `flush` writes now. */
export interface D1FigureCounter extends FigureCounter {
  flushIfDue(waitUntil: (promise: Promise<unknown>) => void, now: number): void
  flush(): Promise<void>
}

/**
 * The figures on Workers (docs/figures.md): each isolate adds up its counts in memory and, at the
 * end of a request once `flushAfterMs` have passed since its last write (or since it began
 * counting), hands one D1 batch of upserts to `waitUntil`, so no request waits on it. One write is
 * in flight at a time; a failed one puts its counts back for the next and says why once.
 * @example const figures = d1FigureCounter(env.DB, { warn }); figures.add(keys); figures.flushIfDue((p) => ctx.waitUntil(p), Date.now())
 */
export function d1FigureCounter(
  d1: AnyD1Database,
  options: { flushAfterMs?: number; warn?: (message: string) => void } = {},
): D1FigureCounter {
  const db = drizzle(d1, { schema })
  const repository = createFiguresRepository(db)
  const batch = counterBatch()
  const flushAfterMs = options.flushAfterMs ?? FLUSH_AFTER_MS
  /** When the last write began, or when counting began before any write. */
  let since: number | undefined
  let writing: Promise<void> | undefined
  /** The reason last said while writes fail; undefined while they work. */
  let fault: string | undefined

  const write = async (): Promise<void> => {
    const rows = batch.take()
    try {
      const [first, ...rest] = repository.addStatements(rows)
      if (first) await db.batch([first, ...rest])
      fault = undefined
    } catch (error) {
      batch.restore(rows)
      const reason = d1WriteReason(error)
      if (reason !== fault) {
        fault = reason
        options.warn?.(`figures: D1 refused the counts (${reason}); they are kept in memory and written at the next try`)
      }
    }
  }
  const start = (): Promise<void> => {
    const started = write().finally(() => {
      writing = undefined
    })
    writing = started
    return started
  }

  return {
    add(keys) {
      batch.add(keys)
    },
    flushIfDue(waitUntil, now) {
      if (batch.size === 0 || writing) return
      if (since === undefined) since = now
      if (now - since < flushAfterMs) return
      since = now
      waitUntil(start())
    },
    async flush() {
      await writing
      if (batch.size > 0) await start()
    },
  }
}

/**
 * What went wrong, in one line and without the query's values: drizzle wraps D1's error in one
 * whose message lists the parameters, so only the cause's first line is said.
 */
function d1WriteReason(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error
  const message = cause instanceof Error ? (cause.message.split('\n')[0] ?? cause.name) : 'an unknown error'
  return message.slice(0, 200)
}
