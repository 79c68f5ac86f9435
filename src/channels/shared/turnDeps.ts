import type { EmbedOriginRules } from '../../core/directory/embedOrigin'
import type { DirectoryIndex } from '../../core/directory/indexDirectory'
import type { CrisisMatcher } from '../../core/crisis/detectUrgentWords'
import type { NameMatcher } from '../../core/flow/createNameMatcher'
import type { Flow } from '../../core/flow/flowSchema'
import type { FigureCounter } from '../../core/figures/figureCounter'
import type { Keyring } from '../../core/state/keyring'
import type { Translator } from '../../i18n/createTranslator'
import type { TurnMemo } from './createTurnMemo'

/** Everything a turn needs, built once per process or isolate by the runtime. */
export interface TurnDeps {
  flow: Flow
  keyring: Keyring
  translator: Translator
  /** The indexed directory (cached; falls back to the static copy when storage fails). */
  directory: () => Promise<DirectoryIndex>
  /** True for the copy built into the app, served while storage is down or slow. */
  isBuiltInCopy: (index: DirectoryIndex) => boolean
  /** Urgent phrases in typed text, which add urgent help to the reply. */
  crisis: CrisisMatcher
  countries: NameMatcher
  languages: NameMatcher
  now: () => number
  /** Which partner origins the widget names in frame-ancestors; production (no loopback) when absent. */
  embedOrigins?: EmbedOriginRules
  /** The configured public address (PUBLIC_ORIGIN): bot channels that cannot hold the conversation link to it. */
  publicOrigin?: string
  /** Turns remembered by (directory, language, answers); without it every turn is worked out afresh. */
  memo?: TurnMemo
  /** The partner figures' counter (docs/figures.md); absent or NO_FIGURES with FIGURES=off: nothing is counted. */
  figures?: FigureCounter
}
