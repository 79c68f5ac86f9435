import { afterAll, beforeAll } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchChromium } from './chromium'
import { startNodeServer } from './startNodeServer'

/** What a browser test file shares: the app on loopback and one Chromium, ready inside its tests. */
export interface ServerAndBrowser {
  server: Awaited<ReturnType<typeof startNodeServer>>
  browser: Browser
}

/**
 * Starts the app (as `npm start` runs it, on loopback) and Debian's Chromium before a file's tests,
 * and stops both after them. The fields are set once `beforeAll` has run.
 * @example const env = useServerAndBrowser(); it('…', async () => { await env.browser.newContext() })
 */
export function useServerAndBrowser(options?: Parameters<typeof startNodeServer>[0]): ServerAndBrowser {
  const env = {} as ServerAndBrowser
  beforeAll(async () => {
    env.server = await startNodeServer(options)
    env.browser = await launchChromium()
  }, 60_000)
  afterAll(async () => {
    await env.browser?.close()
    await env.server?.stop()
  })
  return env
}
