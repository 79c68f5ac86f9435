import type { LogLine, LogSink } from '../middleware/privacyLogger'

/** Lines held while the event loop is busy; past this a flood is counted, not kept. */
const MAX_PENDING = 5_000

/**
 * The Node server's log sink: lines are gathered while the event loop serves requests and written
 * together, once per loop iteration, in one write (a write to a pipe or file is synchronous on
 * Linux: one per request was ~7% of a turn). What is left is written when the process exits. A
 * flood beyond MAX_PENDING lines in one iteration is dropped and said in one line.
 * @example createNodeApp({ …, log: batchedStdoutSink() })
 */
export function batchedStdoutSink(write: (text: string) => void = (text) => void process.stdout.write(text)): LogSink {
  let pending: string[] = []
  let dropped = 0
  let scheduled = false
  const flush = () => {
    scheduled = false
    if (pending.length === 0 && dropped === 0) return
    if (dropped > 0) pending.push(JSON.stringify({ dropped }))
    const text = `${pending.join('\n')}\n`
    pending = []
    dropped = 0
    write(text)
  }
  process.once('exit', flush)
  return (line: LogLine) => {
    if (pending.length >= MAX_PENDING) dropped += 1
    else pending.push(JSON.stringify(line))
    if (!scheduled) {
      scheduled = true
      setImmediate(flush)
    }
  }
}
