/** Hostnames, as the WHATWG URL parser writes them, that can only mean this machine. */
const LOOPBACK_HOSTNAME = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])$/

/**
 * True for a URL's `hostname` that names this machine: `localhost`, 127.0.0.0/8 or `[::1]`. Exact
 * forms only: `localhost.evil`, `127.0.0.1.nip.io`, `localhost.` and `[::ffff:127.0.0.1]` are not.
 * @example isLoopbackHostname(new URL('http://127.0.0.1:3978/').hostname) // true
 */
export function isLoopbackHostname(hostname: string): boolean {
  return LOOPBACK_HOSTNAME.test(hostname)
}
