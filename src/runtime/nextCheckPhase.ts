let pending: Promise<void> | undefined

/**
 * Resolves in this event-loop iteration's check phase (setImmediate), one timer shared by every
 * caller of the iteration, so the continuations run together, after all the I/O that was ready.
 * Under load a server then handles requests phase by phase, in batches (the same code stays hot,
 * responses are written together), instead of one request start to finish after another.
 * @example const sealed = compute(); await nextCheckPhase(); return sealed
 */
export function nextCheckPhase(): Promise<void> {
  pending ??= new Promise<void>((resolve) =>
    setImmediate(() => {
      pending = undefined
      resolve()
    }),
  )
  return pending
}
