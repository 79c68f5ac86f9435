import { createTurnMemo } from '../channels/shared/createTurnMemo'
import type { TurnDeps } from '../channels/shared/turnDeps'
import type { EmbedOriginRules } from '../core/directory/embedOrigin'
import { createNameMatcher } from '../core/flow/createNameMatcher'
import type { FigureCounter } from '../core/figures/figureCounter'
import type { Keyring } from '../core/state/keyring'
import { createTranslator } from '../i18n/createTranslator'
import { uiLanguages } from '../i18n/resources'
import type { LogSink } from '../middleware/privacyLogger'
import type { AppDeps } from './createApp'
import type { DirectoryCache } from './createDirectoryCache'
import { loadCrisisPhrases } from './loadCrisisPhrases'
import { loadFlow } from './loadFlow'
import { loadNameAliases } from './loadNameAliases'

/**
 * Everything built once per process or isolate: flow, translations, name tables, directory cache.
 * @example createApp(await buildAppDeps({ keyring, directory: cache, log: consoleSink }))
 */
export async function buildAppDeps(options: {
  keyring: Keyring
  directory: DirectoryCache
  log: LogSink
  now?: () => number
  publicOrigin?: string
  embedOrigins?: EmbedOriginRules
  /** The partner figures' counter (docs/figures.md); none with FIGURES=off, and then nothing is counted. */
  figures?: FigureCounter
}): Promise<AppDeps> {
  const aliases = loadNameAliases()
  const turn: TurnDeps = {
    flow: loadFlow(),
    keyring: options.keyring,
    translator: await createTranslator(),
    directory: () => options.directory.get(),
    isBuiltInCopy: (index) => index === options.directory.fallback,
    crisis: loadCrisisPhrases(),
    countries: createNameMatcher('region', uiLanguages, aliases.region, aliases.everydayWords?.words),
    languages: createNameMatcher('language', uiLanguages, aliases.language, aliases.everydayWords?.words),
    now: options.now ?? (() => Date.now()),
    embedOrigins: options.embedOrigins,
    publicOrigin: options.publicOrigin,
    memo: createTurnMemo(),
    figures: options.figures,
  }
  return { turn, log: options.log, fallback: options.directory.fallback, publicOrigin: options.publicOrigin }
}
