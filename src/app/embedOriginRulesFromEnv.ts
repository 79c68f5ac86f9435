import { DEVELOPMENT_ORIGINS, PRODUCTION_ORIGINS, type EmbedOriginRules } from '../core/directory/embedOrigin'

/**
 * `PARTNER_DEV_ORIGINS=on` (a development server: partners may list `http://localhost` origins),
 * read where the runtime or a script meets its environment; anything else is production.
 * @example embedOriginRulesFromEnv(process.env) // PRODUCTION_ORIGINS unless PARTNER_DEV_ORIGINS=on
 */
export function embedOriginRulesFromEnv(env: Readonly<Record<string, unknown>>): EmbedOriginRules {
  return env.PARTNER_DEV_ORIGINS === 'on' ? DEVELOPMENT_ORIGINS : PRODUCTION_ORIGINS
}
