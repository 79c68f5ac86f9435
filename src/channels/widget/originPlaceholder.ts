/**
 * What embed snippets (the console's and /demo's) say where the service's address goes while
 * PUBLIC_ORIGIN is not set: they name the configured origin, never the Host header a request claims.
 * @example const origin = publicOrigin ?? ORIGIN_PLACEHOLDER
 */
export const ORIGIN_PLACEHOLDER = 'https://<your Helpfinder address>'
