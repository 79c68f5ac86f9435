import * as z from 'zod'
import { isEmbedOrigin, PRODUCTION_ORIGINS, type EmbedOriginRules } from './embedOrigin'
import { CountryCode, LanguageCode } from './isoCodes'

/**
 * One entry of a partner's `origins` under `rules` (see isEmbedOrigin); the server's edge picks
 * the rules (PARTNER_DEV_ORIGINS), this module stays free of any environment.
 * @example embedOriginSchema(PRODUCTION_ORIGINS).safeParse('http://localhost:3000').success // false
 */
export function embedOriginSchema(rules: EmbedOriginRules) {
  const error = rules.devOrigins
    ? 'must be "self", an https:// origin (scheme, host, optional port; no path), or an http:// loopback origin'
    : 'must be "self" or an https:// origin: a host name with a dot (letters, digits, hyphens), an optional port 1–65535, no path; http://localhost only on a development server (PARTNER_DEV_ORIGINS=on)'
  return z.string().refine((value) => isEmbedOrigin(value, rules), { error })
}

/**
 * A helpline or service that embeds the widget. Curated like the directory: who it is, where it may
 * embed (none listed: nowhere; the widget fails closed), its own services to show first when they
 * fit the person, and the widget's default country and language. `rules` decide which origins
 * pass (production by default).
 * @example partnerSchema(DEVELOPMENT_ORIGINS).parse(stored)
 */
export function partnerSchema(rules: EmbedOriginRules = PRODUCTION_ORIGINS) {
  return z.object({
    id: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      .max(64),
    name: z.string().min(1).max(200),
    /** A made-up partner (the demo): never presented as a real organisation. */
    fictional: z.boolean(),
    origins: z.array(embedOriginSchema(rules)).max(50),
    /** Initiative ids, shown first (in this order) when they are among a person's matches. */
    featured: z.array(z.string().min(1)).max(20),
    defaultCountry: CountryCode.nullable(),
    defaultLanguage: LanguageCode.nullable(),
    lastChecked: z.iso.date(),
    notes: z.string().min(1).nullable(),
  })
}

/** A partner as a public server accepts it (PRODUCTION_ORIGINS). */
export const PartnerSchema = partnerSchema()
export type Partner = z.infer<typeof PartnerSchema>

/**
 * `data/partners.json`, under `rules` (production by default).
 * @example partnersFileSchema(DEVELOPMENT_ORIGINS).parse(json)
 */
export function partnersFileSchema(rules: EmbedOriginRules = PRODUCTION_ORIGINS) {
  return z.object({
    $comment: z.string().optional(),
    partners: z.array(partnerSchema(rules)),
  })
}
export const PartnersFileSchema = partnersFileSchema()
