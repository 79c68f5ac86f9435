import { Hono } from 'hono'
import { faviconSvg } from './faviconSvg'
import { robotsTxt } from './robotsTxt'
import { sitemapXml } from './sitemapXml'

/** An hour: the same for everyone, nothing personal, and it changes only with a new version. */
const CACHE_FOR_AN_HOUR = 'public, max-age=3600'

/**
 * What search engines and browsers ask a site for by name: robots.txt, sitemap.xml and the icon
 * (`/favicon.ico` too, which browsers ask for on pages without a link, such as the console's).
 * Each is the same for everyone, so each may be kept, unlike every page.
 * @example app.route('/', searchEngineRoutes({ publicOrigin: 'https://help.example.org' }))
 */
export function searchEngineRoutes(options: { publicOrigin: string | undefined }) {
  const app = new Hono()
  const robots = robotsTxt(options.publicOrigin)
  const sitemap = sitemapXml(options.publicOrigin)
  const shared = (type: string) => ({ 'Content-Type': type, 'Cache-Control': CACHE_FOR_AN_HOUR })
  app.get('/robots.txt', (c) => c.body(robots, 200, shared('text/plain; charset=utf-8')))
  app.get('/sitemap.xml', (c) => c.body(sitemap, 200, shared('application/xml; charset=utf-8')))
  app.get(faviconSvg.path, (c) => c.body(faviconSvg.body, 200, shared(faviconSvg.type)))
  app.get('/favicon.ico', (c) => c.body(faviconSvg.body, 200, shared(faviconSvg.type)))
  return app
}
