import { buildAppDeps } from '../app/buildAppDeps'
import { createApp } from '../app/createApp'
import { indexDirectory } from '../core/directory/indexDirectory'
import { generateKeyring } from '../core/state/keyring'
import type { LogSink } from '../middleware/privacyLogger'
import { loadBundledData } from '../storage/bundledData'

/**
 * The app a Worker serves while its configuration is broken (e.g. STATE_KEYS is invalid), where
 * Node would refuse to start: no conversation runs, so every conversation page and API call ends
 * on the app's last-resort page (500), which shows the urgent numbers of the built-in copy. The
 * static pages (privacy, safety) still answer.
 * @example return (await unavailableApp(consoleSink)).fetch(request, env, ctx)
 */
export async function unavailableApp(log: LogSink) {
  const fallback = indexDirectory(loadBundledData())
  const directory = {
    fallback,
    // Every turn reads the directory before it seals anything: refusing here stops each turn there.
    get: () => Promise.reject(new Error('the worker is not configured')),
    refresh: async () => undefined,
  }
  // Never seals a token (every turn stops at the directory); it only lets a token sent in fail to open.
  const keyring = await generateKeyring()
  return createApp(await buildAppDeps({ keyring, directory, log }))
}
