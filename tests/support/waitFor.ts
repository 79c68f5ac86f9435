/**
 * Polls `condition` every 25 ms until it is true; fails with `what` after `ms`.
 * @example await waitFor(() => warnings.length === 2, 'the recovery line')
 */
export async function waitFor(condition: () => boolean, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`waited ${ms} ms for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}
