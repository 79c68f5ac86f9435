/**
 * Keeps everything this process prints while a server runs in it (stdout, stderr and every console
 * method, which vitest routes around process.stdout), and still passes it on: capture, not mock.
 * @example const output = captureOutput(); …; expect(output.text()).not.toContain(CANARY); output.restore()
 */
export function captureOutput() {
  const written: string[] = []
  const undo: (() => void)[] = []

  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write
    stream.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
      written.push(typeof chunk === 'string' ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk).toString('utf8') : String(chunk))
      return Reflect.apply(original, this, [chunk, ...rest])
    } satisfies typeof stream.write
    undo.push(() => {
      stream.write = original
    })
  }
  for (const name of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    const original = console[name]
    console[name] = (...args: unknown[]) => {
      written.push(args.map((arg) => (typeof arg === 'string' ? arg : describe(arg))).join(' '))
      Reflect.apply(original, console, args)
    }
    undo.push(() => {
      console[name] = original
    })
  }

  return {
    /** Everything printed so far, joined. */
    text: () => written.join('\n'),
    restore() {
      for (const step of undo.reverse()) step()
    },
  }
}

/** An argument as a person reading the log would see it, errors with their stack. */
function describe(value: unknown): string {
  try {
    return value instanceof Error ? `${value.name}: ${value.message}\n${value.stack ?? ''}` : (JSON.stringify(value) ?? String(value))
  } catch {
    return String(value)
  }
}
