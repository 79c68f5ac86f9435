/**
 * robots.txt: the landing pages may be crawled; the conversation's form target, the widget, the
 * console and the API may not. A `Sitemap:` line needs an absolute address, so it is written only
 * with the configured PUBLIC_ORIGIN (never the Host header), else a comment says why it is missing.
 * @example robotsTxt('https://help.example.org') // '…Sitemap: https://help.example.org/sitemap.xml\n'
 */
export function robotsTxt(publicOrigin: string | undefined): string {
  return [
    'User-agent: *',
    'Allow: /',
    'Disallow: /turn',
    'Disallow: /results.txt',
    'Disallow: /widget/',
    'Disallow: /admin',
    'Disallow: /api/',
    '',
    publicOrigin ? `Sitemap: ${publicOrigin}/sitemap.xml` : '# No Sitemap line: set PUBLIC_ORIGIN to give its absolute address.',
    '',
  ].join('\n')
}
