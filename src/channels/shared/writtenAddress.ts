/**
 * A web address as a person would write it down or type it: without "https://" and a bare trailing
 * slash. The link keeps the full address in its href.
 * @example writtenAddress('https://www.kein-taeter-werden.de/') // 'www.kein-taeter-werden.de'
 */
export function writtenAddress(url: string): string {
  return url.replace(/^https?:\/\//i, '').replace(/\/$/, '')
}
