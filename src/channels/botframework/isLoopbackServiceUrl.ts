import { isLoopbackHostname } from './isLoopbackHostname'

/**
 * True when a `serviceUrl` is the bare origin of a loopback address (`http://127.0.0.1:3978`,
 * `http://localhost:3978/`): what the Emulator and a test channel send. The string must already be
 * in the URL parser's own canonical form, so the SDK's URL handling cannot read it differently
 * (no userinfo, uppercase, trailing dots, `0x7f.1`, backslashes), and it must have no path,
 * query or fragment, so a caller cannot choose which local path the replies are posted to.
 * @example isLoopbackServiceUrl('http://127.0.0.1:19199/exact/path?x=') // false
 */
export function isLoopbackServiceUrl(serviceUrl: string): boolean {
  let url: URL
  try {
    url = new URL(serviceUrl)
  } catch {
    return false
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false
  return isLoopbackHostname(url.hostname) && (serviceUrl === url.origin || serviceUrl === `${url.origin}/`)
}
