import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { DEVELOPMENT_ORIGINS } from '../../src/core/directory/embedOrigin'
import { loadBundledData } from '../../src/storage/bundledData'
import { launchChromium } from './chromium'
import { startHostSite } from './startHostSite'
import { startNodeServer } from './startNodeServer'
import { testPartner } from './testPartner'

/** What a widget browser test shares: Helpfinder, a helpline's host site on another origin, one Chromium. */
export interface WidgetHost {
  server: Awaited<ReturnType<typeof startNodeServer>>
  host: Awaited<ReturnType<typeof startHostSite>>
  browser: Browser
}

/**
 * Helpfinder on 127.0.0.1 with two test partners ("test-helpline" on http://localhost:*, featuring
 * Kein Täter werden; "elsewhere-helpline" on another site), the host page on localhost, and
 * Chromium resolving localhost to loopback; started before a file's tests, stopped after them.
 * The fields are set once `beforeAll` has run.
 * @example const env = useWidgetHost(); it('…', async () => { await env.browser.newContext() })
 */
export function useWidgetHost(): WidgetHost {
  const env = {} as WidgetHost
  beforeAll(async () => {
    const data = loadBundledData()
    const partners = [
      ...data.partners,
      testPartner({ id: 'test-helpline', origins: ['http://localhost:*'], featured: ['kein-taeter-werden'] }),
      testPartner({ id: 'elsewhere-helpline', origins: ['https://elsewhere.example'] }),
    ]
    // The host page is on http://localhost: a development server's rules (PARTNER_DEV_ORIGINS=on), given explicitly.
    env.server = await startNodeServer({ seed: { ...data, partners }, embedOrigins: DEVELOPMENT_ORIGINS })
    env.host = await startHostSite(env.server.base)
    env.browser = await launchChromium(['--host-resolver-rules=MAP localhost 127.0.0.1'])
  }, 60_000)
  afterAll(async () => {
    await env.browser?.close()
    await env.host?.stop()
    await env.server?.stop()
  })
  return env
}
