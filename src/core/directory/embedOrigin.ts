/** Which embedding origins a server accepts; `devOrigins` (PARTNER_DEV_ORIGINS=on) adds loopback ones. */
export interface EmbedOriginRules {
  devOrigins: boolean
}

/** The default everywhere: what a public server may send in `frame-ancestors`. */
export const PRODUCTION_ORIGINS: EmbedOriginRules = { devOrigins: false }
/** Development servers and the tests: loopback origins allowed too. */
export const DEVELOPMENT_ORIGINS: EmbedOriginRules = { devOrigins: true }

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * An origin the widget may be framed by, as CSP `frame-ancestors` takes it: `self`, or
 * `https://` + a host name with a dot (labels of letters, digits and inner hyphens; the last one
 * starts with a letter, so no bare IP address) + an optional port 1–65535, nothing after it.
 * Loopback hosts (`localhost`, `127.0.0.1`, `[::1]`, http or https, any port or `:*`) only under
 * DEVELOPMENT_ORIGINS.
 * @example isEmbedOrigin('https://www.helpline.example:8443', PRODUCTION_ORIGINS) // true; 'https://-.-' → false
 */
export function isEmbedOrigin(value: string, rules: EmbedOriginRules): boolean {
  if (value === 'self') return true
  const match = /^(https?):\/\/(\[::1\]|[^/:?#[\]@\s]+)(?::([^/?#\s]*))?$/.exec(value)
  if (!match) return false
  const [, scheme, host = '', port] = match
  if (LOOPBACK.has(host)) return rules.devOrigins && (port === undefined || port === '*' || isPort(port))
  return scheme === 'https' && isHostName(host) && (port === undefined || isPort(port))
}

function isPort(port: string): boolean {
  return /^[1-9]\d{0,4}$/.test(port) && Number(port) <= 65_535
}

function isHostName(host: string): boolean {
  const labels = host.split('.')
  return host.length <= 253 && labels.length >= 2 && labels.every((label) => LABEL.test(label)) && /^[a-z]/.test(labels.at(-1) ?? '')
}
