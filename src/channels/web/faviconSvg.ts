/**
 * The tab's icon: a plain rounded square with a circle, in the page's accent colour. No letter or
 * symbol that says what the site is about, since others may see the tab.
 * @example app.get(faviconSvg.path, (c) => c.body(faviconSvg.body, 200, { 'Content-Type': faviconSvg.type }))
 */
export const faviconSvg = {
  path: '/favicon.svg',
  type: 'image/svg+xml',
  body: [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">',
    '<rect width="32" height="32" rx="7" fill="#1f5f8b"/>',
    '<circle cx="16" cy="16" r="7" fill="#ffffff"/>',
    '</svg>',
  ].join(''),
} as const
