import * as z from 'zod'
import { CountryCode, LanguageCode } from './isoCodes'

const LOOPBACK_HOST = /^(localhost|127\.0\.0\.1|\[::1\])$/

/**
 * An origin allowed to embed the widget, as CSP `frame-ancestors` takes it: `https://host[:port]`,
 * `http://` only for loopback (local trials; a `:*` port is allowed there), or `self` for
 * Helpfinder's own origin (the /demo page).
 */
export const EmbedOriginSchema = z.string().refine(isEmbedOrigin, { error: 'must be "self", an https:// origin (scheme, host, optional port; no path), or an http:// loopback origin' })

function isEmbedOrigin(value: string): boolean {
  if (value === 'self') return true
  const match = /^(https?):\/\/([a-z0-9.-]+|\[::1\])(?::(\d{1,5}|\*))?$/.exec(value)
  if (!match) return false
  const [, scheme, host = '', port] = match
  if (scheme === 'http' && !LOOPBACK_HOST.test(host)) return false
  if (port === '*' && !LOOPBACK_HOST.test(host)) return false
  return !host.startsWith('.') && !host.endsWith('.') && !host.includes('..')
}

/**
 * A helpline or service that embeds the widget. Curated like the directory: who it is, where it may
 * embed (none listed: nowhere; the widget fails closed), its own services to show first when they
 * fit the person, and the widget's default country and language.
 */
export const PartnerSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(64),
  name: z.string().min(1).max(200),
  /** A made-up partner (the demo): never presented as a real organisation. */
  fictional: z.boolean(),
  origins: z.array(EmbedOriginSchema).max(50),
  /** Initiative ids, shown first (in this order) when they are among a person's matches. */
  featured: z.array(z.string().min(1)).max(20),
  defaultCountry: CountryCode.nullable(),
  defaultLanguage: LanguageCode.nullable(),
  lastChecked: z.iso.date(),
  notes: z.string().min(1).nullable(),
})
export type Partner = z.infer<typeof PartnerSchema>

/** `data/partners.json`. */
export const PartnersFileSchema = z.object({
  $comment: z.string().optional(),
  partners: z.array(PartnerSchema),
})
