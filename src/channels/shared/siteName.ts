/**
 * The site a page belongs to, as people name it: its host without "www.". Text that is not an
 * address is returned as it is.
 * @example siteName('https://www.preventell.se/om-oss') // 'preventell.se'
 */
export function siteName(url: string): string {
  if (!URL.canParse(url)) return url
  return new URL(url).hostname.replace(/^www\./i, '')
}
